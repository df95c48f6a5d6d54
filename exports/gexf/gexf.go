// Package gexf writes GEXF 1.3 with typed attributes. The multigraph of
// relationships carries time spans (each edge's start and end are the
// period its date denotes, so Gephi's timeline plays the network as it
// grew) and no weight: Gephi then counts relationships, and people and
// amounts stay separate attributes. A layer graph carries the layer's
// weights and its metrics on the nodes.
package gexf

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/exports/graphdata"
)

type attr struct{ id, title, typ string }

var nodeAttrs = []attr{{"kind", "kind", "string"}, {"region", "region", "string"}, {"alpha3", "alpha3", "string"}, {"placeholder", "placeholder", "boolean"}}

var multiNodeAttrs = []attr{{"pagerank", "pagerank", "double"}, {"in_relationships", "in_relationships", "integer"}, {"out_relationships", "out_relationships", "integer"}}

var edgeAttrs = []attr{{"relationship", "relationship", "string"}, {"type", "type", "string"}, {"event", "event", "string"}, {"date", "date", "string"},
	{"date_precision", "date_precision", "string"}, {"status", "status", "string"}, {"instrument", "instrument", "string"},
	{"people", "people", "long"}, {"count_qualifier", "count_qualifier", "string"}, {"amount", "amount", "long"}, {"currency", "currency", "string"},
	{"amount_qualifier", "amount_qualifier", "string"}, {"counted", "counted", "boolean"},
	{"confidence", "confidence", "string"}, {"sources", "sources", "string"}, {"note", "note", "string"},
	{"reported", "reported", "string"}, {"stated_by", "stated_by", "string"}, {"payment_tie", "payment_tie", "string"}}

// Write writes g as GEXF 1.3.
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
	value := func(k, v string) {
		start("attvalue", "for", k, "value", v)
		end("attvalue")
	}
	start("gexf", "xmlns", "http://gexf.net/1.3", "version", "1.3")
	start("meta", "lastmodifieddate", "2025-01-01")
	start("creator")
	enc.EncodeToken(xml.CharData(g.Provenance.Tool))
	end("creator")
	start("description")
	var desc []string
	for _, kv := range g.GraphData() {
		desc = append(desc, kv[0]+": "+kv[1])
	}
	enc.EncodeToken(xml.CharData(strings.Join(desc, "; ")))
	end("description")
	end("meta")
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
		start("graph", "defaultedgetype", "directed", "mode", "static")
	} else {
		nodeA = append(nodeA, multiNodeAttrs...)
		start("graph", "defaultedgetype", "directed", "mode", "dynamic", "timeformat", "date")
	}
	for _, cls := range []struct {
		name  string
		attrs []attr
	}{{"node", nodeA}, {"edge", edgeA}} {
		start("attributes", "class", cls.name, "mode", "static")
		for _, a := range cls.attrs {
			start("attribute", "id", a.id, "title", a.title, "type", a.typ)
			end("attribute")
		}
		end("attributes")
	}
	start("nodes")
	for _, n := range g.Nodes {
		start("node", "id", n.ID, "label", n.Label)
		start("attvalues")
		for _, kv := range [][2]string{{"kind", n.Kind}, {"region", n.Region}, {"alpha3", n.Alpha3}} {
			if kv[1] != "" {
				value(kv[0], kv[1])
			}
		}
		value("placeholder", strconv.FormatBool(n.Placeholder))
		switch {
		case g.IsLayer():
			// A placeholder carries only the metrics computed for it.
			for _, c := range graphdata.MetricColumns {
				if !n.Placeholder || c.AllEdges {
					value(c.Name, c.Format(n.Metrics))
				}
			}
			if !n.Placeholder {
				value("community", strconv.Itoa(n.Community))
			}
		default:
			value("pagerank", strconv.FormatFloat(n.PageRank, 'g', 17, 64))
			value("in_relationships", strconv.Itoa(n.InDegree))
			value("out_relationships", strconv.Itoa(n.OutDegree))
		}
		end("attvalues")
		end("node")
	}
	end("nodes")
	start("edges")
	for i, e := range g.Edges {
		if g.IsLayer() {
			start("edge", "id", strconv.Itoa(i), "source", e.Source, "target", e.Target, "weight", graphdata.FormatFloat(e.Weight))
			start("attvalues")
			value("relationships", strings.Join(e.Relationships, "; "))
			end("attvalues")
			end("edge")
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
		start("edge", attrs...)
		start("attvalues")
		for _, kv := range [][2]string{{"relationship", e.ID}, {"type", e.Type}, {"event", e.Event}, {"date", e.Date}, {"date_precision", e.DatePrecision},
			{"status", e.Status}, {"instrument", e.Instrument}, {"reported", e.Reported}, {"stated_by", e.StatedBy}, {"payment_tie", e.PaymentTie}} {
			if kv[1] != "" {
				value(kv[0], kv[1])
			}
		}
		if e.HasCount {
			value("people", strconv.FormatInt(e.Count, 10))
			value("count_qualifier", e.CountQualifier)
		}
		if e.HasAmount {
			value("amount", strconv.FormatInt(e.Amount, 10))
			value("currency", e.Currency)
			value("amount_qualifier", e.AmountQualifier)
		}
		value("counted", strconv.FormatBool(e.Counted))
		for _, kv := range [][2]string{{"confidence", e.Confidence}, {"sources", e.Sources}, {"note", e.Note}} {
			if kv[1] != "" {
				value(kv[0], kv[1])
			}
		}
		end("attvalues")
		end("edge")
	}
	end("edges")
	end("graph")
	end("gexf")
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
