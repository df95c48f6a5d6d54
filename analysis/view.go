package analysis

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// Layer selects the relationships a view is built from.
type Layer string

const (
	// LayerApproach: approaches and court-blocked removals; weight 1 per
	// relationship, so two approaches weigh 2.
	LayerApproach Layer = "approach"
	// LayerFlow: people moved (received, onward_return, transit); weight is
	// the count of people when given, else unknown (0; see Weight).
	LayerFlow Layer = "flow"
	// LayerMoney: payments; weight is the amount in whole currency units.
	// Amounts in different currencies are not converted (the seed has USD only).
	LayerMoney Layer = "money"
	// LayerLeverage: travel-ban and other leverage, and concessions sought;
	// weight 1 per relationship.
	LayerLeverage Layer = "leverage"
	// LayerOnward: onward returns only; weight is people when given, else
	// unknown (0; see Weight).
	LayerOnward Layer = "onward"
	// LayerAll: every deportation-related type; weight 1 per relationship,
	// since adding people to dollars would mean nothing.
	LayerAll Layer = "all"
)

// Layers lists the layers in documentation order.
var Layers = []Layer{LayerAll, LayerApproach, LayerFlow, LayerMoney, LayerLeverage, LayerOnward}

var layerTypes = map[Layer][]graphmodel.RelType{
	LayerApproach: {graphmodel.Approached, graphmodel.RemovalBlocked},
	LayerFlow:     {graphmodel.Received, graphmodel.OnwardReturn, graphmodel.Transit},
	LayerMoney:    {graphmodel.Paid},
	LayerLeverage: {graphmodel.TravelBanLeverage, graphmodel.OtherLeverage, graphmodel.ConcessionSought},
	LayerOnward:   {graphmodel.OnwardReturn},
	LayerAll: {graphmodel.Approached, graphmodel.RemovalBlocked, graphmodel.Received, graphmodel.OnwardReturn,
		graphmodel.Transit, graphmodel.Paid, graphmodel.TravelBanLeverage, graphmodel.OtherLeverage, graphmodel.ConcessionSought},
}

// ParseLayer checks a layer name.
func ParseLayer(s string) (Layer, error) {
	l := Layer(s)
	if _, ok := layerTypes[l]; !ok {
		return "", fmt.Errorf("unknown layer %q (one of %v)", s, Layers)
	}
	return l, nil
}

// Types returns the relationship types the layer includes.
func (l Layer) Types() []graphmodel.RelType { return layerTypes[l] }

// Weight is the weight a relationship contributes to the layer, documented
// on each layer, and whether it is known. Qualified numbers are taken at
// face value: "about 300" and "at least 300" weigh 300, "up to 50" weighs
// 50. That keeps weights reproducible from the data; the qualifier stays
// on the relationship for anyone who wants bounds instead.
//
// A flow no source sizes (and a payment with no amount) has no known
// weight: it weighs 0 and known is false. Such a claim is still an edge,
// so the unweighted metrics (degree, PageRank, HITS, paths, cores) count
// it, but it adds nothing to the weighted ones (strengths, weighted
// PageRank and HITS, communities): weighing it 1 would add a person no
// source reports (Panama's about 300 came out as 306). Where a layer's
// graph has no known weight at all, the communities run unweighted and
// say so (network.CommunityGraph). A flow that is part of a counted group
// (PartOf) weighs 0 too, known: its people are in the group's number.
func (l Layer) Weight(r *graphmodel.Relationship) (w float64, known bool) {
	switch l {
	case LayerFlow, LayerOnward:
		if r.PartOf != "" {
			return 0, true
		}
		if !r.Count.IsZero() {
			return float64(r.Count.Value), true
		}
		return 0, false
	case LayerMoney:
		if !r.Money.IsZero() {
			return float64(r.Money.Amount), true
		}
		return 0, false
	}
	return 1, true
}

// UnknownWeights counts the relationships of the layer's graph in w
// (LayerRelationships) whose weight is unknown (see Weight): edges for
// the unweighted metrics, nothing in the weighted ones.
func UnknownWeights(d *graphmodel.Dataset, layer Layer, w Window) int {
	n := 0
	for _, r := range LayerRelationships(d, layer, w) {
		if _, ok := layer.Weight(r); !ok {
			n++
		}
	}
	return n
}

