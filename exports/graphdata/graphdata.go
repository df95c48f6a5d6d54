// Package graphdata flattens a dataset into the node and edge rows every
// graph-file format writes, so all formats carry the same attributes under
// the same names. It makes two kinds of graph:
//
//   - From: the multigraph of every relationship (parallel edges kept,
//     keyed by relationship id), each edge with its people, amount and
//     currency as separate attributes and whether it is the claim of its
//     event that counts. There is no mixed weight: people and dollars do
//     not add up.
//   - FromLayer: one analysis layer's weighted simple graph exactly as
//     analysis.ViewWith builds it (the layer's types, one claim per event,
//     no planned reception, loops and migration_context left out,
//     placeholders marked), with the layer's metrics on the nodes, so a
//     file reproduces `leverage analyze --layer L`.
package graphdata

import (
	"sort"
	"strings"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// Node is one actor.
type Node struct {
	ID, Label, Kind, Region, Alpha3 string
	// Placeholder marks a placeholder actor (see analysis.IsPlaceholder).
	Placeholder bool
	// PageRank is the all layer's unweighted PageRank (0 for
	// placeholders), for the multigraph.
	PageRank float64
	// InDegree and OutDegree count relationships in and out, for the
	// multigraph.
	InDegree, OutDegree int
	// Metrics are the layer's metrics and Community the node's Louvain
	// community (0 for a placeholder), for a layer graph.
	Metrics   *network.NodeMetrics
	Community int
}

// Edge is one relationship of the multigraph, or one edge of a layer graph.
type Edge struct {
	ID, Source, Target, Type, Event, Date, DatePrecision string
	// Start and End bound the event's period, End exclusive; each is zero
	// where the period is open on that side ("by May 2025" has no Start).
	Start, End time.Time
	// Reported is the claim's own report date (EDTF) where it is not its
	// sources' published dates; StatedBy, PaymentTie and PartOf as in the
	// model.
	Reported, StatedBy, PaymentTie, PartOf       string
	Status, Instrument, CountQualifier, Currency string
	AmountQualifier, Confidence, Sources, Note   string
	Count, Amount                                int64
	HasCount, HasAmount                          bool
	// Counted says whether this claim is the one of its event that enters
	// sums (see analysis.Counted); alternative accounts are false.
	Counted bool
	// Weight and Relationships are set on a layer graph: the edge's weight
	// as the layer defines it, summed over the relationships (ids) it
	// collapses.
	Weight        float64
	Relationships []string
}

// Graph is the flattened dataset or layer.
type Graph struct {
	Provenance graphmodel.Provenance
	// Layer is empty for the multigraph of relationships.
	Layer analysis.Layer
	// Placeholders is "excluded" or "included" on a layer graph.
	Placeholders string
	// WeightDefinition says what a layer graph's weights are.
	WeightDefinition string
	// Modularity and Seed are the layer's Louvain result.
	Modularity float64
	Seed       uint64
	// Settings are the hub metrics' and communities' parameters, Seeds
	// the seeds of the Louvain runs the best was kept of (layer graphs).
	Settings network.Settings
	Seeds    []uint64
	Nodes    []Node
	Edges    []Edge
	// Sources are the dataset's sources by id, and License and Citation
	// its terms, for formats that carry them beside the edges (Kumu).
	Sources           map[string]graphmodel.Source
	License, Citation string
}

// IsLayer reports whether g is a layer graph.
func (g Graph) IsLayer() bool { return g.Layer != "" }

// From flattens the dataset of r (already cut to r's window); nodes sorted
// by code, with their PageRank from r's LayerAll view, edges in dataset
// order.
func From(r *analysis.Results) Graph {
	d := r.Dataset
	g := Graph{Provenance: d.Provenance(), Sources: map[string]graphmodel.Source{}, License: d.Meta.License, Citation: d.Meta.Citation}
	for _, s := range d.Sources {
		g.Sources[s.Key] = s
	}
	in, out := map[graphmodel.Code]int{}, map[graphmodel.Code]int{}
	counted := analysis.Counted(d.Relationships)
	for i := range d.Relationships {
		r := &d.Relationships[i]
		in[r.ToCountry]++
		out[r.FromCountry]++
		g.Edges = append(g.Edges, edgeOf(r, counted[i]))
	}
	pr := map[string]float64{}
	for _, m := range r.Layer(analysis.LayerAll).Hubs {
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
		n := nodeOf(d, c)
		n.PageRank, n.InDegree, n.OutDegree = pr[string(c)], in[c], out[c]
		g.Nodes = append(g.Nodes, n)
	}
	return g
}

func nodeOf(d *graphmodel.Dataset, c graphmodel.Code) Node {
	k, _ := d.Registry.Country(c)
	return Node{ID: string(c), Label: d.Registry.Name(c), Kind: string(k.Kind), Region: k.Region, Alpha3: k.Alpha3,
		Placeholder: analysis.IsPlaceholder(d.Registry, c)}
}

func edgeOf(r *graphmodel.Relationship, counted bool) Edge {
	e := Edge{ID: r.Key, Source: string(r.FromCountry), Target: string(r.ToCountry), Type: string(r.Type),
		Event: r.Event, Date: r.Date.String(), DatePrecision: r.Date.Kind(),
		Reported: r.Reported.String(), StatedBy: string(r.StatedBy), PaymentTie: string(r.PaymentTie), PartOf: r.PartOf,
		Status: string(r.Status), Instrument: string(r.Instrument), Confidence: string(r.Confidence),
		Sources: strings.Join(r.Sources, "; "), Note: r.Note, Counted: counted}
	if !r.Date.IsZero() && !r.Date.OpenStart() {
		e.Start = r.Date.Start()
	}
	if !r.Date.IsZero() && !r.Date.OpenEnd() {
		e.End = r.Date.End()
	}
	if !r.Count.IsZero() {
		e.Count, e.CountQualifier, e.HasCount = r.Count.Value, string(r.Count.Qualifier), true
	}
	if !r.Money.IsZero() {
		e.Amount, e.Currency, e.AmountQualifier, e.HasAmount = r.Money.Amount, r.Money.Currency, string(r.Money.Qualifier), true
	}
	return e
}

// weightDefinitions say, per layer, what an edge's weight is.
var weightDefinitions = map[analysis.Layer]string{
	analysis.LayerAll:      "relationships (1 each), summed per ordered pair",
	analysis.LayerApproach: "relationships (1 each), summed per ordered pair",
	analysis.LayerLeverage: "relationships (1 each), summed per ordered pair",
	analysis.LayerFlow:     "people at face value of their qualifier, summed per ordered pair; a flow no source sizes, or one counted within a group (part_of), adds 0: it is an edge, not a person",
	analysis.LayerOnward:   "people at face value of their qualifier, summed per ordered pair; a return no source sizes adds 0: it is an edge, not a person",
	analysis.LayerMoney:    "amount in whole currency units at face value (currencies not converted), summed per ordered pair; a payment with no amount adds 0",
}

// windowOf describes w for provenance; "" for all dates.
func windowOf(w analysis.Window) string {
	if w.IsOpen() {
		return ""
	}
	return w.String()
}

// FromLayer is the layer's weighted simple graph as r builds it (its
// window and options), with each node's metrics and Louvain community
// (r's seed); nodes and edges in index order.
func FromLayer(r *analysis.Results, layer analysis.Layer) Graph {
	d, w, opt, seed := r.Dataset, r.Window, r.Options, r.Seed
	lr := r.Layer(layer)
	view, ms, comm := lr.Graph, lr.Hubs, lr.Communities()
	g := Graph{Provenance: d.SubsetProvenance(analysis.LayerRelationships(d, layer, w), windowOf(w), "relationships of layer "+string(layer)), Layer: layer, Placeholders: "excluded", WeightDefinition: weightDefinitions[layer],
		Modularity: comm.Modularity, Seed: seed, Settings: r.Settings, Seeds: comm.Seeds}
	if opt.IncludePlaceholders {
		g.Placeholders = "included"
	}
	for i := range ms {
		n := nodeOf(d, graphmodel.Code(ms[i].Node))
		n.Placeholder = view.Placeholder(i)
		n.Metrics, n.Community = &ms[i], comm.Label[i]
		g.Nodes = append(g.Nodes, n)
	}
	ids := map[[2]string][]string{}
	for _, rel := range analysis.LayerRelationships(d, layer, w) {
		k := [2]string{string(rel.FromCountry), string(rel.ToCountry)}
		ids[k] = append(ids[k], rel.Key)
	}
	for _, e := range view.EdgeList() {
		g.Edges = append(g.Edges, Edge{ID: e.From + "->" + e.To, Source: e.From, Target: e.To, Weight: e.Weight,
			Relationships: ids[[2]string{e.From, e.To}], Counted: true})
	}
	return g
}
