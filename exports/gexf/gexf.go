// Package gexf writes GEXF 1.3 with typed attributes and time spans: each
// edge's start and end are the period its date denotes, so Gephi's timeline
// plays the network as it grew.
package gexf

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/leverage-project/leverage/exports/graphdata"
)

type attr struct{ id, title, typ string }

var nodeAttrs = []attr{{"kind", "kind", "string"}, {"region", "region", "string"}, {"alpha3", "alpha3", "string"},
	{"pagerank", "pagerank", "double"}, {"in_relationships", "in_relationships", "integer"}, {"out_relationships", "out_relationships", "integer"}}

var edgeAttrs = []attr{{"type", "type", "string"}, {"event", "event", "string"}, {"date", "date", "string"}, {"date_precision", "date_precision", "string"},
	{"status", "status", "string"}, {"instrument", "instrument", "string"}, {"count", "count", "long"}, {"count_qualifier", "count_qualifier", "string"},
	{"amount", "amount", "long"}, {"currency", "currency", "string"}, {"amount_qualifier", "amount_qualifier", "string"},
	{"confidence", "confidence", "string"}, {"sources", "sources", "string"}, {"note", "note", "string"}}

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
	enc.EncodeToken(xml.CharData("leverage"))
	end("creator")
	start("description")
	enc.EncodeToken(xml.CharData(g.Provenance().String()))
	end("description")
	end("meta")
	start("graph", "defaultedgetype", "directed", "mode", "dynamic", "timeformat", "date")
	for _, cls := range []struct {
		name  string
		attrs []attr
	}{{"node", nodeAttrs}, {"edge", edgeAttrs}} {
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
		value("pagerank", strconv.FormatFloat(n.PageRank, 'g', 17, 64))
		value("in_relationships", strconv.Itoa(n.InDegree))
		value("out_relationships", strconv.Itoa(n.OutDegree))
		end("attvalues")
		end("node")
	}
	end("nodes")
	start("edges")
	for _, e := range g.Edges {
		attrs := []string{"id", e.ID, "source", e.Source, "target", e.Target, "label", e.Type,
			"weight", strconv.FormatFloat(e.Weight, 'g', -1, 64)}
		if !e.Start.IsZero() {
			attrs = append(attrs, "start", e.Start.Format("2006-01-02"), "end", e.End.AddDate(0, 0, -1).Format("2006-01-02"))
		}
		start("edge", attrs...)
		start("attvalues")
		for _, kv := range [][2]string{{"type", e.Type}, {"event", e.Event}, {"date", e.Date}, {"date_precision", e.DatePrecision},
			{"status", e.Status}, {"instrument", e.Instrument}} {
			if kv[1] != "" {
				value(kv[0], kv[1])
			}
		}
		if e.HasCount {
			value("count", strconv.FormatInt(e.Count, 10))
			value("count_qualifier", e.CountQualifier)
		}
		if e.HasAmount {
			value("amount", strconv.FormatInt(e.Amount, 10))
			value("currency", e.Currency)
			value("amount_qualifier", e.AmountQualifier)
		}
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
