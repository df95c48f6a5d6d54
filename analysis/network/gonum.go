package network

import (
	"strconv"

	"gonum.org/v1/gonum/graph"
)

// FromGonum converts a gonum directed graph, once, into the compact Graph
// every kernel of this package runs on, so a gonum user can run PageRank,
// HITS, Louvain or Leiden on their own graph. Edge weights are g's when g
// is a graph.Weighted (its Weight(uid, vid)), 1 otherwise; self-loops are
// dropped, as NewGraph drops them. name gives each node's name (nil: its
// decimal ID). Nodes are indexed in the sorted order of their names, as in
// NewGraph, so results map back through Name and Index.
func FromGonum(g graph.Directed, name func(graph.Node) string) *Graph {
	if name == nil {
		name = func(n graph.Node) string { return strconv.FormatInt(n.ID(), 10) }
	}
	weighted, _ := g.(graph.Weighted)
	var nodes []string
	var edges []Edge
	for it := g.Nodes(); it.Next(); {
		u := it.Node()
		nodes = append(nodes, name(u))
		for to := g.From(u.ID()); to.Next(); {
			v := to.Node()
			w := 1.0
			if weighted != nil {
				w, _ = weighted.Weight(u.ID(), v.ID())
			}
			edges = append(edges, Edge{From: name(u), To: name(v), Weight: w})
		}
	}
	return NewGraph(nodes, edges)
}
