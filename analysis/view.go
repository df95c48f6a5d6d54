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
	// the count of people when given, else 1.
	LayerFlow Layer = "flow"
	// LayerMoney: payments; weight is the amount in whole currency units.
	// Amounts in different currencies are not converted (the seed has USD only).
	LayerMoney Layer = "money"
	// LayerLeverage: travel-ban and other leverage, and concessions sought;
	// weight 1 per relationship.
	LayerLeverage Layer = "leverage"
	// LayerOnward: onward returns only; weight is people when given, else 1.
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
// on each layer. Qualified numbers are taken at face value: "about 300" and
// "at least 300" weigh 300, "up to 50" weighs 50. That keeps weights
// reproducible from the data; the qualifier stays on the relationship for
// anyone who wants bounds instead.
func (l Layer) Weight(r *graphmodel.Relationship) float64 {
	switch l {
	case LayerFlow, LayerOnward:
		if !r.Count.IsZero() && r.Count.Value > 0 {
			return float64(r.Count.Value)
		}
	case LayerMoney:
		if r.Money.Amount > 0 {
			return float64(r.Money.Amount)
		}
	}
	return 1
}

// Window cuts the dataset in time. By default a relationship is in the
// window when the period its date denotes overlaps [From, To]: "2025" is
// in a window ending 2025-03-15, since the event may have happened by
// then. With Strict, only a relationship whose whole period lies within
// [From, To] is in: one that certainly happened in the window ("2025" is
// not in a window ending 2025-03-15; "2025-03-02" is). Zero bounds are
// open.
type Window struct {
	From   time.Time
	To     time.Time // inclusive day
	Strict bool
}

// AsOf is the window of everything dated on or before day t.
func AsOf(t time.Time) Window { return Window{To: t} }

// Contains reports whether r's date is in the window. Undated
// relationships are only in an open window.
func (w Window) Contains(r *graphmodel.Relationship) bool {
	if w.From.IsZero() && w.To.IsZero() {
		return true
	}
	if r.Date.IsZero() {
		return false
	}
	end := w.To.AddDate(0, 0, 1) // exclusive
	if w.Strict {
		if !w.To.IsZero() && r.Date.End().After(end) {
			return false
		}
		if !w.From.IsZero() && r.Date.Start().Before(w.From) {
			return false
		}
		return true
	}
	if !w.To.IsZero() && !r.Date.Start().Before(end) {
		return false
	}
	if !w.From.IsZero() && !r.Date.End().After(w.From) {
		return false
	}
	return true
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
	mode := " (overlapping: claims whose period overlaps the window)"
	if w.Strict {
		mode = " (strict: claims whose whole period lies in the window)"
	}
	return f(w.From) + " to " + f(w.To) + mode
}

// Select returns the relationships of d in the window, in dataset order.
func Select(d *graphmodel.Dataset, w Window) []graphmodel.Relationship {
	if w.IsOpen() {
		return d.Relationships
	}
	var out []graphmodel.Relationship
	for i := range d.Relationships {
		if w.Contains(&d.Relationships[i]) {
			out = append(out, d.Relationships[i])
		}
	}
	return out
}

// LayerRelationships are the relationships of d in w that make the
// layer's graph, in dataset order: the layer's types, one claim per event
// (see Counted), no planned reception; loops are still in (the graph drops
// them).
func LayerRelationships(d *graphmodel.Dataset, layer Layer, w Window) []*graphmodel.Relationship {
	types := layer.Types()
	rels := Select(d, w)
	counted := Counted(rels)
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
		edges = append(edges, network.Edge{From: string(r.FromCountry), To: string(r.ToCountry), Weight: layer.Weight(r)})
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
