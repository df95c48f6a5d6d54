package network

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// connected reports whether the members of each community induce a
// connected subgraph of the undirected view.
func disconnectedCommunities(g *Graph, label []int) int {
	u := undirectedOf(g)
	bad := 0
	seen := make([]bool, g.Len())
	done := map[int]bool{}
	for s := range label {
		if done[label[s]] {
			continue
		}
		done[label[s]] = true
		size := 0
		for _, l := range label {
			if l == label[s] {
				size++
			}
		}
		stack := []int32{int32(s)}
		seen[s] = true
		reached := 0
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			reached++
			for e := u.start[v]; e < u.start[v+1]; e++ {
				w := u.adj[e]
				if !seen[w] && label[w] == label[s] {
					seen[w] = true
					stack = append(stack, w)
				}
			}
		}
		if reached != size {
			bad++
		}
	}
	return bad
}

func TestLeiden(t *testing.T) {
	graphs := referenceGraphs(t)
	graphs["scale-20k-100k"] = scaleGraph(1, 20000, 100000, false)
	graphs["scale-powerlaw-5k-40k"] = scaleGraph(2, 5000, 40000, true)
	for name, g := range graphs {
		// Communities are found on the graph without placeholders (on unit
		// weights where it has no weight at all: the seed's onward layer);
		// the checks below judge them on that graph.
		g, _ = CommunityGraph(g)
		le := leiden(t, g, 1)
		lo := louvain(t, g, 1)
		if bad := disconnectedCommunities(g, le.Label); bad > 0 {
			t.Errorf("%s: %d Leiden communities are disconnected", name, bad)
		}
		// gonum's community.Q is the independent judge of the reported Q.
		if q := Modularity(g, le.Label); math.Abs(q-le.Modularity) > 1e-9 {
			t.Errorf("%s: Leiden reports Q %.12f, gonum computes %.12f", name, le.Modularity, q)
		}
		if le.Modularity < lo.Modularity-0.01 {
			t.Errorf("%s: Leiden Q %.4f is below Louvain's %.4f by more than 0.01", name, le.Modularity, lo.Modularity)
		}
		if again := leiden(t, g, 1); again.Modularity != le.Modularity || len(again.Members) != len(le.Members) {
			t.Errorf("%s: same seed, different partition", name)
		}
		t.Logf("%s: Leiden Q %.4f (%d communities), Louvain Q %.4f (%d; %d disconnected)", name, le.Modularity, len(le.Members),
			lo.Modularity, len(lo.Members), disconnectedCommunities(g, lo.Label))
	}
}

func TestLeidenEdgeCases(t *testing.T) {
	for name, g := range map[string]*Graph{
		"no edges": NewGraph([]string{"a", "b", "c"}, nil),
		"one edge": NewGraph(nil, []Edge{{"a", "b", 1}}),
		"two triangles": NewGraph(nil, []Edge{{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1},
			{"x", "y", 1}, {"y", "z", 1}, {"z", "x", 1}, {"c", "x", 1}}),
	} {
		c := leiden(t, g, 1)
		if len(c.Label) != g.Len() || math.IsNaN(c.Modularity) {
			t.Errorf("%s: %+v", name, c)
		}
	}
	c := leiden(t, NewGraph(nil, []Edge{{"a", "b", 1}, {"b", "c", 1}, {"c", "a", 1},
		{"x", "y", 1}, {"y", "z", 1}, {"z", "x", 1}, {"c", "x", 1}}), 1)
	if len(c.Members) != 2 {
		t.Errorf("two triangles joined by one edge: %v, want the two triangles", c.Members)
	}
}

// The connectivity check itself must be able to fail.
func TestDisconnectedCommunitiesDetects(t *testing.T) {
	g := NewGraph(nil, []Edge{{"a", "b", 1}, {"c", "d", 1}})
	if bad := disconnectedCommunities(g, []int{1, 1, 1, 1}); bad != 1 {
		t.Errorf("{a,b,c,d} with edges a-b and c-d: %d disconnected communities reported, want 1", bad)
	}
	if bad := disconnectedCommunities(g, []int{1, 1, 2, 2}); bad != 0 {
		t.Errorf("{a,b},{c,d}: %d disconnected reported, want 0", bad)
	}
}

