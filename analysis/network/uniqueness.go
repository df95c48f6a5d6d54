package network

import (
	"context"
	"fmt"
	"slices"
	"sort"
)

// Uniqueness says whether HITS's answer is the only one. HITS's hubs are
// the leading eigenvector of A·Aᵀ; when that eigenvalue is repeated, every
// unit vector of its eigenspace is as much "the" answer as any other, and
// networkx (ARPACK) and igraph each return a different one.
type Uniqueness struct {
	Unique bool `json:"unique"`
	// Eigenvalue is the leading eigenvalue of A·Aᵀ (the top singular
	// value of A, squared); Multiplicity is how many components of the
	// hub–authority graph reach it (1 when Unique).
	Eigenvalue   float64 `json:"eigenvalue"`
	Multiplicity int     `json:"multiplicity"`
	// Note says, when the answer is not unique, which components tie and
	// what was returned instead.
	Note string `json:"note,omitempty"`
}

// uniquenessTol is the relative gap below which two components' leading
// eigenvalues count as equal; HITS's own tolerance is 1e-12 on the
// residual, so its eigenvalues are good to far better than this.
const uniquenessTol = 1e-9

// HITSUniqueness finds the multiplicity of the leading eigenvalue of A·Aᵀ.
// A·Aᵀ splits into one block per connected component of the bipartite
// graph joining each node's hub side to the authority side of its
// out-neighbours; within a component the block is irreducible and
// non-negative, so by Perron–Frobenius its leading eigenvalue is simple.
// The leading eigenvalue of the whole is therefore repeated exactly when
// two or more components reach it, which this counts, each component's
// eigenvalue found by HITS on it (a Rayleigh quotient of its hub vector);
// components whose bounds (below) show they cannot reach the leading
// eigenvalue are not solved, which on a large graph of one giant
// component and many small ones spares nearly all the work.
func HITSUniqueness(g *Graph, weighted bool) Uniqueness {
	return hitsUniqueness(g, weighted, -1)
}

