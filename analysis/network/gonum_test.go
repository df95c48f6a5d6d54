package network

import (
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// FromGonum undoes Gonum: the same nodes, edges and weights.
func TestFromGonumRoundTrip(t *testing.T) {
	for name, g := range map[string]*Graph{"small": smallGraph(), "gnm-60-300": randomGraph(1, 60, 300, false)} {
		back := FromGonum(g.Gonum(), func(n graph.Node) string { return g.Name(int(n.ID())) })
		if back.Len() != g.Len() || back.Edges() != g.Edges() {
			t.Fatalf("%s: %d nodes %d edges back, want %d and %d", name, back.Len(), back.Edges(), g.Len(), g.Edges())
		}
		want, got := g.EdgeList(), back.EdgeList()
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: edge %d is %v, want %v", name, i, got[i], want[i])
			}
		}
	}
}

// Without a name function nodes are named by their decimal ID; a gonum
// graph that is not a graph.Weighted weighs every edge 1, and nodes are
// indexed by name ("10" before "2").
func TestFromGonumUnweighted(t *testing.T) {
	gg := simple.NewDirectedGraph()
	gg.SetEdge(gg.NewEdge(simple.Node(10), simple.Node(2)))
	gg.SetEdge(gg.NewEdge(simple.Node(2), simple.Node(7)))
	g := FromGonum(gg, nil)
	want := []Edge{{"10", "2", 1}, {"2", "7", 1}}
	got := g.EdgeList()
	if g.Len() != 3 || len(got) != len(want) {
		t.Fatalf("%d nodes, edges %v; want 3 nodes, %v", g.Len(), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("edge %d is %v, want %v", i, got[i], want[i])
		}
	}
}
