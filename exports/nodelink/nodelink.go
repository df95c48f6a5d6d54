// Package nodelink writes the graph as JSON in networkx's node-link form
// (edges under "edges"), which networkx.node_link_graph reads back as is:
// the multigraph of relationships (parallel edges keyed by relationship
// id), or a layer's weighted simple graph with its metrics on the nodes.
package nodelink

import (
	"encoding/json"
	"io"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

type node struct {
	ID               string   `json:"id"`
	Label            string   `json:"label"`
	Kind             string   `json:"kind,omitempty"`
	Region           string   `json:"region,omitempty"`
	Alpha3           string   `json:"alpha3,omitempty"`
	Placeholder      bool     `json:"placeholder"`
	PageRank         *float64 `json:"pagerank,omitempty"`
	InRelationships  *int     `json:"in_relationships,omitempty"`
	OutRelationships *int     `json:"out_relationships,omitempty"`
}

type edge struct {
	Source          string `json:"source"`
	Target          string `json:"target"`
	Key             string `json:"key"`
	Relationship    string `json:"relationship"`
	Type            string `json:"type"`
	Event           string `json:"event,omitempty"`
	Date            string `json:"date"`
	DatePrecision   string `json:"date_precision"`
	Status          string `json:"status,omitempty"`
	Instrument      string `json:"instrument,omitempty"`
	People          *int64 `json:"people,omitempty"`
	CountQualifier  string `json:"count_qualifier,omitempty"`
	Amount          *int64 `json:"amount,omitempty"`
	Currency        string `json:"currency,omitempty"`
	AmountQualifier string `json:"amount_qualifier,omitempty"`
	Counted         bool   `json:"counted"`
	Confidence      string `json:"confidence"`
	Sources         string `json:"sources"`
	Note            string `json:"note"`
	Reported        string `json:"reported,omitempty"`
	StatedBy        string `json:"stated_by,omitempty"`
	PaymentTie      string `json:"payment_tie,omitempty"`
	PartOf          string `json:"part_of,omitempty"`
}

type layerEdge struct {
	Source        string   `json:"source"`
	Target        string   `json:"target"`
	Weight        float64  `json:"weight"`
	Relationships []string `json:"relationships"`
}

// Write writes g in node-link JSON.
func Write(w io.Writer, g graphdata.Graph) error {
	meta := map[string]any{}
	for _, kv := range g.GraphData() {
		meta[kv[0]] = kv[1]
	}
	nodes := make([]map[string]any, 0, len(g.Nodes))
	for _, n := range g.Nodes {
		x := node{ID: n.ID, Label: n.Label, Kind: n.Kind, Region: n.Region, Alpha3: n.Alpha3, Placeholder: n.Placeholder}
		if !g.IsLayer() {
			pr, in, out := n.PageRank, n.InDegree, n.OutDegree
			x.PageRank, x.InRelationships, x.OutRelationships = &pr, &in, &out
		}
		// Marshal the fixed fields, then add the layer metrics under
		// their analyze names.
		b, _ := json.Marshal(x)
		var m map[string]any
		json.Unmarshal(b, &m)
		if g.IsLayer() {
			// A placeholder carries only the metrics computed for it.
			for _, c := range graphdata.MetricColumns {
				if !n.Placeholder || c.AllEdges {
					m[c.Name] = c.Value(n.Metrics)
				}
			}
			if !n.Placeholder {
				m["community"] = n.Community
			}
		}
		nodes = append(nodes, m)
	}
	out := struct {
		Directed   bool             `json:"directed"`
		Multigraph bool             `json:"multigraph"`
		Graph      map[string]any   `json:"graph"`
		Nodes      []map[string]any `json:"nodes"`
		Edges      any              `json:"edges"`
	}{Directed: true, Multigraph: !g.IsLayer(), Graph: meta, Nodes: nodes}
	if g.IsLayer() {
		edges := make([]layerEdge, 0, len(g.Edges))
		for _, e := range g.Edges {
			edges = append(edges, layerEdge{e.Source, e.Target, e.Weight, e.Relationships})
		}
		out.Edges = edges
	} else {
		edges := make([]edge, 0, len(g.Edges))
		for _, e := range g.Edges {
			x := edge{Source: e.Source, Target: e.Target, Key: e.ID, Relationship: e.ID, Type: e.Type, Event: e.Event, Date: e.Date,
				DatePrecision: e.DatePrecision, Status: e.Status, Instrument: e.Instrument, CountQualifier: e.CountQualifier,
				Currency: e.Currency, AmountQualifier: e.AmountQualifier, Counted: e.Counted, Confidence: e.Confidence, Sources: e.Sources, Note: e.Note,
				Reported: e.Reported, StatedBy: e.StatedBy, PaymentTie: e.PaymentTie, PartOf: e.PartOf}
			if e.HasCount {
				c := e.Count
				x.People = &c
			}
			if e.HasAmount {
				a := e.Amount
				x.Amount = &a
			}
			edges = append(edges, x)
		}
		out.Edges = edges
	}
	return jsonsafe.Encode(w, out, " ")
}
