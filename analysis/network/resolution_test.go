package network

import (
	"context"
	"encoding/json"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/testgate"
)

// By hand: two triangles joined by one edge, m = 7. Split into the two
// triangles, each community has in = 6 (three edges seen from both ends)
// and tot = 7, so Q_γ = 2·(6/14 − γ·(7/14)²) = 6/7 − γ/2.
func TestModularityResolutionByHand(t *testing.T) {
	const wantTol = 1e-12
	g := NewGraph(nil, []Edge{{"a", "b", 1}, {"b", "c", 1}, {"a", "c", 1}, {"d", "e", 1}, {"e", "f", 1}, {"d", "f", 1}, {"c", "d", 1}})
	u := undirectedOf(g)
	member := []int32{0, 0, 0, 1, 1, 1}
	for _, gamma := range []float64{0.5, 1, 2} {
		u.gamma = gamma
		if got, want := modularityOf(u, member), 6.0/7-gamma/2; math.Abs(got-want) > wantTol {
			t.Errorf("γ %g: Q %v, want %v", gamma, got, want)
		}
	}
}

// networkx's modularity(resolution=γ) of the partition LouvainResolution
// finds on the seed's all layer equals the modularity it reports, and
// higher γ gives more communities.
func TestLouvainResolutionAgainstNetworkx(t *testing.T) {
	const wantTol = 1e-12
	py := testgate.Python(t, "networkx")
	g := referenceGraphs(t)["seed-all"].Structural()
	type run struct {
		Gamma   float64    `json:"gamma"`
		Members [][]string `json:"members"`
		Q       float64    `json:"q"`
	}
	var runs []run
	for _, gamma := range []float64{0.5, 1, 2} {
		c, err := LouvainResolution(context.Background(), g, 1, gamma)
		if err != nil {
			t.Fatal(err)
		}
		if c.Resolution != gamma {
			t.Errorf("reported resolution %v, want %v", c.Resolution, gamma)
		}
		runs = append(runs, run{gamma, c.Members, c.Modularity})
	}
	if !(len(runs[0].Members) < len(runs[1].Members) && len(runs[1].Members) < len(runs[2].Members)) {
		t.Errorf("communities at γ 0.5, 1, 2: %d, %d, %d: want increasing", len(runs[0].Members), len(runs[1].Members), len(runs[2].Members))
	}
	var edges [][3]any
	for _, e := range g.EdgeList() {
		edges = append(edges, [3]any{e.From, e.To, e.Weight})
	}
	in, _ := json.Marshal(map[string]any{"edges": edges, "nodes": g.names, "runs": runs})
	script := `
import json, sys, networkx as nx
d = json.load(sys.stdin)
G = nx.Graph(); G.add_nodes_from(d["nodes"])
for u, v, w in d["edges"]:
    G.add_edge(u, v, weight=G[u][v]["weight"] + w if G.has_edge(u, v) else w)
print(json.dumps([nx.community.modularity(G, [set(m) for m in r["members"]], weight="weight", resolution=r["gamma"]) for r in d["runs"]]))
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var qs []float64
	if err := json.Unmarshal(out, &qs); err != nil {
		t.Fatal(err)
	}
	for i, r := range runs {
		if math.Abs(qs[i]-r.Q) > wantTol {
			t.Errorf("γ %g: our Q %v, networkx %v", r.Gamma, r.Q, qs[i])
		}
	}
}
