// Package nodelink writes the graph as JSON in networkx's node-link form
// (directed multigraph; edges under "edges", parallel edges keyed by
// relationship id), which networkx.node_link_graph reads back as is.
package nodelink

import (
	"encoding/json"
	"io"

	"github.com/leverage-project/leverage/exports/graphdata"
)

type node struct {
	ID               string  `json:"id"`
	Label            string  `json:"label"`
	Kind             string  `json:"kind,omitempty"`
	Region           string  `json:"region,omitempty"`
	Alpha3           string  `json:"alpha3,omitempty"`
	PageRank         float64 `json:"pagerank"`
	InRelationships  int     `json:"in_relationships"`
	OutRelationships int     `json:"out_relationships"`
}

type edge struct {
	Source          string  `json:"source"`
	Target          string  `json:"target"`
	Key             string  `json:"key"`
	Type            string  `json:"type"`
	Event           string  `json:"event,omitempty"`
	Date            string  `json:"date"`
	DatePrecision   string  `json:"date_precision"`
	Status          string  `json:"status,omitempty"`
	Instrument      string  `json:"instrument,omitempty"`
	Count           *int64  `json:"count,omitempty"`
	CountQualifier  string  `json:"count_qualifier,omitempty"`
	Amount          *int64  `json:"amount,omitempty"`
	Currency        string  `json:"currency,omitempty"`
	AmountQualifier string  `json:"amount_qualifier,omitempty"`
	Confidence      string  `json:"confidence"`
	Sources         string  `json:"sources"`
	Note            string  `json:"note"`
	Weight          float64 `json:"weight"`
}

// Write writes g in node-link JSON.
func Write(w io.Writer, g graphdata.Graph) error {
	out := struct {
		Directed   bool           `json:"directed"`
		Multigraph bool           `json:"multigraph"`
		Graph      map[string]any `json:"graph"`
		Nodes      []node         `json:"nodes"`
		Edges      []edge         `json:"edges"`
	}{Directed: true, Multigraph: true, Graph: map[string]any{"name": g.Name, "version": g.Version, "content_hash": g.ContentHash, "tool": g.Tool}}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, node{n.ID, n.Label, n.Kind, n.Region, n.Alpha3, n.PageRank, n.InDegree, n.OutDegree})
	}
	for _, e := range g.Edges {
		x := edge{Source: e.Source, Target: e.Target, Key: e.ID, Type: e.Type, Event: e.Event, Date: e.Date, DatePrecision: e.DatePrecision,
			Status: e.Status, Instrument: e.Instrument, CountQualifier: e.CountQualifier, Currency: e.Currency,
			AmountQualifier: e.AmountQualifier, Confidence: e.Confidence, Sources: e.Sources, Note: e.Note, Weight: e.Weight}
		if e.HasCount {
			c := e.Count
			x.Count = &c
		}
		if e.HasAmount {
			a := e.Amount
			x.Amount = &a
		}
		out.Edges = append(out.Edges, x)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(out)
}
