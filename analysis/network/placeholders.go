package network

// Placeholder nodes stand for no single actor (the caller decides which:
// package analysis marks unnamed groups and unspecified nationalities).
// They keep their edges, so strengths count them, but every other metric
// and every community method runs on Structural, the graph without them.

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
