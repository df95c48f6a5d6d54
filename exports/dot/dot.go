// Package dot writes the network in Graphviz DOT through gonum's
// encoding/dot, one edge per relationship, coloured by type, and renders a
// picture with Graphviz's dot command when it is installed.
package dot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	gdot "gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/graphmodel"
)

var typeColour = map[string]string{
	"approached": "#4472C4", "received": "#70AD47", "paid": "#C00000", "travel_ban_leverage": "#7030A0",
	"other_leverage": "#ED7D31", "concession_sought": "#BF8F00", "onward_return": "#00B0F0",
	"transit": "#808080", "removal_blocked": "#000000", "migration_context": "#D9D9D9",
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

// Write writes g as DOT.
func Write(w io.Writer, g graphdata.Graph) error {
	mg := multi.NewDirectedGraph()
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
	if _, err := w.Write(b); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
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
