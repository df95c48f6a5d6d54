// Package graphml writes GraphML with typed attribute keys, readable by
// networkx.read_graphml, igraph, Gephi and yEd. Relationship ids travel as
// a data key (igraph drops GraphML's id attribute); the dataset's name,
// version, full content hash and the tool version are graph-level data.
package graphml

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/exports/graphdata"
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
	{"e_payment_tie", "edge", "payment_tie", "string"}}

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
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	io.WriteString(w, xml.Header)
	start := func(name string, attrs ...string) {
		el := xml.StartElement{Name: xml.Name{Local: name}}
		for i := 0; i+1 < len(attrs); i += 2 {
			el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
		enc.EncodeToken(el)
	}
	end := func(name string) { enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}}) }
	data := func(k, v string) {
		start("data", "key", k)
		enc.EncodeToken(xml.CharData(v))
		end("data")
	}
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
	start("graphml", "xmlns", "http://graphml.graphdrawing.org/xmlns")
	for _, k := range keys {
		start("key", "id", k.ID, "for", k.For, "attr.name", k.Name, "attr.type", k.Type)
		end("key")
	}
	start("graph", "edgedefault", "directed")
	for _, kv := range g.GraphData() {
		data("g_"+kv[0], kv[1])
	}
	for _, n := range g.Nodes {
		start("node", "id", n.ID)
		for _, kv := range [][2]string{{"n_label", n.Label}, {"n_kind", n.Kind}, {"n_region", n.Region}, {"n_alpha3", n.Alpha3}} {
			if kv[1] != "" {
				data(kv[0], kv[1])
			}
		}
		data("n_placeholder", strconv.FormatBool(n.Placeholder))
		if g.IsLayer() {
			// A placeholder carries only the metrics computed for it.
			for _, c := range graphdata.MetricColumns {
				if !n.Placeholder || c.AllEdges {
					data("n_"+c.Name, c.Format(n.Metrics))
				}
			}
			if !n.Placeholder {
				data("n_community", strconv.Itoa(n.Community))
			}
		} else {
			data("n_pagerank", strconv.FormatFloat(n.PageRank, 'g', 17, 64))
			data("n_in", strconv.Itoa(n.InDegree))
			data("n_out", strconv.Itoa(n.OutDegree))
		}
		end("node")
	}
	for _, e := range g.Edges {
		if g.IsLayer() {
			start("edge", "source", e.Source, "target", e.Target)
			data("e_weight", graphdata.FormatFloat(e.Weight))
			data("e_relationships", strings.Join(e.Relationships, "; "))
			end("edge")
			continue
		}
		start("edge", "id", e.ID, "source", e.Source, "target", e.Target)
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
			{"e_reported", e.Reported}, {"e_stated_by", e.StatedBy}, {"e_payment_tie", e.PaymentTie}} {
			if kv[1] != "" {
				data(kv[0], kv[1])
			}
		}
		end("edge")
	}
	end("graph")
	end("graphml")
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
