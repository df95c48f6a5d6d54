package network

import (
	"math/rand/v2"
	"sort"
)

// Null models of CommunityStability, named in every output that reports a
// verdict.
const (
	// NullTypedDirected rewires the directed graph by swapping the heads of
	// two edges of the same class (a→b, c→d become a→d, c→b), so every
	// node keeps its in- and out-degree in every class of edge, and a
	// relationship type never takes another's place. An edge keeps its
	// weight, so out-strengths per class are kept exactly, in-strengths
	// approximately.
	NullTypedDirected = "directed degree-preserving rewiring within relationship type"
	// NullDirected is the same with every edge in one class: the model
	// used when the caller gives no edge classes (a plain graph file).
	NullDirected = "directed degree-preserving rewiring"
)

// dEdge is a directed edge of a rewired graph; class indexes the edge
// classes the rewiring keeps apart.
type dEdge struct {
	a, b  int32
	w     float64
	class int32
}

// typedEdges lists g's edges with a class per edge, from classes keyed by
// (from, to) name; an edge missing from classes is in class "". The class
// names are numbered in sorted order so the result does not depend on map
// order.
func typedEdges(g *Graph, classes map[[2]string]string) ([]dEdge, int) {
	names := map[string]bool{"": true}
	for _, c := range classes {
		names[c] = true
	}
	sorted := make([]string, 0, len(names))
	for c := range names {
		sorted = append(sorted, c)
	}
	sort.Strings(sorted)
	id := make(map[string]int32, len(sorted))
	for i, c := range sorted {
		id[c] = int32(i)
	}
	var es []dEdge
	for u := int32(0); int(u) < g.Len(); u++ {
		adj, w := g.out(u)
		for k, v := range adj {
			es = append(es, dEdge{u, v, w[k], id[classes[[2]string{g.names[u], g.names[v]}]]})
		}
	}
	return es, len(sorted)
}

// rewireTyped returns a randomisation of the directed edges es over n
// nodes: swaps·m attempted head swaps, each between two edges of one
// class, rejected if it would make a loop or repeat a directed edge
// (Maslov and Sneppen, "Specificity and stability in topology of protein
// networks", Science 296, 2002, in its directed form). The result is
// folded to the undirected weighted graph Louvain runs on.
func rewireTyped(n int, es0 []dEdge, nclass, swaps int, rng *rand.Rand) *undirected {
	return foldArcs(n, rewireTypedEdges(es0, nclass, swaps, rng))
}

// foldArcs is the undirected weighted graph of arcs over n nodes:
// w(u,v) + w(v,u), as undirectedOf folds a Graph.
func foldArcs(n int, es []dEdge) *undirected {
	lists := make([][]halfEdge, n)
	for _, e := range es {
		lists[e.a] = append(lists[e.a], halfEdge{e.b, e.w})
		lists[e.b] = append(lists[e.b], halfEdge{e.a, e.w})
	}
	return fromLists(lists, make([]float64, n))
}

// rewireTypedEdges is rewireTyped's swaps on a copy of es0.
func rewireTypedEdges(es0 []dEdge, nclass, swaps int, rng *rand.Rand) []dEdge {
	es := append([]dEdge(nil), es0...)
	byClass := make([][]int, nclass)
	has := make(map[[2]int32]bool, len(es))
	for i, e := range es {
		byClass[e.class] = append(byClass[e.class], i)
		has[[2]int32{e.a, e.b}] = true
	}
	m := len(es)
	for t := 0; m >= 2 && t < swaps*m; t++ {
		i := rng.IntN(m)
		group := byClass[es[i].class]
		j := group[rng.IntN(len(group))]
		e, f := es[i], es[j]
		if i == j || e.b == f.b || e.a == f.b || f.a == e.b || has[[2]int32{e.a, f.b}] || has[[2]int32{f.a, e.b}] {
			continue
		}
		delete(has, [2]int32{e.a, e.b})
		delete(has, [2]int32{f.a, f.b})
		has[[2]int32{e.a, f.b}], has[[2]int32{f.a, e.b}] = true, true
		es[i].b, es[j].b = f.b, e.b
	}
	return es
}
