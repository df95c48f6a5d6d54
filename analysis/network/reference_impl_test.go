package network

// The reference implementations the kernels are tested against: the
// textbook methods (power iteration for HITS) and gonum's own Louvain.
// They live only in tests; the kernels never call them.

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/graph/community"
)

// hitsPower is HITS by power iteration from the uniform hub vector, the
// textbook method; it is kept as the reference HITS is tested against.
func hitsPower(g *Graph, weighted bool, tol float64) (hubs, auths []float64) {
	n := g.Len()
	hubs, auths = make([]float64, n), make([]float64, n)
	if n == 0 || g.Edges() == 0 {
		return hubs, auths
	}
	for i := range hubs {
		hubs[i] = 1 / float64(n)
	}
	prev := make([]float64, n)
	for iter := 0; iter < 10000; iter++ {
		copy(prev, hubs)
		csrSum(g.inStart, g.inAdj, g.inW, weighted, hubs, auths)
		normalizeMax(auths)
		csrSum(g.outStart, g.outAdj, g.outW, weighted, auths, hubs)
		normalizeMax(hubs)
		diff := 0.0
		for i := range hubs {
			diff += math.Abs(hubs[i] - prev[i])
		}
		if diff < tol {
			break
		}
	}
	normalizeSum(hubs)
	normalizeSum(auths)
	return hubs, auths
}

// csrSum writes into y, for each row of the compressed rows, the (weighted)
// sum of x over the row: the plain product hitsPower uses.
func csrSum(start, adj []int32, wt []float64, weighted bool, x, y []float64) {
	for i := range y {
		s := 0.0
		for k := start[i]; k < start[i+1]; k++ {
			if weighted {
				s += x[adj[k]] * wt[k]
			} else {
				s += x[adj[k]]
			}
		}
		y[i] = s
	}
}

// normalizeMax scales v to a maximum of 1, as power iteration does
// between steps.
func normalizeMax(v []float64) {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, x)
	}
	if m > 0 {
		for i := range v {
			v[i] /= m
		}
	}
}

// normalizeSum scales v to sum 1.
func normalizeSum(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	if s > 0 {
		for i := range v {
			v[i] /= s
		}
	}
}

// louvainGonum is gonum's Louvain with the same restarts: the reference.
// Like Louvain it runs on the graph without placeholders.
func louvainGonum(g *Graph, seed uint64) Communities {
	g = g.Structural()
	best := louvainOnce(g, seed)
	for i := uint64(1); i < LouvainRestarts; i++ {
		if c := louvainOnce(g, seed+i*0x9e3779b97f4a7c15); c.Modularity > best.Modularity+1e-12 {
			best = c
		}
	}
	best.Seed = seed
	return best
}

// louvainOnce is one run of gonum's Louvain (community.Modularize) on
// g's undirected view, numbered as Louvain numbers its communities.
func louvainOnce(g *Graph, seed uint64) Communities {
	ug := g.Undirected()
	c := Communities{Seed: seed}
	if g.Edges() == 0 {
		// Every node alone; Q of a graph without edges is undefined, say 0.
		rep := make([]int32, g.Len())
		for i := range rep {
			rep[i] = int32(i)
		}
		c.Label = numberBySize(rep)
		c.Members = membersOf(g, c.Label)
		return c
	}
	reduced := community.Modularize(ug, 1, rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	comms := reduced.Communities()
	rep := make([]int32, g.Len())
	for _, members := range comms {
		ids := make([]int64, len(members))
		for i, m := range members {
			ids[i] = m.ID()
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, id := range ids {
			rep[id] = int32(ids[0])
		}
	}
	c.Label = numberBySize(rep)
	c.Members = membersOf(g, c.Label)
	c.Modularity = Modularity(g, c.Label)
	return c
}
