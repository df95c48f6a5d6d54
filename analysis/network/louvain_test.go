package network

import (
	"context"
	"math"
	"testing"
)

// Our Louvain's modularity, recomputed by gonum's community.Q on the same
// partition, must agree; and it must reach at least gonum Louvain's best.
func TestLouvainCSRAgainstGonum(t *testing.T) {
	for name, g := range map[string]*Graph{"gnm-60-300": randomGraph(1, 60, 300, false), "gnm-200-600": randomGraph(2, 200, 600, false), "powerlaw": randomGraph(3, 150, 500, true)} {
		member, q, _ := louvainCSRContext(context.Background(), undirectedOf(g), 1)
		label := make([]int, len(member))
		for i, c := range member {
			label[i] = int(c) + 1
		}
		if gq := Modularity(g, label); math.Abs(gq-q) > 1e-9 {
			t.Errorf("%s: our Q %.12f, gonum Q of the same partition %.12f", name, q, gq)
		}
		// Best of the restarts, as Louvain runs it, against gonum's best.
		if ours, ref := louvain(t, g, 1), louvainGonum(g, 1); ours.Modularity < ref.Modularity-0.01 {
			t.Errorf("%s: Q %.4f below gonum Louvain's %.4f", name, ours.Modularity, ref.Modularity)
		}
	}
}
