package network

import (
	"context"
	"fmt"
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
// eigenvalue found by HITS on it (a Rayleigh quotient of its hub vector).
func HITSUniqueness(g *Graph, weighted bool) Uniqueness {
	n := g.Len()
	parent := make([]int32, 2*n)
	for i := range parent {
		parent[i] = int32(i)
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for u := int32(0); int(u) < n; u++ {
		adj, _ := g.out(u)
		for _, v := range adj {
			a, b := find(u), find(int32(n)+v)
			if a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	byRoot := map[int32][]Edge{}
	var roots []int32
	for u := int32(0); int(u) < n; u++ {
		adj, w := g.out(u)
		for k, v := range adj {
			r := find(u)
			if _, ok := byRoot[r]; !ok {
				roots = append(roots, r)
			}
			wt := 1.0
			if weighted {
				wt = w[k]
			}
			byRoot[r] = append(byRoot[r], Edge{g.names[u], g.names[v], wt})
		}
	}
	type comp struct {
		theta float64
		hubs  []string
	}
	var comps []comp
	for _, r := range roots {
		es := byRoot[r]
		c := comp{theta: componentEigenvalue(es)}
		seen := map[string]bool{}
		for _, e := range es {
			if !seen[e.From] {
				seen[e.From] = true
				c.hubs = append(c.hubs, e.From)
			}
		}
		comps = append(comps, c)
	}
	if len(comps) == 0 {
		return Uniqueness{Unique: true, Multiplicity: 1}
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

// componentEigenvalue is the leading eigenvalue of A·Aᵀ on one component's
// edges: ‖Aᵀh‖² / ‖h‖² at HITS's hub vector h.
func componentEigenvalue(es []Edge) float64 {
	g := NewGraph(nil, es)
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
