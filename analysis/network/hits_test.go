package network

import (
	"context"
	"math"
	"runtime"
	"testing"
)

// HITS by Lanczos must find the vectors power iteration finds: both start
// from the uniform hub vector, so they agree even where the dominant
// eigenspace has more than one dimension (the seed layers have such ties).
func TestHITSLanczosAgreesWithPowerIteration(t *testing.T) {
	graphs := referenceGraphs(t)
	graphs["scale-20k-100k"] = scaleGraph(1, 20000, 100000, false)
	graphs["scale-powerlaw-5k-40k"] = scaleGraph(2, 5000, 40000, true)
	const wantTol = 1e-9 // both iterate to 1e-13; the scores sum to 1
	for name, g := range graphs {
		for _, weighted := range []bool{false, true} {
			h, a, _, _ := HITS(context.Background(), g, weighted, 1e-13)
			ph, pa := hitsPower(g, weighted, 1e-13)
			worst := 0.0
			for i := range h {
				worst = max(worst, math.Abs(h[i]-ph[i]), math.Abs(a[i]-pa[i]))
				if h[i] < 0 || a[i] < 0 {
					t.Fatalf("%s: negative score at %s", name, g.Name(i))
				}
			}
			if worst > wantTol {
				t.Errorf("%s weighted=%v: largest difference from power iteration %g (tol %g)", name, weighted, worst, wantTol)
			}
		}
	}
}

// The worker count must not change a bit of the result.
func TestHITSIndependentOfWorkers(t *testing.T) {
	g := scaleGraph(3, 30000, 120000, false)
	defer func(old int) { hitsParallelEdges = old }(hitsParallelEdges)
	hitsParallelEdges = 0
	if runtime.GOMAXPROCS(0) < 2 {
		runtime.GOMAXPROCS(2) // goroutines are split the same on one core
		defer runtime.GOMAXPROCS(1)
	}
	h1, a1, _, _ := HITS(context.Background(), g, false, 1e-12)
	old := runtime.GOMAXPROCS(1)
	h2, a2, _, _ := HITS(context.Background(), g, false, 1e-12)
	runtime.GOMAXPROCS(old)
	for i := range h1 {
		if h1[i] != h2[i] || a1[i] != a2[i] {
			t.Fatalf("node %d: %v/%v with %d workers, %v/%v with 1", i, h1[i], a1[i], old, h2[i], a2[i])
		}
	}
}

func TestHITSEdgeCases(t *testing.T) {
	for name, g := range map[string]*Graph{
		"empty":     NewGraph(nil, nil),
		"no edges":  NewGraph([]string{"a", "b"}, nil),
		"one edge":  NewGraph(nil, []Edge{{"a", "b", 1}}),
		"self loop": NewGraph(nil, []Edge{{"a", "a", 1}}),
	} {
		h, a, _, _ := HITS(context.Background(), g, false, 1e-12)
		for i := range h {
			if math.IsNaN(h[i]) || math.IsNaN(a[i]) {
				t.Errorf("%s: NaN at %d", name, i)
			}
		}
	}
	h, a, _, _ := HITS(context.Background(), NewGraph(nil, []Edge{{"a", "b", 1}}), false, 1e-12)
	if h[0] != 1 || h[1] != 0 || a[0] != 0 || a[1] != 1 {
		t.Errorf("one edge a→b: hubs %v authorities %v, want [1 0] [0 1]", h, a)
	}
}

func BenchmarkHITSPowerIteration20k(b *testing.B) {
	g := benchGraphs["20k-100k"]()
	for b.Loop() {
		hitsPower(g, false, 1e-10)
	}
}
