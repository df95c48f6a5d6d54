package briefing

import (
	"math"
	"testing"

	"github.com/leverage-project/leverage/analysis/network"
)

// Two triangles joined by nothing: the force layout must keep every node in
// the box, put linked nodes closer than unlinked ones on average, and give
// the same positions for the same seed.
func TestLayoutSeededAndInBox(t *testing.T) {
	nodes := []string{"A", "B", "C", "D", "E", "F"}
	edges := []network.Edge{{From: "A", To: "B"}, {From: "B", To: "C"}, {From: "C", To: "A"},
		{From: "D", To: "E"}, {From: "E", To: "F"}, {From: "F", To: "D"}}
	p := layout(nodes, edges, 7)
	q := layout(nodes, edges, 7)
	for _, n := range nodes {
		if p[n] != q[n] {
			t.Fatalf("%s: %v then %v for the same seed", n, p[n], q[n])
		}
		if x, y := p[n][0], p[n][1]; x < 0 || x > netWidth || y < 0 || y > netHeight {
			t.Errorf("%s at (%v,%v) is outside the %dx%d box", n, x, y, netWidth, netHeight)
		}
	}
	dist := func(a, b string) float64 { return math.Hypot(p[a][0]-p[b][0], p[a][1]-p[b][1]) }
	within := (dist("A", "B") + dist("B", "C") + dist("C", "A") + dist("D", "E") + dist("E", "F") + dist("F", "D")) / 6
	across := (dist("A", "D") + dist("B", "E") + dist("C", "F")) / 3
	if within >= across {
		t.Errorf("linked nodes are %.0f apart on average, unlinked %.0f: the layout does not pull ties together", within, across)
	}
}
