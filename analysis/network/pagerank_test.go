package network

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/testgate"
)

// nearAcyclic is a layered random graph with a few arcs pointing back,
// the shape of a package dependency network: mostly components of one
// node, some small cycles, many dangling nodes.
func nearAcyclic(seed uint64, n, m, back int) *Graph {
	rng := rand.New(rand.NewPCG(seed, 7))
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("p%04d", i)
	}
	var edges []Edge
	for len(edges) < m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u < v {
			edges = append(edges, Edge{names[u], names[v], float64(1 + rng.IntN(5))})
		}
	}
	for i := 0; i < back; i++ {
		u := rng.IntN(n - 3)
		v := u + 1 + rng.IntN(3)
		edges = append(edges, Edge{names[v], names[u], 2})
	}
	return NewGraph(names, edges)
}

// PageRank against the exact solution of networkx's definition: numpy's
// dense linear solve of (I − dPᵀ − d·(1/n)·1·δᵀ)x = (1−d)/n·1 (δ marking
// dangling nodes), scaled to sum 1. On convergence the L1 error must be
// within what the stopping rule guarantees (‖y − y*‖₁ < d·n·tol on a vector
// y whose sum is at least 1−d, so ‖x − x*‖₁ ≤ 2·d·n·tol/(1−d)), and no
// larger than that of networkx's power iteration at the same tolerance.
func TestPageRankAgainstExactSolve(t *testing.T) {
	const tol, damp = 1e-14, 0.85
	py := testgate.Python(t, "networkx and numpy")
	graphs := map[string]*Graph{
		"gnm-200-600":         randomGraph(1, 200, 600, false),
		"powerlaw-150-500":    randomGraph(3, 150, 500, true),
		"near-acyclic-300":    nearAcyclic(5, 300, 700, 12),
		"acyclic-120":         nearAcyclic(6, 120, 300, 0),
		"seed-all":            referenceGraphs(t)["seed-all"].Structural(),
		"two-cycles-and-tail": NewGraph(nil, []Edge{{"a", "b", 1}, {"b", "a", 3}, {"b", "c", 1}, {"c", "d", 1}, {"d", "c", 1}, {"d", "e", 2}}),
	}
	script := `
import json, sys
import numpy as np, networkx as nx
d = json.load(sys.stdin)
n, damp = len(d["nodes"]), d["damping"]
out = {}
for weighted in (False, True):
    A = np.zeros((n, n))
    for u, v, w in d["edges"]:
        A[u, v] += w if weighted else 1.0
    s = A.sum(axis=1)
    dangling = s == 0
    P = np.divide(A, s[:, None], out=np.zeros_like(A), where=~dangling[:, None])
    M = np.eye(n) - damp * P.T - damp / n * np.outer(np.ones(n), dangling.astype(float))
    x = np.linalg.solve(M, np.full(n, (1 - damp) / n))
    G = nx.DiGraph(); G.add_nodes_from(range(n))
    G.add_weighted_edges_from(d["edges"])
    pr = nx.pagerank(G, alpha=damp, weight="weight" if weighted else None, tol=d["tol"], max_iter=100000)
    out["weighted" if weighted else "plain"] = {"exact": list(x / x.sum()), "networkx": [pr[i] for i in range(n)]}
print(json.dumps(out))
`
	for name, g := range graphs {
		t.Run(name, func(t *testing.T) {
			var edges [][3]any
			for u := int32(0); int(u) < g.Len(); u++ {
				adj, w := g.out(u)
				for k, v := range adj {
					edges = append(edges, [3]any{u, v, w[k]})
				}
			}
			in, _ := json.Marshal(map[string]any{"nodes": g.names, "edges": edges, "damping": damp, "tol": tol})
			cmd := exec.Command(py, "-c", script)
			cmd.Stdin = strings.NewReader(string(in))
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			var ref map[string]struct{ Exact, NetworkX []float64 }
			if err := json.Unmarshal(out, &ref); err != nil {
				t.Fatal(err)
			}
			n := float64(g.Len())
			bound := 2 * damp * n * tol / (1 - damp)
			for _, weighted := range []bool{false, true} {
				r := ref[map[bool]string{false: "plain", true: "weighted"}[weighted]]
				pr, conv, err := PageRank(context.Background(), g, damp, weighted, tol)
				if err != nil || !conv.Converged {
					t.Fatalf("weighted %v: err %v, %+v", weighted, err, conv)
				}
				ours, theirs, worst := 0.0, 0.0, 0.0
				for i := range pr {
					ours += math.Abs(pr[i] - r.Exact[i])
					theirs += math.Abs(r.NetworkX[i] - r.Exact[i])
					worst = max(worst, math.Abs(pr[i]-r.Exact[i]))
				}
				if ours > bound {
					t.Errorf("weighted %v: L1 error %.3g against the exact solve, above the stopping rule's bound %.3g", weighted, ours, bound)
				}
				if ours > theirs {
					t.Errorf("weighted %v: L1 error %.3g against the exact solve, networkx's power iteration %.3g", weighted, ours, theirs)
				}
				t.Logf("weighted %v: %d sweeps; L1 error ours %.2e (worst node %.2e), networkx power iteration %.2e (bound %.2e)",
					weighted, conv.Iterations, ours, worst, theirs, bound)
			}
		})
	}
}