// Window cuts the dataset in time. A claim's period is certainly in the
// window when it lies wholly within [From, To], and possibly in it when it
// only overlaps it: "2025" is possibly in a window ending 2025-03-15 (the
// event may have happened by then), "../2023-12" ("before 2024") is in no
// 2025 window at all. By default a window holds both; with Strict, only
// the certain. Zero bounds are open.
//
// A window cuts by event time ("happened by"). With Known it cuts by
// report time instead ("known by"): a claim is in when its first report
// (Relationship.FirstReported) is, the view a reader of the sources had
// then.
type Window struct {
	From   time.Time
	To     time.Time // inclusive day
	Strict bool
	Known  bool
}

// AsOf is the window of everything dated on or before day t.
func AsOf(t time.Time) Window { return Window{To: t} }

// KnownBy is the window of everything first reported on or before day t.
func KnownBy(t time.Time) Window { return Window{To: t, Known: true} }

// Membership is how a claim sits in a window.
type Membership uint8

const (
	Outside   Membership = iota
	Possibly             // its period overlaps the window's edge
	Certainly            // its period lies wholly within the window
)

func (m Membership) String() string { return [...]string{"outside", "possibly", "certainly"}[m] }

// PeriodIn classifies a period in the window's bounds. An open window
// holds every period, undated ones included, certainly; a bounded one
// holds no undated period.
func (w Window) PeriodIn(p graphmodel.Period) Membership {
	if w.IsOpen() {
		return Certainly
	}
	end := time.Time{}
	if !w.To.IsZero() {
		end = w.To.AddDate(0, 0, 1) // exclusive
	}
	switch {
	case p.Within(w.From, end):
		return Certainly
	case p.Overlaps(w.From, end):
		return Possibly
	}
	return Outside
}

// Contains reports whether r's event period is in the window: certainly,
// or with !Strict possibly. It ignores Known (see In).
func (w Window) Contains(r *graphmodel.Relationship) bool {
	m := w.PeriodIn(r.Date)
	return m == Certainly || m == Possibly && !w.Strict
}

// In classifies r in w by its event period, or with w.Known by its first
// report date (sources of d give it when the claim has no reported date;
// a claim with neither is outside every bounded known-by window).
func (w Window) In(d *graphmodel.Dataset, r *graphmodel.Relationship) Membership {
	return w.in(d.SourceByKey, r)
}

func (w Window) in(lookup func(string) (graphmodel.Source, bool), r *graphmodel.Relationship) Membership {
	if !w.Known {
		return w.PeriodIn(r.Date)
	}
	p, _ := r.FirstReported(lookup)
	return w.PeriodIn(p)
}

// sourceLookup is d.SourceByKey through a map, for many look-ups.
func sourceLookup(d *graphmodel.Dataset) func(string) (graphmodel.Source, bool) {
	m := make(map[string]graphmodel.Source, len(d.Sources))
	for _, s := range d.Sources {
		m[s.Key] = s
	}
	return func(k string) (graphmodel.Source, bool) { s, ok := m[k]; return s, ok }
}

// IsOpen reports whether the window has no bounds.
func (w Window) IsOpen() bool { return w.From.IsZero() && w.To.IsZero() }

func (w Window) String() string {
	f := func(t time.Time) string {
		if t.IsZero() {
			return "…"
		}
		return t.Format(time.DateOnly)
	}
	by := ""
	if w.Known {
		by = " by report date (what was known)"
	}
	mode := " (certainly and possibly in: claims whose period overlaps the window)"
	if w.Strict {
		mode = " (certainly in: claims whose whole period lies in the window)"
	}
	return f(w.From) + " to " + f(w.To) + by + mode
}

// Select returns the relationships of d in the window, in dataset order:
// certainly or possibly in, or with w.Strict only certainly.
func Select(d *graphmodel.Dataset, w Window) []graphmodel.Relationship {
	rels, _ := SelectSplit(d, w)
	return rels
}

