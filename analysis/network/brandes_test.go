package network

import (
	"context"
	"math"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/graph/network"
)

// A run small enough for brandesChunked agrees with gonum's Brandes, and
// gives the same bits on one core as on two: the runs of sources are
// fixed by the graph, not by which side took them.
func TestBrandesChunkedAgreesWithGonum(t *testing.T) {
	g := randomGraph(5, 400, 1200, true)
	n := g.Len()
	all := func(i int) int32 { return int32(i) }
	if w := brandesWork(g, n, all); w < chunkedMinWork || w >= parallelMinWork {
		t.Fatalf("test graph's work is %d arc visits, outside brandesChunked's [%d, %d)", w, chunkedMinWork, parallelMinWork)
	}
	old := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	two, err := Betweenness(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GOMAXPROCS(1)
	one, _ := Betweenness(context.Background(), g)
	gb := network.Betweenness(g.Gonum())
	scale := float64((n - 1) * (n - 2))
	for i := range two {
		if math.Float64bits(two[i]) != math.Float64bits(one[i]) {
			t.Fatalf("betweenness[%s] = %v on two cores, %v on one", g.Name(i), two[i], one[i])
		}
		if want := gb[int64(i)] / scale; math.Abs(two[i]-want) > 1e-12 {
			t.Errorf("betweenness[%s] = %g, gonum %g", g.Name(i), two[i], want)
		}
	}
}

func BenchmarkRealBetweenness(b *testing.B) {
	for _, name := range []string{"debian12-security-deps", "sgb-words", "roget-thesaurus"} {
		g := realGraph(b, name)
		b.Run(name, func(b *testing.B) {
			cpuLoop(b, func() { Betweenness(context.Background(), g) })
		})
	}
}

// A graph with no nodes, or nodes and no arcs, has every betweenness 0;
// estimating the work of no sources divided by zero probes.
func TestBetweennessOfEmptyGraphs(t *testing.T) {
	for name, g := range map[string]*Graph{"no nodes": NewGraph(nil, nil), "isolated": NewGraph([]string{"a", "b"}, nil)} {
		bc, err := Betweenness(context.Background(), g)
		if err != nil || len(bc) != g.Len() {
			t.Fatalf("%s: %v, %v", name, bc, err)
		}
		for _, x := range bc {
			if x != 0 {
				t.Errorf("%s: betweenness %v", name, bc)
			}
		}
		if s, err := BetweennessSampled(context.Background(), g, 10, 1); err != nil || len(s) != g.Len() {
			t.Errorf("%s sampled: %v, %v", name, s, err)
		}
	}
}
