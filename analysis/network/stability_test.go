package network

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestNMIByHand(t *testing.T) {
	for _, tt := range []struct {
		a, b []int32
		want float64
	}{
		{[]int32{0, 0, 1, 1}, []int32{5, 5, 7, 7}, 1},         // same partition, other labels
		{[]int32{0, 0, 1, 1}, []int32{0, 1, 0, 1}, 0},         // independent
		{[]int32{0, 0, 0, 0}, []int32{1, 1, 1, 1}, 1},         // both trivial
		{[]int32{0, 0, 1, 1}, []int32{0, 0, 0, 0}, 0},         // one trivial: I = 0
		{[]int32{0, 0, 1, 1}, []int32{0, 0, 1, 2}, 0.8 * 1.0}, // by hand below
	} {
		// Last case: H(A) = ln 2, H(B) = 1.5 ln 2, I = ln 2: 2/(2.5) = 0.8.
		if got := NMI(tt.a, tt.b); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("NMI(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// plantedGraph has k groups of size s, each pair joined with probability
// pIn inside a group and pOut across, in both directions at random.
func plantedGraph(seed uint64, k, s int, pIn, pOut float64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 7))
	var edges []Edge
	name := func(i int) string { return fmt.Sprintf("n%03d", i) }
	n := k * s
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			p := pOut
			if i/s == j/s {
				p = pIn
			}
			if rng.Float64() < p {
				edges = append(edges, Edge{name(i), name(j), 1})
			}
		}
	}
	nodes := make([]string, n)
	for i := range nodes {
		nodes[i] = name(i)
	}
	return NewGraph(nodes, edges)
}

func TestCommunityStability(t *testing.T) {
	planted := stability(t, plantedGraph(1, 4, 15, 0.5, 0.02), 1, StabilityRuns, StabilityNullSamples)
	t.Logf("planted: %+v", planted)
	if planted.MeanNMI < 0.9 || planted.Observed < planted.NullMean+5*planted.NullSD || planted.Z < 5 {
		t.Errorf("planted partition: NMI %.3f, Q %.3f vs null %.3f ± %.3f: want stable and far above the null",
			planted.MeanNMI, planted.Observed, planted.NullMean, planted.NullSD)
	}
	// Same density, no planted structure: an Erdős–Rényi graph. Its
	// "communities" move with the seed and its modularity is what random
	// graphs with its degrees give.
	random := stability(t, plantedGraph(2, 1, 60, 0.14, 0), 1, StabilityRuns, StabilityNullSamples)
	t.Logf("random: %+v", random)
	if random.MeanNMI > 0.8 || math.Abs(random.Z) > 3 {
		t.Errorf("random graph: NMI %.3f, z %.2f: want unstable and within the null", random.MeanNMI, random.Z)
	}
	if random.MeanNMI >= planted.MeanNMI || random.Z >= planted.Z {
		t.Error("the random graph looks as structured as the planted one")
	}
	again := stability(t, plantedGraph(1, 4, 15, 0.5, 0.02), 1, StabilityRuns, StabilityNullSamples)
	if fmt.Sprint(again) != fmt.Sprint(planted) {
		t.Error("same arguments, different stability")
	}
}

// Rewiring keeps every degree and makes no loop or parallel edge.
func TestRewireKeepsDegrees(t *testing.T) {
	g := randomGraph(1, 60, 300, false)
	u := undirectedOf(g)
	r := rewire(u, 10, rand.New(rand.NewPCG(1, 2)))
	changed := 0
	for v := 0; v < u.n(); v++ {
		if u.start[v+1]-u.start[v] != r.start[v+1]-r.start[v] {
			t.Fatalf("degree of %d changed", v)
		}
		for k := r.start[v]; k < r.start[v+1]; k++ {
			if int(r.adj[k]) == v || k > r.start[v] && r.adj[k] == r.adj[k-1] {
				t.Fatalf("loop or parallel edge at %d", v)
			}
			if u.adj[k] != r.adj[k] {
				changed++
			}
		}
	}
	if changed < len(u.adj)/2 {
		t.Errorf("only %d of %d half-edges moved", changed, len(u.adj))
	}
}

// NMI sums over its blocks; summed in a map's random order the last bit
// changed between runs, and analyze --format json with it.
func TestNMISameBitsEveryRun(t *testing.T) {
	n := 400
	a, b := make([]int32, n), make([]int32, n)
	for i := range a {
		a[i] = int32(i % 37)
		b[i] = int32((i * 7) % 23)
	}
	first := NMI(a, b)
	for range 200 {
		if got := NMI(a, b); math.Float64bits(got) != math.Float64bits(first) {
			t.Fatalf("NMI gave %v, then %v", first, got)
		}
	}
}

// stability is CommunityStability with the default runs and samples,
// failing t on an error.
func stability(t testing.TB, g *Graph, seed uint64, runs, nullSamples int) Stability {
	t.Helper()
	st, err := CommunityStability(context.Background(), g, seed, runs, nullSamples)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
