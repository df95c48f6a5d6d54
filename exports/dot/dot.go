// Package dot writes the network in Graphviz DOT through gonum's
// encoding/dot, one edge per relationship, coloured by type, with a title
// naming the dataset and a legend of the colours and shapes, and renders a
// picture with Graphviz's dot command when it is installed.
package dot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"os/exec"
	"strings"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	gdot "gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/graphmodel"
)

// typeColour is Okabe and Ito's colour-blind-safe palette, the same the
// HTML briefing uses, so a picture and the briefing read alike.
var typeColour = map[string]string{
	"approached": "#0072B2", "received": "#009E73", "paid": "#E69F00", "travel_ban_leverage": "#CC79A7",
	"other_leverage": "#D55E00", "concession_sought": "#8C6D00", "onward_return": "#56B4E9",
	"transit": "#7F7F7F", "removal_blocked": "#000000", "migration_context": "#BBBBBB",
}

type node struct {
	id int64
	graphdata.Node
}

func (n node) ID() int64     { return n.id }
func (n node) DOTID() string { return n.Node.ID }
func (n node) Attributes() []encoding.Attribute {
	shape := "ellipse"
	if n.Kind != "country" {
		shape = "box"
	}
	return []encoding.Attribute{{Key: "label", Value: fmt.Sprintf("%q", n.Label)}, {Key: "shape", Value: shape}}
}

type line struct {
	from, to node
	id       int64
	graphdata.Edge
}

func (l line) From() graph.Node         { return l.from }
func (l line) To() graph.Node           { return l.to }
func (l line) ID() int64                { return l.id }
func (l line) ReversedLine() graph.Line { l.from, l.to = l.to, l.from; return l }
func (l line) Attributes() []encoding.Attribute {
	if l.Type == "" { // an edge of a layer graph: its weight, not a relationship
		return []encoding.Attribute{{Key: "label", Value: fmt.Sprintf("%q", graphdata.FormatFloat(l.Weight))},
			{Key: "tooltip", Value: fmt.Sprintf("%q", fmt.Sprintf("%s weight %s: %v", l.Edge.ID, graphdata.FormatFloat(l.Weight), l.Relationships))}}
	}
	return []encoding.Attribute{{Key: "color", Value: fmt.Sprintf("%q", typeColour[l.Type])},
		{Key: "tooltip", Value: fmt.Sprintf("%q", l.Edge.ID+" "+l.Type+" "+l.Date)}}
}

var (
	_ graph.Node          = node{}
	_ graph.Line          = line{}
	_ encoding.Attributer = line{}
)

// titled gives the graph its title as graph attributes.
type titled struct {
	*multi.DirectedGraph
	title string
}

type attrs []encoding.Attribute

func (a attrs) Attributes() []encoding.Attribute { return a }

func (g titled) DOTAttributers() (graph, node, edge encoding.Attributer) {
	return attrs{{Key: "label", Value: fmt.Sprintf("%q", g.title)}, {Key: "labelloc", Value: "t"}, {Key: "fontsize", Value: "20"}},
		attrs{}, attrs{}
}

// Title is the line the picture is headed with: the dataset by name,
// version and the start of its content hash, and for a layer graph the
// layer.
func Title(g graphdata.Graph) string {
	p := g.Provenance
	t := "Leverage network: " + p.DatasetName
	if p.DatasetVersion != "" {
		t += " " + p.DatasetVersion
	}
	if p.ContentHash != "" {
		t += " (sha256 " + p.ContentHash[:min(12, len(p.ContentHash))] + ")"
	}
	if g.IsLayer() {
		return t + fmt.Sprintf(", layer %s: %d actors, %d weighted edges", g.Layer, len(g.Nodes), len(g.Edges))
	}
	return t + fmt.Sprintf(", %d actors, %d relationships", len(g.Nodes), len(g.Edges))
}