// A graph without cycles is solved in one pass, each node once, in an
// order where all its in-neighbours come first: Iterations is 1. By hand,
// for a → b → c with d = 0.5 and n = 3: y_a = 1/6, y_b = 1/6 + y_a/2 = 1/4,
// y_c = 1/6 + y_b/2 = 7/24, so x ∝ (4, 6, 7)/17 after scaling to sum 1
// (c, dangling, spreads its rank uniformly, the same for every node).
func TestPageRankChainByHand(t *testing.T) {
	const wantTol = 1e-15
	g := NewGraph(nil, []Edge{{"a", "b", 1}, {"b", "c", 1}})
	pr, conv, err := PageRank(context.Background(), g, 0.5, false, 1e-12)
	if err != nil {
		t.Fatal(err)
	}
	if conv.Iterations != 1 || !conv.Converged {
		t.Errorf("convergence %+v, want 1 iteration, converged", conv)
	}
	for i, want := range []float64{4.0 / 17, 6.0 / 17, 7.0 / 17} {
		if math.Abs(pr[i]-want) > wantTol {
			t.Errorf("%s: %.17g, want %.17g", g.Name(i), pr[i], want)
		}
	}
}

// The strongly connected components tarjan finds are the ones
// StrongComponents labels, and they come in a topological order of the
// arcs: run on in-lists, no arc leads from a later component to an
// earlier one.
func TestTarjanOrder(t *testing.T) {
	for name, g := range map[string]*Graph{"gnm": randomGraph(1, 200, 600, false), "near-acyclic": nearAcyclic(5, 300, 700, 40), "powerlaw": randomGraph(3, 150, 500, true)} {
		order, bounds := tarjan(g.inStart, g.inAdj)
		comp := make([]int, g.Len())
		for c := 0; c+1 < len(bounds); c++ {
			for _, v := range order[bounds[c]:bounds[c+1]] {
				comp[v] = c
			}
		}
		if len(order) != g.Len() {
			t.Fatalf("%s: %d nodes ordered of %d", name, len(order), g.Len())
		}
		label := StrongComponents(g)
		same := map[[2]int]bool{}
		for v := range comp {
			same[[2]int{comp[v], label[v]}] = true
		}
		if len(same) != len(bounds)-1 || len(same) != maxInt(label) {
			t.Errorf("%s: tarjan's %d components do not match StrongComponents' %d", name, len(bounds)-1, maxInt(label))
		}
		for u := int32(0); int(u) < g.Len(); u++ {
			adj, _ := g.out(u)
			for _, v := range adj {
				if comp[u] > comp[v] {
					t.Errorf("%s: arc %s→%s goes from component %d back to %d", name, g.Name(int(u)), g.Name(int(v)), comp[u], comp[v])
				}
			}
		}
	}
}

func maxInt(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
