package network

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/testgate"
)

// By hand: a single edge of weight w has A·Aᵀ = [w²]; a hub with out-edges
// of weights 1 and 2 has [1 + 4] = [5]. Two separate single edges of equal
// weight tie (not unique); a star beside a single edge does not.
func TestHITSUniquenessByHand(t *testing.T) {
	const wantTol = 1e-9
	for _, tt := range []struct {
		name     string
		edges    []Edge
		weighted bool
		unique   bool
		mult     int
		theta    float64
	}{
		{"two single edges", []Edge{{"a", "b", 1}, {"c", "d", 1}}, false, false, 2, 1},
		{"two single edges, weights differ", []Edge{{"a", "b", 1}, {"c", "d", 3}}, true, true, 1, 9},
		{"two single edges, weights ignored", []Edge{{"a", "b", 1}, {"c", "d", 3}}, false, false, 2, 1},
		{"star beside an edge", []Edge{{"a", "b", 1}, {"a", "c", 2}, {"d", "e", 1}}, true, true, 1, 5},
		{"three equal stars", []Edge{{"a", "x", 1}, {"a", "y", 1}, {"b", "z", 1}, {"b", "w", 1}, {"c", "u", 1}, {"c", "v", 1}}, false, false, 3, 2},
		{"connected path", []Edge{{"a", "b", 1}, {"c", "b", 1}, {"c", "d", 1}}, false, true, 1, (3 + math.Sqrt(5)) / 2},
	} {
		u := HITSUniqueness(NewGraph(nil, tt.edges), tt.weighted)
		if u.Unique != tt.unique || u.Multiplicity != tt.mult || math.Abs(u.Eigenvalue-tt.theta) > wantTol*tt.theta {
			t.Errorf("%s: %+v, want unique %v, multiplicity %d, eigenvalue %v", tt.name, u, tt.unique, tt.mult, tt.theta)
		}
		if u.Unique != (u.Note == "") {
			t.Errorf("%s: note %q with unique %v", tt.name, u.Note, u.Unique)
		}
	}
}

// Where HITSUniqueness says "not unique" (the seed's onward layer:
// Guatemala→Mexico and Panama→Bangladesh, each alone), networkx and igraph
// return different hub vectors; where it says unique (the flow layer) they
// agree. This is the independent evidence that the flag is needed.
func TestHITSNonUniqueWhereReferencesDisagree(t *testing.T) {
	py := testgate.Python(t, "networkx and igraph")
	graphs := referenceGraphs(t)
	script := `
import json, sys, numpy as np, networkx as nx, igraph as ig
np.random.seed(1)  # ARPACK's start vector in nx.hits: fixed, so the run is repeatable
out = {}
for name, edges in json.load(sys.stdin).items():
    G = nx.DiGraph(); G.add_edges_from((u, v) for u, v in edges)
    h, _ = nx.hits(G, max_iter=10000, tol=1e-12)
    g = ig.Graph.TupleList([(u, v) for u, v in edges], directed=True)
    hi = dict(zip(g.vs['name'], g.hub_score(scale=False)))
    s = sum(hi.values())
    out[name] = {"networkx": h, "igraph": {k: x / s for k, x in hi.items()}}
json.dump(out, sys.stdout)
`
	in := map[string][][2]string{}
	for _, name := range []string{"seed-onward", "seed-flow"} {
		sg := graphs[name].Structural()
		for _, e := range sg.EdgeList() {
			in[name] = append(in[name], [2]string{e.From, e.To})
		}
	}
	raw, _ := json.Marshal(in)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hits.py"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, filepath.Join(dir, "hits.py"))
	cmd.Stdin = strings.NewReader(string(raw))
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var out map[string]struct{ Networkx, Igraph map[string]float64 }
	if err := json.Unmarshal(res, &out); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"seed-onward": false, "seed-flow": true} {
		u := HITSUniqueness(graphs[name].Structural(), false)
		diff := 0.0
		for k, x := range out[name].Networkx {
			diff += math.Abs(x - out[name].Igraph[k])
		}
		t.Logf("%s: unique %v; L1 distance networkx–igraph %.3g; networkx %v; igraph %v", name, u.Unique, diff, out[name].Networkx, out[name].Igraph)
		if u.Unique != want {
			t.Errorf("%s: unique %v, want %v (%s)", name, u.Unique, want, u.Note)
		}
		if agree := diff < 1e-6; agree != want {
			t.Errorf("%s: networkx and igraph L1 distance %.3g: the references do not behave as the uniqueness test predicts", name, diff)
		}
	}
}
