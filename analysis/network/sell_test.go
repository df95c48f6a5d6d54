package network

import (
	"github.com/leverage-project/leverage/analysis/network/internal/sell"

	"fmt"
	"math/rand/v2"
	"testing"
)

// A sliced product must give every row exactly (bit for bit) the sum the
// compressed rows give, whatever the row lengths, the padding and the way
// the slices are split between workers.
func TestSELLEqualsCompressedRows(t *testing.T) {
	graphs := map[string]*Graph{
		"one edge":           NewGraph([]string{"c"}, []Edge{{"a", "b", 2}}),
		"star 13":            starGraph(13),
		"uniform 1003-5000":  scaleGraph(4, 1003, 5000, false),
		"powerlaw 2001-9000": scaleGraph(5, 2001, 9000, true),
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for name, g := range graphs {
		n := g.Len()
		x := make([]float64, n+1)
		for i := range n {
			x[i] = rng.NormFloat64() * float64(1+rng.IntN(1000))
		}
		for _, weighted := range []bool{false, true} {
			for _, dir := range []struct {
				label      string
				start, adj []int32
				wt         []float64
			}{{"in", g.inStart, g.inAdj, g.inW}, {"out", g.outStart, g.outAdj, g.outW}} {
				want := make([]float64, n)
				csrSum(dir.start, dir.adj, dir.wt, weighted, x, want)
				m := sell.New(dir.start, dir.adj, dir.wt, weighted)
				for _, parts := range []int{1, 2, 3} {
					got := make([]float64, n)
					for i := range got {
						got[i] = -1 // every row must be written
					}
					b := m.Split(parts)
					for w := 0; w < parts; w++ {
						m.MulRange(x, got, b[w], b[w+1])
					}
					for i := range want {
						if got[i] != want[i] {
							t.Fatalf("%s %s weighted=%v parts=%d: row %d sums to %v, compressed rows give %v",
								name, dir.label, weighted, parts, i, got[i], want[i])
						}
					}
				}
			}
		}
	}
}

func starGraph(leaves int) *Graph {
	var edges []Edge
	for i := range leaves {
		edges = append(edges, Edge{"hub", string(rune('a' + i)), float64(i + 1)})
	}
	return NewGraph([]string{"isolated"}, edges)
}

// The product HITS repeats, in both layouts: compressed rows against slices.
func BenchmarkProduct20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	x := make([]float64, g.Len()+1)
	for i := range g.Len() {
		x[i] = 1
	}
	y := make([]float64, g.Len())
	b.Run("compressed-rows", func(b *testing.B) {
		for b.Loop() {
			csrSum(g.inStart, g.inAdj, g.inW, false, x, y)
		}
	})
	b.Run("sliced", func(b *testing.B) {
		m := sell.New(g.inStart, g.inAdj, g.inW, false)
		for b.Loop() {
			m.MulRange(x, y, 0, m.Slices())
		}
	})
	b.Run("sliced-build", func(b *testing.B) {
		for b.Loop() {
			sell.New(g.inStart, g.inAdj, g.inW, false)
		}
	})
}

// One A·Aᵀ product as HITS runs it, with one worker and with two: the
// measurement behind hitsParallelEdges.
func BenchmarkApply20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	x := make([]float64, g.Len()+1)
	for i := range g.Len() {
		x[i] = 1
	}
	y := make([]float64, g.Len()+1)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			op := newHITSOperator(g, false)
			op.workers = workers
			op.inSplit, op.outSplit = op.in.Split(workers), op.out.Split(workers)
			for b.Loop() {
				op.Apply(x, y)
			}
		})
	}
}