// SelectSplit is Select with each claim's membership beside it, so an
// aggregate can show the certain and the possible apart.
func SelectSplit(d *graphmodel.Dataset, w Window) ([]graphmodel.Relationship, []Membership) {
	if w.IsOpen() {
		m := make([]Membership, len(d.Relationships))
		for i := range m {
			m[i] = Certainly
		}
		return d.Relationships, m
	}
	idx, in := selectIndices(d, w)
	if len(idx) == 0 {
		return nil, nil // as before: an empty window selects nil
	}
	out := make([]graphmodel.Relationship, len(idx))
	for k, i := range idx {
		out[k] = d.Relationships[i]
	}
	return out, in
}

// selectIndices returns the positions in d of the claims a closed window
// holds, with their membership: the one selection SelectSplit and
// SelectEvents share.
func selectIndices(d *graphmodel.Dataset, w Window) ([]int, []Membership) {
	var idx []int
	var in []Membership
	lookup := d.SourceByKey
	if w.Known {
		lookup = sourceLookup(d)
	}
	for i := range d.Relationships {
		m := w.in(lookup, &d.Relationships[i])
		if m == Certainly || m == Possibly && !w.Strict {
			idx = append(idx, i)
			in = append(in, m)
		}
	}
	return idx, in
}

// LayerRelationships are the relationships of d in w that make the
// layer's graph, in dataset order: the layer's types, one claim per event
// (see Counted), no planned reception; loops are still in (the graph drops
// them).
func LayerRelationships(d *graphmodel.Dataset, layer Layer, w Window) []*graphmodel.Relationship {
	types := layer.Types()
	rels, _, counted := SelectEvents(d, w)
	var out []*graphmodel.Relationship
	for i := range rels {
		r := &rels[i]
		if !counted[i] || !slices.Contains(types, r.Type) {
			continue
		}
		if r.Type == graphmodel.Received && r.Status == graphmodel.Planned {
			continue
		}
		out = append(out, r)
	}
	return out
}

// View builds the layer's graph from the relationships of d in w, with
// placeholders marked (see ViewWith).
func View(d *graphmodel.Dataset, layer Layer, w Window) *network.Graph {
	return ViewWith(d, layer, w, Options{})
}

// ViewWith builds the layer's weighted simple graph from the relationships
// of d in w: one node per actor of the layer's relationships, parallel
// relationships summed into one edge. Claims sharing an Event enter once
// (see Counted): the others add no edge, so they add neither weight nor
// degree. A received relationship that is only planned is no reception
// and adds nothing. Own-citizen returns (loops) are dropped.
//
// Unless opt.IncludePlaceholders, placeholder actors (see IsPlaceholder)
// stay in the graph with their edges, so strengths keep their people, but
// are marked: Hubs and the community methods run on Structural, the graph
// without them.
func ViewWith(d *graphmodel.Dataset, layer Layer, w Window, opt Options) *network.Graph {
	var edges []network.Edge
	for _, r := range LayerRelationships(d, layer, w) {
		wt, _ := layer.Weight(r)
		edges = append(edges, network.Edge{From: string(r.FromCountry), To: string(r.ToCountry), Weight: wt})
	}
	g := network.NewGraph(nil, edges)
	if !opt.IncludePlaceholders {
		g = g.WithPlaceholders(placeholderNames(g, d.Registry))
	}
	return g
}

// EdgeClasses gives each directed edge of the layer's view (ViewWith) the
// relationship types it sums, sorted and joined by "+", for the null
// model of network.CommunityStabilityWith: randomisation then swaps only
// edges of one kind, so a payment never stands in for an approach.
func EdgeClasses(d *graphmodel.Dataset, layer Layer, w Window) map[[2]string]string {
	types := map[[2]string][]string{}
	for _, r := range LayerRelationships(d, layer, w) {
		k := [2]string{string(r.FromCountry), string(r.ToCountry)}
		if !slices.Contains(types[k], string(r.Type)) {
			types[k] = append(types[k], string(r.Type))
		}
	}
	out := make(map[[2]string]string, len(types))
	for k, ts := range types {
		slices.Sort(ts)
		out[k] = strings.Join(ts, "+")
	}
	return out
}
