package network

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// giantSCC is a seeded random graph made to be one big strongly connected
// component: a ring through its n nodes, then m arcs from Zipf-distributed
// sources (heavy-tailed degrees, so many in-degrees repeat and a few are
// large), each reciprocated with probability 0.3, weights 1..9; and
// dangling extra nodes with arcs in only, which come after it.
func giantSCC(seed uint64, n, m, dangling int) *Graph {
	rng := rand.New(rand.NewPCG(seed, 11))
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(n-1))
	name := func(i int) string { return fmt.Sprintf("g%05d", i) }
	var edges []Edge
	for i := 0; i < n; i++ {
		edges = append(edges, Edge{name(i), name((i + 1) % n), float64(1 + rng.IntN(9))})
	}
	for range m {
		u, v := int(zipf.Uint64()), rng.IntN(n)
		if u == v {
			continue
		}
		edges = append(edges, Edge{name(u), name(v), float64(1 + rng.IntN(9))})
		if rng.Float64() < 0.3 {
			edges = append(edges, Edge{name(v), name(u), float64(1 + rng.IntN(9))})
		}
	}
	for i := n; i < n+dangling; i++ {
		edges = append(edges, Edge{name(rng.IntN(n)), name(i), 1})
	}
	return NewGraph(nil, edges)
}

// symmetricOf is g with every arc also reversed (the reverse keeps its
// own weight when g has it), and a separate triangle: an undirected
// network read as arcs both ways, in more than one component.
func symmetricOf(g *Graph) *Graph {
	var edges []Edge
	for _, e := range g.EdgeList() {
		edges = append(edges, e, Edge{e.To, e.From, e.Weight})
	}
	for _, p := range [][2]string{{"t1", "t2"}, {"t2", "t3"}, {"t3", "t1"}} {
		edges = append(edges, Edge{p[0], p[1], 1}, Edge{p[1], p[0], 2})
	}
	return NewGraph(nil, edges)
}

// powerPageRank is networkx.pagerank's power iteration, written out
// plainly as an independent reference: x ← d·(Pᵀx + (dangling mass)/n) +
// (1−d)/n from the uniform vector, until the L1 change is below tol.
func powerPageRank(g *Graph, damp float64, weighted bool, tol float64) []float64 {
	n := g.Len()
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	out := make([]float64, n)
	for i := range out {
		adj, w := g.out(int32(i))
		for k := range adj {
			if weighted {
				out[i] += w[k]
			} else {
				out[i]++
			}
		}
	}
	for range 10000 {
		next := make([]float64, n)
		lost := 0.0
		for u := range x {
			if out[u] == 0 {
				lost += x[u]
				continue
			}
			adj, w := g.out(int32(u))
			for k, v := range adj {
				wt := 1.0
				if weighted {
					wt = w[k]
				}
				next[v] += damp * x[u] * wt / out[u]
			}
		}
		change := 0.0
		for v := range next {
			next[v] += damp*lost/float64(n) + (1-damp)/float64(n)
			change += math.Abs(next[v] - x[v])
		}
		x = next
		if change < tol {
			break
		}
	}
	return x
}

// On graphs that are mostly one big component (swept in order of
// in-degree, not in the order the nodes come), directed or read as arcs
// both ways (then in more than one component), PageRank must agree with
// the plain power iteration within the stopping rule's bound on the L1
// error, 2·d·n·tol/(1−d) after scaling to sum 1, and give the same bits
// whatever GOMAXPROCS is.
func TestPageRankGiantComponentAgainstPowerIteration(t *testing.T) {
	const damp, tol = 0.85, 1e-10
	for _, c := range []struct {
		seed           uint64
		n, m, dangling int
		symmetric      bool
	}{
		{1, 3000, 12000, 0, false}, {2, 2000, 6000, 150, false}, {3, 500, 4000, 20, false}, {4, 1500, 5000, 30, true},
	} {
		g := giantSCC(c.seed, c.n, c.m, c.dangling)
		if c.symmetric {
			g = symmetricOf(g)
			if !g.symmetric() {
				t.Fatal("symmetricOf made an asymmetric graph")
			}
		}
		for _, weighted := range []bool{false, true} {
			t.Run(fmt.Sprintf("seed%d/symmetric=%v/weighted=%v", c.seed, c.symmetric, weighted), func(t *testing.T) {
				prev := runtime.GOMAXPROCS(1)
				one, conv, err := PageRank(context.Background(), g, damp, weighted, tol)
				runtime.GOMAXPROCS(2)
				two, _, _ := PageRank(context.Background(), g, damp, weighted, tol)
				runtime.GOMAXPROCS(prev)
				if err != nil || !conv.Converged || conv.Iterations < 2 {
					t.Fatalf("err %v, %+v", err, conv)
				}
				ref := powerPageRank(g, damp, weighted, 1e-15)
				l1 := 0.0
				for i := range one {
					if math.Float64bits(one[i]) != math.Float64bits(two[i]) {
						t.Fatalf("node %d: %v with GOMAXPROCS 1, %v with 2", i, one[i], two[i])
					}
					l1 += math.Abs(one[i] - ref[i])
				}
				bound := 2 * damp * float64(g.Len()) * tol / (1 - damp)
				if l1 > bound {
					t.Errorf("L1 distance to the power iteration %.3g, above the bound %.3g", l1, bound)
				}
				t.Logf("%d sweeps, L1 distance %.2e (bound %.2e)", conv.Iterations, l1, bound)
			})
		}
	}
}
