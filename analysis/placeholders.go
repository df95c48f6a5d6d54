package analysis

import (
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

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

// placeholderNames lists the nodes of g that are placeholders in reg, in
// index order.
func placeholderNames(g *network.Graph, reg *graphmodel.Registry) []string {
	var names []string
	for i := range g.Len() {
		if IsPlaceholder(reg, graphmodel.Code(g.Name(i))) {
			names = append(names, g.Name(i))
		}
	}
	return names
}
