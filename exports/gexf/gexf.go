// Package gexf writes GEXF 1.3 with typed attributes. The multigraph of
// relationships carries time spans (each edge's start and end are the
// period its date denotes, so Gephi's timeline plays the network as it
// grew) and no weight: Gephi then counts relationships, and people and
// amounts stay separate attributes. A layer graph carries the layer's
// weights and its metrics on the nodes.
package gexf

import (
	"io"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/internal/xmlout"
)

type attr struct{ id, title, typ string }

var nodeAttrs = []attr{{"kind", "kind", "string"}, {"region", "region", "string"}, {"alpha3", "alpha3", "string"}, {"placeholder", "placeholder", "boolean"}}

var multiNodeAttrs = []attr{{"pagerank", "pagerank", "double"}, {"in_relationships", "in_relationships", "integer"}, {"out_relationships", "out_relationships", "integer"}}

var edgeAttrs = []attr{{"relationship", "relationship", "string"}, {"type", "type", "string"}, {"event", "event", "string"}, {"date", "date", "string"},
	{"date_precision", "date_precision", "string"}, {"status", "status", "string"}, {"instrument", "instrument", "string"},
	{"people", "people", "long"}, {"count_qualifier", "count_qualifier", "string"}, {"amount", "amount", "long"}, {"currency", "currency", "string"},
	{"amount_qualifier", "amount_qualifier", "string"}, {"counted", "counted", "boolean"},
	{"confidence", "confidence", "string"}, {"sources", "sources", "string"}, {"note", "note", "string"},
	{"reported", "reported", "string"}, {"stated_by", "stated_by", "string"}, {"payment_tie", "payment_tie", "string"}, {"part_of", "part_of", "string"}}

// Write writes g as GEXF 1.3: the meta element, the attribute
// declarations, the nodes, the edges.
func Write(w io.Writer, g graphdata.Graph) error {
	x := xmlWriter{xmlout.New(w)}
	x.Start("gexf", "xmlns", "http://gexf.net/1.3", "version", "1.3")
	x.Start("meta", "lastmodifieddate", "2025-01-01")
	x.Element("creator", g.Provenance.Tool)
	var desc []string
	for _, kv := range g.GraphData() {
		desc = append(desc, kv[0]+": "+kv[1])
	}
	x.Element("description", strings.Join(desc, "; "))
	x.End("meta")
	x.declare(g)
	x.nodes(g)
	x.edges(g)
	x.End("graph")
	x.End("gexf")
	return x.Close()
}

// xmlWriter adds GEXF's attribute values to xmlout.Writer.
type xmlWriter struct{ xmlout.Writer }

func (x xmlWriter) value(k, v string) { x.Element("attvalue", "", "for", k, "value", v) }

// declare opens the graph (static for a layer, dynamic with dates for the
// multigraph) and declares its node and edge attributes.
func (x xmlWriter) declare(g graphdata.Graph) {
	nodeA, edgeA := append([]attr{}, nodeAttrs...), edgeAttrs
	if g.IsLayer() {
		for _, c := range graphdata.MetricColumns {
			t := "double"
			if c.Integer {
				t = "integer"
			}
			nodeA = append(nodeA, attr{c.Name, c.Name, t})
		}
		nodeA = append(nodeA, attr{"community", "community", "integer"})
		edgeA = []attr{{"relationships", "relationships", "string"}}
		x.Start("graph", "defaultedgetype", "directed", "mode", "static")
	} else {
		nodeA = append(nodeA, multiNodeAttrs...)
		x.Start("graph", "defaultedgetype", "directed", "mode", "dynamic", "timeformat", "date")
	}
	for _, cls := range []struct {
		name  string
		attrs []attr
	}{{"node", nodeA}, {"edge", edgeA}} {
		x.Start("attributes", "class", cls.name, "mode", "static")
		for _, a := range cls.attrs {
			x.Start("attribute", "id", a.id, "title", a.title, "type", a.typ)
			x.End("attribute")
		}
		x.End("attributes")
	}
}

func (x xmlWriter) nodes(g graphdata.Graph) {
	x.Start("nodes")
	for _, n := range g.Nodes {
		x.Start("node", "id", n.ID, "label", n.Label)
		x.Start("attvalues")
		for _, kv := range [][2]string{{"kind", n.Kind}, {"region", n.Region}, {"alpha3", n.Alpha3}} {
			if kv[1] != "" {
				x.value(kv[0], kv[1])
			}
		}
		x.value("placeholder", strconv.FormatBool(n.Placeholder))
		switch {
		case g.IsLayer():
			// A placeholder carries only the metrics computed for it.
			for _, c := range graphdata.MetricColumns {
				if !n.Placeholder || c.AllEdges {
					x.value(c.Name, c.Format(n.Metrics))
				}
			}
			if !n.Placeholder {
				x.value("community", strconv.Itoa(n.Community))
			}
		default:
			x.value("pagerank", strconv.FormatFloat(n.PageRank, 'g', 17, 64))
			x.value("in_relationships", strconv.Itoa(n.InDegree))
			x.value("out_relationships", strconv.Itoa(n.OutDegree))
		}
		x.End("attvalues")
		x.End("node")
	}
	x.End("nodes")
}

// edges writes a layer's weighted edges, or the multigraph's relationships
// with their time spans and attributes.
func (x xmlWriter) edges(g graphdata.Graph) {
	x.Start("edges")
	for i, e := range g.Edges {
		if g.IsLayer() {
			x.Start("edge", "id", strconv.Itoa(i), "source", e.Source, "target", e.Target, "weight", graphdata.FormatFloat(e.Weight))
			x.Start("attvalues")
			x.value("relationships", strings.Join(e.Relationships, "; "))
			x.End("attvalues")
			x.End("edge")
			continue
		}
		attrs := []string{"id", e.ID, "source", e.Source, "target", e.Target, "label", e.Type}
		// GEXF takes either bound alone: "by May 2025" has an end only.
		if !e.Start.IsZero() {
			attrs = append(attrs, "start", e.Start.Format("2006-01-02"))
		}
		if !e.End.IsZero() {
			attrs = append(attrs, "end", e.End.AddDate(0, 0, -1).Format("2006-01-02"))
		}
		x.Start("edge", attrs...)
		x.Start("attvalues")
		for _, kv := range [][2]string{{"relationship", e.ID}, {"type", e.Type}, {"event", e.Event}, {"date", e.Date}, {"date_precision", e.DatePrecision},
			{"status", e.Status}, {"instrument", e.Instrument}, {"reported", e.Reported}, {"stated_by", e.StatedBy}, {"payment_tie", e.PaymentTie}, {"part_of", e.PartOf}} {
			if kv[1] != "" {
				x.value(kv[0], kv[1])
			}
		}
		if e.HasCount {
			x.value("people", strconv.FormatInt(e.Count, 10))
			x.value("count_qualifier", e.CountQualifier)
		}
		if e.HasAmount {
			x.value("amount", strconv.FormatInt(e.Amount, 10))
			x.value("currency", e.Currency)
			x.value("amount_qualifier", e.AmountQualifier)
		}
		x.value("counted", strconv.FormatBool(e.Counted))
		for _, kv := range [][2]string{{"confidence", e.Confidence}, {"sources", e.Sources}, {"note", e.Note}} {
			if kv[1] != "" {
				x.value(kv[0], kv[1])
			}
		}
		x.End("attvalues")
		x.End("edge")
	}
	x.End("edges")
}
