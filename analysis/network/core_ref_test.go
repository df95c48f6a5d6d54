package network

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// CoreNumbers (level-by-level peeling; on a symmetric graph, out-degree
// cores doubled) equals Batagelj and Zaversnik's bucket algorithm over
// in+out degrees as this package had it (coreNumbersBZ, kept as it was),
// on random directed graphs and on symmetric ones, sparse and dense, with
// isolated nodes and levels no node has.
func TestCoreNumbersMatchBZ(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 19))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(60)
		both := trial%2 == 1
		var edges []Edge
		for k := rng.IntN(1 + n*(1+trial%7)); k > 0; k-- {
			u, v := fmt.Sprint("v", rng.IntN(n)), fmt.Sprint("v", rng.IntN(n))
			edges = append(edges, Edge{u, v, 1})
			if both || rng.IntN(4) == 0 {
				edges = append(edges, Edge{v, u, 1})
			}
		}
		g := NewGraph([]string{"lonely"}, edges)
		if both && !g.sym {
			t.Fatalf("trial %d: symmetric graph not marked so", trial)
		}
		if got, want := CoreNumbers(g), coreNumbersBZ(g); !slices.Equal(got, want) {
			t.Fatalf("trial %d (symmetric %v): cores %v, bucket algorithm %v", trial, g.sym, got, want)
		}
	}
}

// coreNumbersBZ is CoreNumbers as it was before, the reference of
// TestCoreNumbersMatchBZ: Batagelj and Zaversnik's bucket algorithm over
// out- and in-lists, one neighbour at a time.
func coreNumbersBZ(g *Graph) []int {
	n := g.Len()
	deg := make([]int, n)
	maxDeg := 0
	for i := int32(0); int(i) < n; i++ {
		deg[i] = int(g.outStart[i+1]-g.outStart[i]) + int(g.inStart[i+1]-g.inStart[i])
		maxDeg = max(maxDeg, deg[i])
	}
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := 0; d <= maxDeg; d++ {
		c := bin[d]
		bin[d] = start
		start += c
	}
	pos := make([]int, n)
	vert := make([]int32, n)
	for v := 0; v < n; v++ {
		pos[v] = bin[deg[v]]
		vert[pos[v]] = int32(v)
		bin[deg[v]]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	lower := func(v, u int32) {
		if deg[u] > deg[v] {
			du, pu := deg[u], pos[u]
			pw := bin[du]
			w := vert[pw]
			if u != w {
				pos[u], pos[w] = pw, pu
				vert[pu], vert[pw] = w, u
			}
			bin[du]++
			deg[u]--
		}
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		adj, _ := g.out(v)
		for _, u := range adj {
			lower(v, u)
		}
		adj, _ = g.in(v)
		for _, u := range adj {
			lower(v, u)
		}
	}
	return deg
}
