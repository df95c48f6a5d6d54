package network

import (
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// Edge is a weighted directed edge between two named nodes, the input of
// NewGraph. Parallel edges are summed; self-loops are dropped (see Graph).
type Edge struct {
	From, To string
	Weight   float64
}

// Graph is a simple weighted directed graph in compressed sparse rows over
// dense int32 indices: the form every metric in this package runs on.
// Nodes are sorted by name, so index order and every output are
// deterministic. Parallel edges are collapsed into one whose weight is their
// sum; self-loops are dropped, because the metrics here (and networkx's
// core_number) are defined on loop-free graphs.
type Graph struct {
	names    []string
	index    map[string]int32
	outStart []int32 // out-neighbours of i: outAdj[outStart[i]:outStart[i+1]]
	outAdj   []int32
	outW     []float64
	inStart  []int32
	inAdj    []int32
	inW      []float64
	// sym records that every arc has its reverse (see symmetric), as an
	// undirected network read as arcs both ways has: NewGraph learns it
	// once, so the kernels that take a shortcut on such a graph (strong
	// components are the weak ones; see components) pay no pass over the
	// arcs to find out. False is always safe: it only forgoes a shortcut.
	sym bool
	// placeholder marks nodes that are placeholder actors (nil: none);
	// see IsPlaceholder and Structural.
	placeholder []bool
}

// NewGraph builds a graph from edges. nodes lists nodes that may have no
// edge (they still count in n); nodes named by edges are added.
func NewGraph(nodes []string, edges []Edge) *Graph {
	set := make(map[string]struct{}, len(nodes))
	for _, n := range nodes {
		set[n] = struct{}{}
	}
	for _, e := range edges {
		set[e.From] = struct{}{}
		set[e.To] = struct{}{}
	}
	g := &Graph{names: make([]string, 0, len(set)), index: make(map[string]int32, len(set))}
	for n := range set {
		g.names = append(g.names, n)
	}
	sort.Strings(g.names)
	for i, n := range g.names {
		g.index[n] = int32(i)
	}
	type pair struct{ u, v int32 }
	sum := make(map[pair]float64, len(edges))
	for _, e := range edges {
		u, v := g.index[e.From], g.index[e.To]
		if u == v {
			continue
		}
		sum[pair{u, v}] += e.Weight
	}
	ps := make([]pair, 0, len(sum))
	for p := range sum {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].u != ps[j].u {
			return ps[i].u < ps[j].u
		}
		return ps[i].v < ps[j].v
	})
	n := len(g.names)
	g.outStart = make([]int32, n+1)
	g.inStart = make([]int32, n+1)
	g.outAdj = make([]int32, len(ps))
	g.outW = make([]float64, len(ps))
	for i, p := range ps {
		g.outStart[p.u+1]++
		g.inStart[p.v+1]++
		g.outAdj[i] = p.v
		g.outW[i] = sum[p]
	}
	for i := 0; i < n; i++ {
		g.outStart[i+1] += g.outStart[i]
		g.inStart[i+1] += g.inStart[i]
	}
	g.inAdj = make([]int32, len(ps))
	g.inW = make([]float64, len(ps))
	fill := append([]int32(nil), g.inStart[:n]...)
	// ps is sorted by u, so each in-list comes out sorted by source too.
	for _, p := range ps {
		k := fill[p.v]
		g.inAdj[k] = p.u
		g.inW[k] = sum[p]
		fill[p.v]++
	}
	g.sym = g.symmetric()
	return g
}

// Len is the number of nodes.
func (g *Graph) Len() int { return len(g.names) }

// Edges is the number of (collapsed) edges.
func (g *Graph) Edges() int { return len(g.outAdj) }

// Name returns the name of node i.
func (g *Graph) Name(i int) string { return g.names[i] }

// Index returns the index of the named node.
func (g *Graph) Index(name string) (int, bool) {
	i, ok := g.index[name]
	return int(i), ok
}

func (g *Graph) out(i int32) ([]int32, []float64) {
	return g.outAdj[g.outStart[i]:g.outStart[i+1]], g.outW[g.outStart[i]:g.outStart[i+1]]
}

func (g *Graph) in(i int32) ([]int32, []float64) {
	return g.inAdj[g.inStart[i]:g.inStart[i+1]], g.inW[g.inStart[i]:g.inStart[i+1]]
}

// EdgeList returns the collapsed edges in index order.
func (g *Graph) EdgeList() []Edge {
	out := make([]Edge, 0, g.Edges())
	for u := int32(0); int(u) < g.Len(); u++ {
		adj, w := g.out(u)
		for k, v := range adj {
			out = append(out, Edge{g.names[u], g.names[v], w[k]})
		}
	}
	return out
}

// Gonum returns g as a gonum weighted directed graph whose node IDs are the
// indices of g (node i is Name(i)), so any gonum algorithm runs on it, and
// gonum's serve as reference implementations of ours. FromGonum is the way
// back.
func (g *Graph) Gonum() *simple.WeightedDirectedGraph {
	gg := simple.NewWeightedDirectedGraph(0, 0)
	for i := range g.names {
		gg.AddNode(simple.Node(i))
	}
	for _, e := range g.EdgeList() {
		u, v := g.index[e.From], g.index[e.To]
		gg.SetWeightedEdge(gg.NewWeightedEdge(simple.Node(u), simple.Node(v), e.Weight))
	}
	return gg
}

// Undirected returns g with directions dropped, weights of u->v and v->u
// summed, as a gonum graph with node IDs = indices: the view modularity and
// the community methods work on, and the one gonum's undirected algorithms
// (community.Modularize, for one) take.
func (g *Graph) Undirected() *simple.WeightedUndirectedGraph {
	ug := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range g.names {
		ug.AddNode(simple.Node(i))
	}
	for _, e := range g.EdgeList() {
		u, v := simple.Node(g.index[e.From]), simple.Node(g.index[e.To])
		w := e.Weight
		if old := ug.WeightedEdge(int64(u), int64(v)); old != nil {
			w += old.Weight()
		}
		ug.SetWeightedEdge(ug.NewWeightedEdge(u, v, w))
	}
	return ug
}

var _ graph.WeightedDirected = (*simple.WeightedDirectedGraph)(nil)