// hitsUniqueness is HITSUniqueness given, when leading >= 0, the leading
// eigenvalue of g's A·Aᵀ, as the HITS kernel has it from its own run
// (hitsRun). The largest component that can reach it is then not solved
// when every other one falls short of leading: the answer is unique and
// leading is that component's eigenvalue. On the kernel bench's graphs
// that is always so, and the giant component's solve took as long as
// HITS itself. Eigenvalue then differs from HITSUniqueness's in rounding
// only; Unique, Multiplicity and Note never differ.
func hitsUniqueness(g *Graph, weighted bool, leading float64) Uniqueness {
	n := g.Len()
	// Components of the bipartite graph (hub u is node u, authority v node
	// n+v) by union-find, each set's root its least node. A hub's root is
	// found once and kept while its arcs are united with it: finding both
	// ends of every arc was a quarter of the HITS kernel on WormNet, and a
	// breadth-first search, which reads each arc from both ends, measured
	// slower on the Holme-Kim and SGB graphs.
	parent := make([]int32, 2*n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for u := int32(0); int(u) < n; u++ {
		adj := g.outAdj[g.outStart[u]:g.outStart[u+1]]
		if len(adj) == 0 {
			continue
		}
		ru := find(u)
		for _, v := range adj {
			if rv := find(int32(n) + v); rv < ru {
				parent[ru] = rv
				ru = rv
			} else if rv > ru {
				parent[rv] = ru
			}
		}
	}
	// Components in the order their first edge comes (by hub index), each
	// with bounds on its leading eigenvalue λ: λ ≤ ‖A‖₁·‖A‖∞, the largest
	// in-strength times the largest out-strength in it, and λ ≥ every
	// diagonal entry of A·Aᵀ or Aᵀ·A, Σ w² over one node's out- or in-edges.
	comp := make([]int32, 2*n) // root -> component+1
	hubComp := make([]int32, n)
	type bounds struct{ rowMax, colMax, lower float64 }
	var bs []bounds
	colSum := make([]float64, n)
	colSq := make([]float64, n)
	weight := func(w []float64, k int) float64 {
		if weighted {
			return w[k]
		}
		return 1
	}
	for u := int32(0); int(u) < n; u++ {
		adj, w := g.out(u)
		if len(adj) == 0 {
			continue
		}
		r := find(u)
		if comp[r] == 0 {
			bs = append(bs, bounds{})
			comp[r] = int32(len(bs))
		}
		c := comp[r] - 1
		hubComp[u] = c
		row, sq := 0.0, 0.0
		for k, v := range adj {
			x := weight(w, k)
			row += x
			sq += x * x
			colSum[v] += x
			colSq[v] += x * x
		}
		bs[c].rowMax = max(bs[c].rowMax, row)
		bs[c].lower = max(bs[c].lower, sq)
	}
	if len(bs) == 0 {
		return Uniqueness{Unique: true, Multiplicity: 1}
	}
	for v := int32(0); int(v) < n; v++ {
		if colSum[v] > 0 || g.inStart[v+1] > g.inStart[v] {
			c := comp[find(int32(n)+v)] - 1
			bs[c].colMax = max(bs[c].colMax, colSum[v])
			bs[c].lower = max(bs[c].lower, colSq[v])
		}
	}
	// A component whose upper bound is below the largest lower bound (less
	// the tie tolerance, with a margin for rounding in the computed
	// eigenvalues) cannot reach the leading eigenvalue: only the others
	// are solved.
	floor := 0.0
	for _, b := range bs {
		floor = max(floor, b.lower)
	}
	floor *= (1 - uniquenessTol) * (1 - 1e-6)
	type solved struct {
		theta float64
		hubs  []string
	}
	// Hubs grouped by component (a counting sort), each group in index order.
	first := make([]int32, len(bs)+1)
	for u := int32(0); int(u) < n; u++ {
		if g.outStart[u+1] > g.outStart[u] {
			first[hubComp[u]+1]++
		}
	}
	for c := range bs {
		first[c+1] += first[c]
	}
	byComp := make([]int32, first[len(bs)])
	next := slices.Clone(first[:len(bs)])
	for u := int32(0); int(u) < n; u++ {
		if g.outStart[u+1] > g.outStart[u] {
			byComp[next[hubComp[u]]] = u
			next[hubComp[u]]++
		}
	}
	var cands []int // the components that may reach the leading eigenvalue
	for c, b := range bs {
		if b.rowMax*b.colMax >= floor {
			cands = append(cands, c)
		}
	}
	// Given the leading eigenvalue, the candidate with the most arcs is
	// solved last, and only if another comes near it: leading is the
	// largest component's eigenvalue, so when every other candidate is
	// below it by more than the tie tolerance (with the margin above),
	// it is the big one's, and unique.
	big := -1
	if leading >= 0 {
		most := int32(-1)
		for _, c := range cands {
			arcs := int32(0)
			for _, u := range byComp[first[c]:first[c+1]] {
				arcs += g.outStart[u+1] - g.outStart[u]
			}
			if arcs > most {
				big, most = c, arcs
			}
		}
	}
	theta := make([]float64, len(bs))
	hubsOf := make([][]string, len(bs))
	index := make([]int32, n) // node -> its index in the component's graph + 1, while built
	solve := func(c int) {
		sub, hubs := hitsComponent(g, weighted, byComp[first[c]:first[c+1]], index)
		theta[c], hubsOf[c] = componentEigenvalue(sub), hubs
	}
	others := 0.0
	for _, c := range cands {
		if c != big {
			solve(c)
			others = max(others, theta[c])
		}
	}
	if big >= 0 {
		if others < leading*(1-uniquenessTol)*(1-1e-6) {
			return Uniqueness{Unique: true, Eigenvalue: leading, Multiplicity: 1}
		}
		solve(big)
	}
	comps := make([]solved, 0, len(cands))
	for _, c := range cands {
		comps = append(comps, solved{theta: theta[c], hubs: hubsOf[c]})
	}
	sort.SliceStable(comps, func(i, j int) bool { return comps[i].theta > comps[j].theta })
	u := Uniqueness{Eigenvalue: comps[0].theta}
	var tied []string
	for _, c := range comps {
		if c.theta >= u.Eigenvalue*(1-uniquenessTol) {
			u.Multiplicity++
			tied = append(tied, fmt.Sprintf("{%s}", joinNames(c.hubs, 4)))
		}
	}
	u.Unique = u.Multiplicity == 1
	if !u.Unique {
		u.Note = fmt.Sprintf("not unique: the leading eigenvalue %.6g of A·Aᵀ is reached by %d separate hub–authority components (hubs %s); returned the projection of the uniform start vector onto that eigenspace, which shares the score among them; networkx and igraph each return another vector of the same space",
			u.Eigenvalue, u.Multiplicity, joinNames(tied, 6))
	}
	return u
}

// hitsComponent is the graph of the edges out of hubs (one component's,
// in index order), weights 1 unless weighted, and the hubs' names. Its
// nodes keep g's order, which is name order, so it is the graph NewGraph
// would build from those edges by name, without the names' map and sort.
// index is scratch of g.Len() zeros, left zero.
func hitsComponent(g *Graph, weighted bool, hubs []int32, index []int32) (*Graph, []string) {
	var nodes []int32
	names := make([]string, len(hubs))
	for i, u := range hubs {
		names[i] = g.names[u]
		for _, v := range append([]int32{u}, g.outAdj[g.outStart[u]:g.outStart[u+1]]...) {
			if index[v] == 0 {
				index[v] = 1
				nodes = append(nodes, v)
			}
		}
	}
	slices.Sort(nodes)
	for i, v := range nodes {
		index[v] = int32(i) + 1
	}
	m := len(nodes)
	sub := &Graph{names: make([]string, m), outStart: make([]int32, m+1), inStart: make([]int32, m+1)}
	for i, v := range nodes {
		sub.names[i] = g.names[v]
	}
	for _, u := range hubs {
		adj, w := g.out(u)
		for k, v := range adj {
			x := 1.0
			if weighted {
				x = w[k]
			}
			sub.outAdj = append(sub.outAdj, index[v]-1)
			sub.outW = append(sub.outW, x)
			sub.outStart[index[u]]++
			sub.inStart[index[v]]++
		}
	}
	for i := 0; i < m; i++ {
		sub.outStart[i+1] += sub.outStart[i]
		sub.inStart[i+1] += sub.inStart[i]
	}
	sub.inAdj = make([]int32, len(sub.outAdj))
	sub.inW = make([]float64, len(sub.outAdj))
	fill := slices.Clone(sub.inStart[:m])
	for i := int32(0); int(i) < m; i++ {
		for e := sub.outStart[i]; e < sub.outStart[i+1]; e++ {
			v := sub.outAdj[e]
			sub.inAdj[fill[v]] = i
			sub.inW[fill[v]] = sub.outW[e]
			fill[v]++
		}
	}
	for _, v := range nodes {
		index[v] = 0
	}
	return sub, names
}

// componentEigenvalue is the leading eigenvalue of A·Aᵀ on one component's
// graph: ‖Aᵀh‖² / ‖h‖² at HITS's hub vector h.
func componentEigenvalue(g *Graph) float64 {
	h, _, _, _ := HITS(context.Background(), g, true, HITSTol)
	num, den := 0.0, 0.0
	for v := int32(0); int(v) < g.Len(); v++ {
		adj, w := g.in(v)
		s := 0.0
		for k, u := range adj {
			s += w[k] * h[u]
		}
		num += s * s
		den += h[v] * h[v]
	}
	if den == 0 {
		return 0
	}
	return num / den
}

func joinNames(names []string, most int) string {
	s := ""
	for i, x := range names {
		if i == most {
			return s + fmt.Sprintf(", … (%d more)", len(names)-most)
		}
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s
}
