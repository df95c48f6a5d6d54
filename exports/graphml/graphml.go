// Package graphml writes GraphML with typed attribute keys, readable by
// networkx.read_graphml, igraph, Gephi and yEd. Relationship ids travel as
// a data key (igraph drops GraphML's id attribute); the dataset's name,
// version, full content hash and the tool version are graph-level data.
package graphml

import (
	"io"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/internal/xmlout"
)

type key struct {
	ID, For, Name, Type string
}

var nodeKeys = []key{{"n_label", "node", "label", "string"}, {"n_kind", "node", "kind", "string"}, {"n_region", "node", "region", "string"},
	{"n_alpha3", "node", "alpha3", "string"}, {"n_placeholder", "node", "placeholder", "boolean"}}

var multiNodeKeys = []key{{"n_pagerank", "node", "pagerank", "double"}, {"n_in", "node", "in_relationships", "int"}, {"n_out", "node", "out_relationships", "int"}}

var edgeKeys = []key{{"e_relationship", "edge", "relationship", "string"}, {"e_type", "edge", "type", "string"}, {"e_event", "edge", "event", "string"},
	{"e_date", "edge", "date", "string"}, {"e_precision", "edge", "date_precision", "string"}, {"e_status", "edge", "status", "string"},
	{"e_instrument", "edge", "instrument", "string"}, {"e_people", "edge", "people", "long"}, {"e_count_q", "edge", "count_qualifier", "string"},
	{"e_amount", "edge", "amount", "long"}, {"e_currency", "edge", "currency", "string"}, {"e_amount_q", "edge", "amount_qualifier", "string"},
	{"e_counted", "edge", "counted", "boolean"}, {"e_confidence", "edge", "confidence", "string"}, {"e_sources", "edge", "sources", "string"},
	{"e_note", "edge", "note", "string"}, {"e_reported", "edge", "reported", "string"}, {"e_stated_by", "edge", "stated_by", "string"},
	{"e_payment_tie", "edge", "payment_tie", "string"}, {"e_part_of", "edge", "part_of", "string"}}

var layerEdgeKeys = []key{{"e_weight", "edge", "weight", "double"}, {"e_relationships", "edge", "relationships", "string"}}

func layerNodeKeys() []key {
	var out []key
	for _, c := range graphdata.MetricColumns {
		t := "double"
		if c.Integer {
			t = "int"
		}
		out = append(out, key{"n_" + c.Name, "node", c.Name, t})
	}
	return append(out, key{"n_community", "node", "community", "int"})
}

// Write writes g as GraphML: the multigraph of relationships, or a layer
// graph with its metrics on the nodes and its weights on the edges.
func Write(w io.Writer, g graphdata.Graph) error {
	x := xmlout.New(w)
	data := func(k, v string) { x.Element("data", v, "key", k) }
	keys := []key{}
	for _, kv := range g.GraphData() {
		keys = append(keys, key{"g_" + kv[0], "graph", kv[0], "string"})
	}
	keys = append(keys, nodeKeys...)
	if g.IsLayer() {
		keys = append(append(keys, layerNodeKeys()...), layerEdgeKeys...)
	} else {
		keys = append(append(keys, multiNodeKeys...), edgeKeys...)
	}
	x.Start("graphml", "xmlns", "http://graphml.graphdrawing.org/xmlns")
	for _, k := range keys {
		x.Start("key", "id", k.ID, "for", k.For, "attr.name", k.Name, "attr.type", k.Type)
		x.End("key")
	}
	x.Start("graph", "edgedefault", "directed")
	for _, kv := range g.GraphData() {
		data("g_"+kv[0], kv[1])
	}
	for _, n := range g.Nodes {
		x.Start("node", "id", n.ID)
		writeNodeData(n, g.IsLayer(), data)
		x.End("node")
	}
	for _, e := range g.Edges {
		if g.IsLayer() {
			x.Start("edge", "source", e.Source, "target", e.Target)
			data("e_weight", graphdata.FormatFloat(e.Weight))
			data("e_relationships", strings.Join(e.Relationships, "; "))
			x.End("edge")
			continue
		}
		x.Start("edge", "id", e.ID, "source", e.Source, "target", e.Target)
		writeEdgeData(e, data)
		x.End("edge")
	}
	x.End("graph")
	x.End("graphml")
	return x.Close()
}

// writeNodeData writes a node's attributes: a layer node's metrics (a
// placeholder's strengths only) and community, or a multigraph node's
// PageRank and relationship counts.
func writeNodeData(n graphdata.Node, layer bool, data func(k, v string)) {
	for _, kv := range [][2]string{{"n_label", n.Label}, {"n_kind", n.Kind}, {"n_region", n.Region}, {"n_alpha3", n.Alpha3}} {
		if kv[1] != "" {
			data(kv[0], kv[1])
		}
	}
	data("n_placeholder", strconv.FormatBool(n.Placeholder))
	if !layer {
		data("n_pagerank", strconv.FormatFloat(n.PageRank, 'g', 17, 64))
		data("n_in", strconv.Itoa(n.InDegree))
		data("n_out", strconv.Itoa(n.OutDegree))
		return
	}
	// A placeholder carries only the metrics computed for it.
	for _, c := range graphdata.MetricColumns {
		if !n.Placeholder || c.AllEdges {
			data("n_"+c.Name, c.Format(n.Metrics))
		}
	}
	if !n.Placeholder {
		data("n_community", strconv.Itoa(n.Community))
	}
}

// writeEdgeData writes one relationship's attributes; people and amount
// only where the relationship has them.
func writeEdgeData(e graphdata.Edge, data func(k, v string)) {
	for _, kv := range [][2]string{{"e_relationship", e.ID}, {"e_type", e.Type}, {"e_event", e.Event}, {"e_date", e.Date},
		{"e_precision", e.DatePrecision}, {"e_status", e.Status}, {"e_instrument", e.Instrument}} {
		if kv[1] != "" {
			data(kv[0], kv[1])
		}
	}
	if e.HasCount {
		data("e_people", strconv.FormatInt(e.Count, 10))
		data("e_count_q", e.CountQualifier)
	}
	if e.HasAmount {
		data("e_amount", strconv.FormatInt(e.Amount, 10))
		data("e_currency", e.Currency)
		data("e_amount_q", e.AmountQualifier)
	}
	data("e_counted", strconv.FormatBool(e.Counted))
	for _, kv := range [][2]string{{"e_confidence", e.Confidence}, {"e_sources", e.Sources}, {"e_note", e.Note},
		{"e_reported", e.Reported}, {"e_stated_by", e.StatedBy}, {"e_payment_tie", e.PaymentTie}, {"e_part_of", e.PartOf}} {
		if kv[1] != "" {
			data(kv[0], kv[1])
		}
	}
}
