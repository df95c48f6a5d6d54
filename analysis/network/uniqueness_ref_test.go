package network

import (
	"context"
	"fmt"
	"math"
	"sort"
	"testing"
)

// hitsUniquenessByNames is HITSUniqueness as it was first written: every
// component rebuilt by name with NewGraph and solved. The bounded version
// must agree with it exactly.
func hitsUniquenessByNames(g *Graph, weighted bool) Uniqueness {
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
		c := comp{theta: componentEigenvalueByNames(es)}
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

func componentEigenvalueByNames(es []Edge) float64 {
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

// HITSUniqueness, which solves only the components whose bounds let them
// reach the leading eigenvalue, gives exactly what solving every
// component gives: the same verdict, eigenvalue bits and note.
func TestHITSUniquenessMatchesSolvingEveryComponent(t *testing.T) {
	graphs := referenceGraphs(t)
	graphs["gnm-200-600"] = randomGraph(1, 200, 600, false)
	graphs["near-acyclic-300"] = nearAcyclic(5, 300, 700, 12)
	// Many components, several tying: stars of 1 to 4 leaves, weights 1 or 2.
	var stars []Edge
	for i := 0; i < 120; i++ {
		for j := 0; j <= i%4; j++ {
			stars = append(stars, Edge{fmt.Sprintf("h%03d", i), fmt.Sprintf("l%03d-%d", i, j), float64(1 + i%2)})
		}
	}
	graphs["stars"] = NewGraph(nil, stars)
	graphs["sparse-gnm-300-200"] = randomGraph(7, 300, 200, false)
	for name, g := range graphs {
		g = g.Structural()
		for _, weighted := range []bool{false, true} {
			got, want := HITSUniqueness(g, weighted), hitsUniquenessByNames(g, weighted)
			if got != want {
				t.Errorf("%s weighted %v: %+v, solving every component gives %+v", name, weighted, got, want)
			}
		}
	}
}

// The HITS kernel's uniqueness, given the leading eigenvalue from its own
// run, says what HITSUniqueness says: the same verdict, multiplicity and
// note, and an eigenvalue equal to rounding, whether the largest candidate
// component is left unsolved (the shortcut) or another comes near it
// (stars: many tie).
func TestKernelHITSUniquenessMatchesHITSUniqueness(t *testing.T) {
	graphs := referenceGraphs(t)
	graphs["gnm-200-600"] = randomGraph(1, 200, 600, false)
	graphs["near-acyclic-300"] = nearAcyclic(5, 300, 700, 12)
	var stars []Edge
	for i := 0; i < 120; i++ {
		for j := 0; j <= i%4; j++ {
			stars = append(stars, Edge{fmt.Sprintf("h%03d", i), fmt.Sprintf("l%03d-%d", i, j), float64(1 + i%2)})
		}
	}
	graphs["stars"] = NewGraph(nil, stars)
	graphs["sparse-gnm-300-200"] = randomGraph(7, 300, 200, false)
	// The component with the most arcs (a sparse random graph) is not the
	// one with the leading eigenvalue (a complete bipartite K6,6: 36), so
	// the kernel must solve it after all.
	mixed := randomGraph(3, 200, 400, false).EdgeList()
	for i := 0; i < 6; i++ {
		for j := 0; j < 6; j++ {
			mixed = append(mixed, Edge{fmt.Sprintf("kh%d", i), fmt.Sprintf("ka%d", j), 1})
		}
	}
	graphs["gnm-and-k66"] = NewGraph(nil, mixed)
	shortcuts, ties := 0, 0
	for name, g := range graphs {
		g = g.Structural()
		for _, weighted := range []bool{false, true} {
			_, _, _, leading, err := hitsRun(context.Background(), g, weighted, HITSTol)
			if err != nil {
				t.Fatal(err)
			}
			got, want := hitsUniqueness(g, weighted, leading), HITSUniqueness(g, weighted)
			if got.Unique != want.Unique || got.Multiplicity != want.Multiplicity || got.Note != want.Note ||
				math.Abs(got.Eigenvalue-want.Eigenvalue) > 1e-9*want.Eigenvalue {
				t.Errorf("%s weighted %v: kernel %+v, HITSUniqueness %+v", name, weighted, got, want)
			}
			// The shortcut returns leading itself; a solve, its own value.
			if got.Eigenvalue == leading {
				shortcuts++
			}
			if !got.Unique {
				ties++
			}
		}
	}
	if shortcuts == 0 || ties == 0 {
		t.Errorf("%d runs took the shortcut, %d found a tie: want both", shortcuts, ties)
	}
}
