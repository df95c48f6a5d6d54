// Package graphdata flattens a dataset into the node and edge rows every
// graph-file format writes, so all formats carry the same attributes under
// the same names: one node per actor the relationships use, one edge per
// relationship (parallel edges kept, keyed by relationship id).
package graphdata

import (
	"sort"
	"strings"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
)

// Node is one actor.
type Node struct {
	ID, Label, Kind, Region, Alpha3 string
	PageRank                        float64 // union layer, unweighted
	InDegree, OutDegree             int     // relationships in and out
}

// Edge is one relationship.
type Edge struct {
	ID, Source, Target, Type, Event, Date, DatePrecision string
	Start, End                                           time.Time // the period the date denotes; End exclusive
	Status, Instrument, CountQualifier, Currency         string
	AmountQualifier, Confidence, Sources, Note           string
	Count, Amount                                        int64
	HasCount, HasAmount                                  bool
	Weight                                               float64 // people, else amount, else 1
}

// Graph is the flattened dataset.
type Graph struct {
	Name, Version, ContentHash string
	// Tool is "leverage " + graphmodel.ToolVersion(): the exports cite the
	// tool beside the dataset (Provenance).
	Tool  string
	Nodes []Node
	Edges []Edge
}

// Provenance is the graph's dataset and tool, as every output cites them.
func (g Graph) Provenance() graphmodel.Provenance {
	return graphmodel.Provenance{DatasetName: g.Name, DatasetVersion: g.Version, ContentHash: g.ContentHash, Tool: g.Tool}
}

// From flattens d; nodes sorted by code, edges in dataset order.
func From(d *graphmodel.Dataset) Graph {
	p := d.Provenance()
	g := Graph{Name: p.DatasetName, Version: p.DatasetVersion, ContentHash: p.ContentHash, Tool: p.Tool}
	in, out := map[graphmodel.Code]int{}, map[graphmodel.Code]int{}
	for i := range d.Relationships {
		r := &d.Relationships[i]
		in[r.ToCountry]++
		out[r.FromCountry]++
		e := Edge{ID: r.Key, Source: string(r.FromCountry), Target: string(r.ToCountry), Type: string(r.Type),
			Event: r.Event, Date: r.Date.String(), DatePrecision: r.Date.Precision.String(), Start: r.Date.Start(), End: r.Date.End(),
			Status: string(r.Status), Instrument: string(r.Instrument), Confidence: string(r.Confidence),
			Sources: strings.Join(r.Sources, "; "), Note: r.Note, Weight: r.Weight()}
		if !r.Count.IsZero() {
			e.Count, e.CountQualifier, e.HasCount = r.Count.Value, string(r.Count.Qualifier), true
		}
		if !r.Money.IsZero() {
			e.Amount, e.Currency, e.AmountQualifier, e.HasAmount = r.Money.Amount, r.Money.Currency, string(r.Money.Qualifier), true
		}
		g.Edges = append(g.Edges, e)
	}
	pr := map[string]float64{}
	view := analysis.View(d, analysis.LayerAll, analysis.Window{})
	for _, m := range analysis.Hubs(view) {
		pr[m.Node] = m.PageRank
	}
	codes := make([]graphmodel.Code, 0, len(in)+len(out))
	seen := map[graphmodel.Code]bool{}
	for c := range in {
		seen[c] = true
		codes = append(codes, c)
	}
	for c := range out {
		if !seen[c] {
			codes = append(codes, c)
		}
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	for _, c := range codes {
		k, _ := d.Registry.Country(c)
		g.Nodes = append(g.Nodes, Node{ID: string(c), Label: d.Registry.Name(c), Kind: string(k.Kind), Region: k.Region,
			Alpha3: k.Alpha3, PageRank: pr[string(c)], InDegree: in[c], OutDegree: out[c]})
	}
	return g
}
