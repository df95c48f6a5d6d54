package network

import (
	"context"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/graph/network"
)

// The four-node graph of the table below, with values pasted from:
//
//	$ python -c 'import networkx as nx; print(nx.__version__)'   # 3.6.1
//	>>> G = nx.DiGraph([("a","b"),("a","c"),("b","c"),("c","a"),("d","c")])
//	>>> nx.pagerank(G, alpha=0.85, tol=1e-13)
//	{'a': 0.3725268513, 'b': 0.1958239118, 'c': 0.3941492369, 'd': 0.0375}
//	>>> nx.betweenness_centrality(G)
//	{'a': 0.3333333333333333, 'b': 0.0, 'c': 0.5, 'd': 0.0}
//	>>> nx.closeness_centrality(G)
//	{'a': 0.6, 'b': 0.5, 'c': 1.0, 'd': 0.0}
//	>>> nx.harmonic_centrality(G)
//	{'d': 0, 'c': 3.0, 'b': 1.8333333333333333, 'a': 2.0}
//	>>> nx.core_number(G)
//	{'a': 2, 'b': 2, 'c': 2, 'd': 1}
//	>>> nx.hits(G, tol=1e-12)
//	({'a': 0.4142135624, 'b': 0.2928932188, 'c': 0.0, 'd': 0.2928932188},
//	 {'a': 0.0, 'b': 0.2928932188, 'c': 0.7071067812, 'd': -0.0})
func smallGraph() *Graph {
	return NewGraph(nil, []Edge{{"a", "b", 1}, {"a", "c", 1}, {"b", "c", 1}, {"c", "a", 1}, {"d", "c", 1}})
}

func TestHubsSmallGraph(t *testing.T) {
	tests := []struct {
		node                                  string
		pagerank, betw, close, harm, hub, aut float64
		core                                  int
	}{
		{"a", 0.3725268513, 1.0 / 3, 0.6, 2.0, 0.4142135624, 0, 2},
		{"b", 0.1958239118, 0, 0.5, 1.8333333333333333, 0.2928932188, 0.2928932188, 2},
		{"c", 0.3941492369, 0.5, 1.0, 3.0, 0, 0.7071067812, 2},
		{"d", 0.0375, 0, 0, 0, 0.2928932188, 0, 1},
	}
	const wantTol = 1e-9 // the pasted values have 10 decimals
	g := smallGraph()
	ms := hubs(t, g)
	for _, tt := range tests {
		i, _ := g.Index(tt.node)
		m := ms[i]
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"pagerank", m.PageRank, tt.pagerank}, {"betweenness", m.Betweenness, tt.betw},
			{"closeness", m.Closeness, tt.close}, {"harmonic", m.Harmonic, tt.harm},
			{"hub", m.Hub, tt.hub}, {"authority", m.Authority, tt.aut},
		} {
			if math.Abs(c.got-c.want) > wantTol {
				t.Errorf("%s %s = %.12f, want %.12f", tt.node, c.name, c.got, c.want)
			}
		}
		if m.Core != tt.core {
			t.Errorf("%s core = %d, want %d", tt.node, m.Core, tt.core)
		}
	}
}

// gonum's network package is the reference implementation our compact
// versions must agree with.
func TestAgreesWithGonum(t *testing.T) {
	for name, g := range map[string]*Graph{"small": smallGraph(), "gnm-60-300": randomGraph(1, 60, 300, false), "powerlaw": randomGraph(3, 150, 500, true)} {
		gg := g.Gonum()
		n := float64(g.Len())
		pr, _, _ := PageRank(context.Background(), g, 0.85, true, 1e-13)
		for id, want := range network.PageRankSparse(gg, 0.85, 1e-13) {
			if math.Abs(pr[id]-want) > 1e-8 {
				t.Errorf("%s: weighted pagerank[%s] = %g, gonum %g", name, g.Name(int(id)), pr[id], want)
			}
		}
		bc, _ := Betweenness(context.Background(), g)
		gb := network.Betweenness(gg) // hop counts: gonum ignores weights here
		for i := range bc {
			want := gb[int64(i)] / ((n - 1) * (n - 2))
			if math.Abs(bc[i]-want) > 1e-12 {
				t.Errorf("%s: betweenness[%s] = %g, gonum %g", name, g.Name(i), bc[i], want)
			}
		}
	}
}

