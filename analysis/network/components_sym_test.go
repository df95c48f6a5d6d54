package network

import (
	"fmt"
	"math/rand/v2"
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