// Each Leiden iteration after the first is kept only if it raises Q, so a
// run bounded to fewer iterations never beats the unbounded one with the
// same seed, and one iteration is the first run alone.
func TestLeidenIterationBound(t *testing.T) {
	for name, g := range randomReferenceGraphs() {
		u := undirectedOf(g)
		for s := uint64(1); s <= 5; s++ {
			_, q1 := leidenCSR(u, s, 1)
			_, q3 := leidenCSR(u, s, 3)
			_, q := leidenCSR(u, s, 0)
			first, q0 := leidenOnce(u, nil, rand.New(rand.NewPCG(s, 0x1e1de4)), nil, nil, nil, nil)
			if q1 != q0 {
				t.Errorf("%s seed %d: one iteration Q %v, the first run alone %v", name, s, q1, q0)
			}
			// Q is taken on the run's last level; it must be the partition's Q.
			if want := modularityOf(u, first); math.Abs(q0-want) > 1e-13 {
				t.Errorf("%s seed %d: Q %v, the partition's Q on the original graph %v", name, s, q0, want)
			}
			if !(q1 <= q3 && q3 <= q) {
				t.Errorf("%s seed %d: Q after 1, 3 and all iterations %v, %v, %v: not rising", name, s, q1, q3, q)
			}
		}
	}
}

// permute draws the permutation rng.Perm draws from the same state, so
// replacing Perm changed no seeded partition.
func TestPermuteIsPerm(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		a, b := rand.New(rand.NewPCG(uint64(n), 3)), rand.New(rand.NewPCG(uint64(n), 3))
		want := a.Perm(n)
		got := make([]int32, n)
		permute(b, got)
		for i := range want {
			if int(got[i]) != want[i] {
				t.Fatalf("n=%d: permute %v, Perm %v", n, got, want)
			}
		}
		if a.Uint64() != b.Uint64() {
			t.Fatalf("n=%d: permute left the generator elsewhere than Perm", n)
		}
	}
}

// A CommunityView shared by several calls gives each what a fresh one
// gives: a Louvain run at another resolution first does not change the
// Leiden partition that follows, nor the view's own Louvain.
func TestCommunityViewSharedGivesFreshResults(t *testing.T) {
	g := randomGraph(21, 300, 1500, true)
	ctx := context.Background()
	view := NewCommunityView(g)
	if _, err := view.LouvainRuns(ctx, 4, 2.5, 1); err != nil {
		t.Fatal(err)
	}
	if view.u.gamma != 0 {
		t.Fatalf("a Louvain run at resolution 2.5 left the shared view at %v", view.u.gamma)
	}
	shared, _ := view.LeidenRuns(ctx, 4, 1, 3)
	fresh, _ := LeidenRuns(ctx, g, 4, 1, 3)
	if shared.Modularity != fresh.Modularity || !slices.Equal(shared.Label, fresh.Label) {
		t.Errorf("Leiden on a shared view: Q %v, alone %v", shared.Modularity, fresh.Modularity)
	}
	sharedL, _ := view.LouvainRuns(ctx, 4, 1, 2)
	freshL, _ := LouvainRuns(ctx, g, 4, 1, 2)
	if sharedL.Modularity != freshL.Modularity || sharedL.Resolution != 1 || !slices.Equal(sharedL.Label, freshL.Label) {
		t.Errorf("Louvain on a shared view: Q %v at %v, alone %v", sharedL.Modularity, sharedL.Resolution, freshL.Modularity)
	}
}

// A run's buffers (rows, refinement and local-moving arrays kept from
// level to level and iteration to iteration) change nothing: leidenCSR
// gives what its iterations give each allocating afresh, on small graphs
// and on one large enough for batches, parallel refinement and
// aggregation.
func TestLeidenRunBuffersChangeNothing(t *testing.T) {
	graphs := randomReferenceGraphs()
	graphs["large"] = randomGraph(11, 4000, 40000, true)
	for name, g := range graphs {
		u := undirectedOf(g)
		for s := uint64(1); s <= 2; s++ {
			got, gotQ := leidenCSR(u, s, 3)
			rng := rand.New(rand.NewPCG(s, 0x1e1de4))
			want, wantQ := leidenOnce(u, nil, rng, nil, nil, nil, nil)
			for it := 1; it < 3; it++ {
				next, q := leidenOnce(u, want, rng, nil, nil, nil, nil)
				if q <= wantQ+1e-12 {
					break
				}
				want, wantQ = next, q
			}
			if gotQ != wantQ || !slices.Equal(got, want) {
				t.Errorf("%s seed %d: with run buffers Q %v, allocating afresh %v", name, s, gotQ, wantQ)
			}
		}
	}
}

// leidenWeight's shortcuts give exactly what exp gives, or 0 below
// e^-40 of the best.
func TestLeidenWeightIsExp(t *testing.T) {
	for _, d := range []float64{0, math.Copysign(0, -1), -1e-300, -0.001, -0.2, -0.4, -0.4000001, -1, -7} {
		want := math.Exp(d / leidenTheta)
		if d < -40*leidenTheta {
			want = 0
		}
		if got := leidenWeight(d); got != want {
			t.Errorf("leidenWeight(%v) = %v, want %v", d, got, want)
		}
	}
}