func TestRankIsDeterministicOnTies(t *testing.T) {
	g := NewGraph(nil, []Edge{{"US", "PA", 1}, {"US", "CR", 1}, {"US", "GT", 1}})
	ms := hubs(t, g)
	r, err := Rank(ms, "pagerank")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, m := range r {
		order = append(order, m.Node)
	}
	// CR, GT and PA tie on PageRank; ties break by name.
	if fmt.Sprint(order) != "[CR GT PA US]" {
		t.Errorf("order %v", order)
	}
	if _, err := Rank(ms, "fame"); err == nil {
		t.Error("unknown metric accepted")
	}
}

func TestComponentsAndCores(t *testing.T) {
	g := NewGraph([]string{"z"}, []Edge{{"a", "b", 1}, {"b", "a", 1}, {"b", "c", 1}, {"x", "y", 1}})
	weak, strong := WeakComponents(g), StrongComponents(g)
	label := func(ls []int, n string) int { i, _ := g.Index(n); return ls[i] }
	if label(weak, "a") != 1 || label(weak, "c") != 1 || label(weak, "x") != 2 || label(weak, "z") != 3 {
		t.Errorf("weak %v", weak)
	}
	// {a,b} first by size, then the singletons by index: c, x, y, z.
	if fmt.Sprint(strong) != "[1 1 2 3 4 5]" {
		t.Errorf("strong %v, want [1 1 2 3 4 5] (nodes a b c x y z)", strong)
	}
	core := CoreNumbers(g)
	// a<->b is a reciprocated pair: degree 2 each from it alone.
	if c := core[0]; c != 2 {
		t.Errorf("core(a) = %d, want 2", c)
	}
}

func TestNewGraphCollapsesAndDropsLoops(t *testing.T) {
	g := NewGraph(nil, []Edge{{"a", "b", 2}, {"a", "b", 3}, {"a", "a", 7}})
	if g.Len() != 2 || g.Edges() != 1 {
		t.Fatalf("len %d edges %d", g.Len(), g.Edges())
	}
	if e := g.EdgeList()[0]; e.Weight != 5 {
		t.Errorf("collapsed weight %v, want 5", e.Weight)
	}
}

func TestLouvainDeterministic(t *testing.T) {
	g := randomGraph(2, 200, 600, false)
	a, b := louvain(t, g, 7), louvain(t, g, 7)
	if fmt.Sprint(a.Members) != fmt.Sprint(b.Members) || a.Modularity != b.Modularity {
		t.Error("same seed, different communities")
	}
}

func BenchmarkHubsSeedSize(b *testing.B) {
	g := randomGraph(1, 60, 300, false)
	for b.Loop() {
		hubs(b, g)
	}
}

// The sampled estimate stays within the documented bound of the exact
// values (eps = 0.05, delta = 0.01) on a seeded graph.
func TestBetweennessSampledBound(t *testing.T) {
	g := randomGraph(2, 200, 600, false)
	exact, _ := Betweenness(context.Background(), g)
	k := SamplesFor(g.Len(), 0.05, 0.01)
	est, _ := BetweennessSampled(context.Background(), g, min(k, g.Len()-1), 3)
	for i := range exact {
		if math.Abs(est[i]-exact[i]) > 0.05 {
			t.Errorf("%s: estimate %.4f, exact %.4f", g.Name(i), est[i], exact[i])
		}
	}
	full, _ := BetweennessSampled(context.Background(), g, g.Len(), 3)
	for i := range exact {
		if full[i] != exact[i] {
			t.Fatal("k = n is not exact")
		}
	}
}

// hubs is Hubs with the default settings, failing t on an error.
func hubs(t testing.TB, g *Graph) []NodeMetrics {
	t.Helper()
	ms, _, err := Hubs(context.Background(), g, DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// louvain is Louvain, failing t on an error.
func louvain(t testing.TB, g *Graph, seed uint64) Communities {
	t.Helper()
	c, err := Louvain(context.Background(), g, seed)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// leiden is Leiden, failing t on an error.
func leiden(t testing.TB, g *Graph, seed uint64) Communities {
	t.Helper()
	c, err := Leiden(context.Background(), g, seed)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
