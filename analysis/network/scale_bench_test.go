package network

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// scaleGraph is the seeded random directed graph the scale benchmarks and
// the comparison script (.ci/bench/scale) use: n nodes, m edges with
// endpoints uniform (or Zipf-distributed sources for powerLaw), weights 1..9.
func scaleGraph(seed uint64, n, m int, powerLaw bool) *Graph {
	rng := rand.New(rand.NewPCG(seed, 99))
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(n-1))
	edges := make([]Edge, 0, m)
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("v%07d", i)
	}
	for len(edges) < m {
		u := rng.IntN(n)
		if powerLaw {
			u = int(zipf.Uint64())
		}
		v := rng.IntN(n)
		if u != v {
			edges = append(edges, Edge{names[u], names[v], float64(1 + rng.IntN(9))})
		}
	}
	return NewGraph(names, edges)
}

var benchGraphs = map[string]func() *Graph{
	"20k-100k": func() *Graph { return scaleGraph(1, 20000, 100000, false) },
}

func BenchmarkPageRank20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	b.ReportAllocs()
	for b.Loop() {
		PageRank(context.Background(), g, 0.85, false, 1e-10)
	}
}

func BenchmarkLouvain20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	u := undirectedOf(g)
	b.ReportAllocs()
	for b.Loop() {
		louvainCSRContext(context.Background(), u, 1)
	}
}

func BenchmarkBetweenness20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	b.ReportAllocs()
	for b.Loop() {
		Betweenness(context.Background(), g)
	}
}

func BenchmarkCloseness20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	for b.Loop() {
		Closeness(context.Background(), g)
	}
}

func BenchmarkHITS20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	for b.Loop() {
		HITS(context.Background(), g, false, 1e-10)
	}
}

func BenchmarkCoreComponents20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	for b.Loop() {
		CoreNumbers(g)
		WeakComponents(g)
		StrongComponents(g)
	}
}

func BenchmarkLeiden20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	u := undirectedOf(g)
	b.ReportAllocs()
	for b.Loop() {
		leidenCSR(u, 1, 0)
	}
}