// legend is a cluster holding one HTML-like table: a coloured line per
// relationship type the graph has, in vocabulary order, and the two node
// shapes. It is one node named legend_, so readers that build a graph from
// the DOT see one extra, isolated node and nothing else.
func legend(g graphdata.Graph) string {
	has := map[string]bool{}
	for _, e := range g.Edges {
		has[e.Type] = true
	}
	var b strings.Builder
	b.WriteString("  // Legend: edge colours by relationship type, node shapes by kind of actor.\n")
	b.WriteString("  subgraph cluster_legend {\n    label=\"Legend\"\n    fontsize=14\n    color=\"#999999\"\n")
	// The table has its own heading: sfdp, which Render uses, draws no
	// cluster frames or labels.
	b.WriteString(`    legend_ [shape=plaintext label=<<table border="0" cellborder="0" cellspacing="2"><tr><td colspan="2"><b>Legend</b></td></tr>`)
	if g.IsLayer() {
		fmt.Fprintf(&b, `<tr><td>label</td><td align="left">%s</td></tr>`, html.EscapeString("edge weight: "+g.WeightDefinition))
	}
	for _, t := range graphmodel.RelTypes {
		if !has[string(t)] {
			continue
		}
		fmt.Fprintf(&b, `<tr><td><font color="%s"><b>&#9472;&#9472;&#9472;</b></font></td><td align="left">%s: %s</td></tr>`,
			typeColour[string(t)], t, html.EscapeString(direction[t]))
	}
	b.WriteString(`<tr><td>ellipse</td><td align="left">a country</td></tr>`)
	b.WriteString(`<tr><td>box</td><td align="left">a group of countries or unspecified nationalities</td></tr>`)
	b.WriteString("</table>>]\n  }\n")
	return b.String()
}

// direction says what an edge of each type runs from and to.
var direction = map[graphmodel.RelType]string{
	graphmodel.Approached: "pressing → pressed", graphmodel.Received: "nationality → receiving country",
	graphmodel.Paid: "payer → payee", graphmodel.TravelBanLeverage: "pressing → target",
	graphmodel.OtherLeverage: "pressing → target", graphmodel.ConcessionSought: "asking → asked",
	graphmodel.OnwardReturn: "first receiver → sent on to", graphmodel.Transit: "waypoint → destination",
	graphmodel.RemovalBlocked: "deporting → intended destination", graphmodel.MigrationContext: "nationality → host (context)",
}

// Write writes g as DOT, headed by Title and with a legend.
func Write(w io.Writer, g graphdata.Graph) error {
	mg := titled{DirectedGraph: multi.NewDirectedGraph(), title: Title(g)}
	nodes := map[string]node{}
	for _, n := range g.Nodes {
		x := node{id: graphmodel.Code(n.ID).ID(), Node: n}
		nodes[n.ID] = x
		mg.AddNode(x)
	}
	for _, e := range g.Edges {
		mg.SetLine(line{from: nodes[e.Source], to: nodes[e.Target], id: graphmodel.KeyID(e.ID), Edge: e})
	}
	b, err := gdot.MarshalMulti(mg, "leverage", "", "  ")
	if err != nil {
		return err
	}
	// gonum writes no subgraph for a multigraph, so the legend goes in
	// before the closing brace.
	end := bytes.LastIndexByte(b, '}')
	if end < 0 {
		return fmt.Errorf("dot: gonum wrote no closing brace")
	}
	if _, err := w.Write(b[:end]); err != nil {
		return err
	}
	_, err = io.WriteString(w, legend(g)+"}\n")
	return err
}

// ErrNoGraphviz is returned by Render when the dot command is not installed.
var ErrNoGraphviz = errors.New("Graphviz is not installed (the dot command was not found); install it (apt-get install graphviz) to render pictures")

// Render runs Graphviz's dot on the DOT text to produce format (svg or png).
func Render(ctx context.Context, dotText []byte, format string, w io.Writer) error {
	if format != "svg" && format != "png" {
		return fmt.Errorf("render format %q: svg or png", format)
	}
	path, err := exec.LookPath("dot")
	if err != nil {
		return ErrNoGraphviz
	}
	cmd := exec.CommandContext(ctx, path, "-K", "sfdp", "-Goverlap=prism", "-Gsplines=true", "-T"+format)
	cmd.Stdin = bytes.NewReader(dotText)
	cmd.Stdout = w
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("graphviz dot: %v: %s", err, stderr.String())
	}
	return nil
}
