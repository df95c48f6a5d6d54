package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/fixtures"
	gonumnet "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/topo"
)

// Every layer of the model is a gonum graph (Graph.Gonum), so gonum's own
// algorithms run on it; on each seed layer they agree with ours: the
// strong components (Tarjan's) and weighted PageRank (gonum's sparse power
// iteration, which spreads dangling rank uniformly as networkx does).
func TestGonumOnLayersAgrees(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range Layers {
		g := View(d, l, Window{}).Structural()
		gg := g.Gonum()
		label := network.StrongComponents(g)
		count := map[int]bool{}
		for _, c := range label {
			count[c] = true
		}
		sccs := topo.TarjanSCC(gg)
		if len(sccs) != len(count) {
			t.Errorf("%s: gonum finds %d strong components, we %d", l, len(sccs), len(count))
		}
		for _, scc := range sccs {
			first := label[scc[0].ID()]
			for _, n := range scc[1:] {
				if label[n.ID()] != first {
					t.Errorf("%s: %s and %s share a gonum component, not ours", l, g.Name(int(scc[0].ID())), g.Name(int(n.ID())))
				}
			}
		}
		pr, _, _ := network.PageRank(context.Background(), g, network.PageRankDamping, true, 1e-13)
		for id, want := range gonumnet.PageRankSparse(gg, network.PageRankDamping, 1e-13) {
			if math.Abs(pr[id]-want) > 1e-8 {
				t.Errorf("%s: pagerank[%s] = %g, gonum %g", l, g.Name(int(id)), pr[id], want)
			}
		}
	}
}
