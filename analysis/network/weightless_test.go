package network

import (
	"context"
	"math"
	"testing"
)

// A graph whose edges all weigh 0 (sizes no source gives) has no total
// weight for modularity to divide by: with weight 0 every Louvain and
// stability figure came out NaN. The community methods then run on unit
// weights and say so. By hand, two disjoint edges a→b, c→d: two
// communities, Q = 2·(1/2 − (2/4)²) = 0.5.
func TestCommunitiesOnWeightlessGraph(t *testing.T) {
	g := NewGraph(nil, []Edge{{"a", "b", 0}, {"c", "d", 0}})
	ctx := context.Background()
	for name, find := range map[string]func() (Communities, error){
		"louvain":  func() (Communities, error) { return Louvain(ctx, g, 1) },
		"directed": func() (Communities, error) { return LouvainDirected(ctx, g, 1, 1) },
		"leiden":   func() (Communities, error) { return Leiden(ctx, g, 1) },
	} {
		c, err := find()
		if err != nil {
			t.Fatal(err)
		}
		if !c.Unweighted || len(c.Members) != 2 || math.Abs(c.Modularity-0.5) > 1e-12 {
			t.Errorf("%s: %v, Q %v, unweighted %v; want 2 communities, 0.5, true", name, c.Members, c.Modularity, c.Unweighted)
		}
		if q := Modularity(g, c.Label); math.Abs(q-0.5) > 1e-12 {
			t.Errorf("%s: gonum's Q of the partition %v, want 0.5", name, q)
		}
	}
	st, err := CommunityStability(ctx, g, 1, 3, 10)
	if err != nil {
		t.Fatal(err)
	}
	if math.IsNaN(st.Observed) || math.IsNaN(st.NullMean) || math.IsNaN(st.MeanNMI) {
		t.Errorf("stability on a weightless graph: %+v", st)
	}
	// Some weight: the weightless edge carries none and ties nothing, so
	// its nodes stay apart (networkx's Louvain leaves them alone too).
	mixed := NewGraph(nil, []Edge{{"a", "b", 2}, {"c", "d", 0}})
	c, err := Louvain(ctx, mixed, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Unweighted || len(c.Members) != 3 || math.Abs(c.Modularity) > 1e-12 {
		t.Errorf("mixed: %v, Q %v, unweighted %v; want [a b] and c, d alone, Q 0 (one community holding all the weight: 1 − 1²)", c.Members, c.Modularity, c.Unweighted)
	}
}
