package analysis

import "github.com/leverage-project/leverage/graphmodel"

// Options are the choices an analysis verb offers beyond layer and window.
type Options struct {
	// IncludePlaceholders makes placeholder actors (see IsPlaceholder)
	// ordinary nodes: paths run through them, they are ranked, they join
	// communities and they appear in single-receiver dependencies. Off by
	// default.
	IncludePlaceholders bool
}

// IsPlaceholder reports whether code stands for no single government: a
// group (an unnamed set of countries, GRP_…) or unspecified nationalities
// (ZZ). The test is the actor's kind in the registry, never its code, so a
// dataset may define its own placeholders.
//
// Placeholders keep their relationships and their people in every sum
// (a receiver's in-strength, people received, totals by type), but by
// default they are not nodes that paths run through: betweenness,
// closeness, PageRank, HITS, cores, components and communities are computed
// on the graph without them, hub rankings and community lists leave them
// out, and neither a nationality nor a receiver that is a placeholder makes
// a single-receiver dependency. Panama's onward returns to ZZ and ZZ's
// arrivals in Costa Rica are two different groups of people; joining them
// into a path would invent a route nobody travelled.
func IsPlaceholder(reg *graphmodel.Registry, code graphmodel.Code) bool {
	if reg == nil {
		return false
	}
	c, ok := reg.Country(code)
	return ok && (c.Kind == graphmodel.KindGroup || c.Kind == graphmodel.KindUnspecified)
}

// IsReception reports whether r records people taken in by a third
// country: a received relationship that happened (a planned one is not a
// reception) and is not a return of the receiver's own citizens.
func IsReception(r *graphmodel.Relationship) bool {
	return r.Type == graphmodel.Received && r.Status != graphmodel.Planned && r.FromCountry != r.ToCountry
}

// placeholderMask marks the nodes of g that are placeholders in reg; nil
// when there are none.
func placeholderMask(g *Graph, reg *graphmodel.Registry) []bool {
	var mask []bool
	for i, n := range g.names {
		if IsPlaceholder(reg, graphmodel.Code(n)) {
			if mask == nil {
				mask = make([]bool, len(g.names))
			}
			mask[i] = true
		}
	}
	return mask
}

// WithPlaceholders returns g with the named nodes marked as placeholders
// (names g lacks are ignored); the adjacency is shared, not copied.
func (g *Graph) WithPlaceholders(names []string) *Graph {
	h := *g
	h.placeholder = nil
	for _, n := range names {
		if i, ok := g.index[n]; ok {
			if h.placeholder == nil {
				h.placeholder = make([]bool, len(g.names))
			}
			h.placeholder[i] = true
		}
	}
	return &h
}

// Placeholder reports whether node i is a placeholder.
func (g *Graph) Placeholder(i int) bool { return g.placeholder != nil && g.placeholder[i] }

// Placeholders lists the placeholder nodes' names in index order.
func (g *Graph) Placeholders() []string {
	var out []string
	for i := range g.names {
		if g.Placeholder(i) {
			out = append(out, g.names[i])
		}
	}
	return out
}

// Structural is the graph paths run through: g without its placeholder
// nodes and their edges (g itself when it has none), built afresh on each
// call. Every metric but strength, and every community method, runs on it.
func (g *Graph) Structural() *Graph {
	if g.placeholder == nil {
		return g
	}
	var nodes []string
	for i, n := range g.names {
		if !g.placeholder[i] {
			nodes = append(nodes, n)
		}
	}
	var edges []Edge
	for u := int32(0); int(u) < g.Len(); u++ {
		if g.placeholder[u] {
			continue
		}
		adj, w := g.out(u)
		for k, v := range adj {
			if !g.placeholder[v] {
				edges = append(edges, Edge{g.names[u], g.names[v], w[k]})
			}
		}
	}
	return NewGraph(nodes, edges)
}
