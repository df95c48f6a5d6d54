package network

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// A symmetric graph's strong components are its weak ones, numbered the
// same way; StrongComponents then skips Tarjan. Checked against Tarjan
// itself on random undirected graphs (arcs both ways), and the shortcut
// must not fire on a graph with one unreciprocated arc.
func TestSymmetricStrongComponentsAreTarjans(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := 0; trial < 50; trial++ {
		n := 2 + rng.IntN(60)
		var edges []Edge
		for k := rng.IntN(2 * n); k > 0; k-- {
			u, v := fmt.Sprint("v", rng.IntN(n)), fmt.Sprint("v", rng.IntN(n))
			edges = append(edges, Edge{u, v, 1}, Edge{v, u, 1})
		}
		g := NewGraph([]string{"lonely"}, edges)
		if !g.symmetric() {
			t.Fatalf("trial %d: graph with every arc reciprocated not symmetric", trial)
		}
		want := tarjanComponents(g)
		if got := StrongComponents(g); !slices.Equal(got, want) {
			t.Fatalf("trial %d: strong %v, Tarjan %v", trial, got, want)
		}
		if w, s := components(g); !slices.Equal(w, want) || !slices.Equal(s, want) || !slices.Equal(WeakComponents(g), want) {
			t.Fatalf("trial %d: components %v %v, Tarjan %v", trial, w, s, want)
		}
		if len(edges) > 0 {
			one := append(edges[:len(edges)-1:len(edges)-1], Edge{"v0", "extra", 1})
			h := NewGraph(nil, one)
			if h.symmetric() {
				t.Fatalf("trial %d: graph with the arc v0->extra alone called symmetric", trial)
			}
			if got, want := StrongComponents(h), tarjanComponents(h); !slices.Equal(got, want) {
				t.Fatalf("trial %d: strong %v, Tarjan %v", trial, got, want)
			}
		}
	}
}

// weakComponentsUnionFind is the union-find WeakComponents was before it
// became a breadth-first search, kept as its reference: each arc unites
// its ends' sets, the roots are numbered by numberBySize.
func weakComponentsUnionFind(g *Graph) []int {
	n := g.Len()
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for u := int32(0); int(u) < n; u++ {
		adj, _ := g.out(u)
		for _, v := range adj {
			if a, b := find(u), find(v); a < b {
				parent[b] = a
			} else if b < a {
				parent[a] = b
			}
		}
	}
	root := make([]int32, n)
	for i := range root {
		root[i] = find(int32(i))
	}
	return numberBySize(root)
}

// The breadth-first weak components equal the union-find's labels, on
// random directed graphs (sparse, so there are many components of equal
// sizes whose order the labels fix) and on symmetric ones, where the
// search reads out-lists only; NewGraph must learn symmetry exactly.
func TestWeakComponentsMatchUnionFind(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(80)
		both := trial%2 == 1
		var edges []Edge
		for k := rng.IntN(3 * n / 2); k > 0; k-- {
			u, v := fmt.Sprint("v", rng.IntN(n)), fmt.Sprint("v", rng.IntN(n))
			edges = append(edges, Edge{u, v, 1})
			if both {
				edges = append(edges, Edge{v, u, 1})
			}
		}
		g := NewGraph([]string{"lonely", "v0"}, edges)
		if g.sym != g.symmetric() || (both && !g.sym) {
			t.Fatalf("trial %d: NewGraph's sym %v, symmetric() %v", trial, g.sym, g.symmetric())
		}
		want := weakComponentsUnionFind(g)
		if got := WeakComponents(g); !slices.Equal(got, want) {
			t.Fatalf("trial %d (symmetric %v): weak %v, union-find %v", trial, g.sym, got, want)
		}
		if got := weakComponents(g, false); !slices.Equal(got, want) {
			t.Fatalf("trial %d: weak over both lists %v, union-find %v", trial, got, want)
		}
		w, s := components(g)
		if !slices.Equal(w, want) || !slices.Equal(s, tarjanComponents(g)) {
			t.Fatalf("trial %d: components %v %v, want %v %v", trial, w, s, want, tarjanComponents(g))
		}
	}
}

// On a directed graph large enough for components to run its two
// searches side by side, each label set is the one its search gives
// alone, on one core and on two.
func TestPairedComponentsAreEachSearchAlone(t *testing.T) {
	g := randomGraph(9, 3000, 2*pairedComponentArcs, true)
	if g.sym || len(g.outAdj) < pairedComponentArcs {
		t.Fatalf("test graph: symmetric %v, %d arcs; want a directed one of at least %d", g.sym, len(g.outAdj), pairedComponentArcs)
	}
	wantWeak, wantStrong := weakComponents(g, false), tarjanComponents(g)
	for _, procs := range []int{1, 2} {
		old := runtime.GOMAXPROCS(procs)
		w, s := components(g)
		runtime.GOMAXPROCS(old)
		if !slices.Equal(w, wantWeak) || !slices.Equal(s, wantStrong) {
			t.Errorf("GOMAXPROCS %d: components differ from weakComponents and tarjanComponents run alone", procs)
		}
	}
}
