package network_test

import (
	"context"
	"fmt"

	"github.com/leverage-project/leverage/analysis/network"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// A gonum graph of your own, converted once, runs through this package's
// kernels; results are indexed by the converted graph's nodes. The values
// are networkx's: nx.pagerank of the same weighted DiGraph, alpha 0.85.
func ExampleFromGonum() {
	g := simple.NewWeightedDirectedGraph(0, 0)
	for _, e := range [][3]int64{{1, 2, 3}, {1, 3, 1}, {2, 3, 1}, {3, 1, 2}} {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e[0]), simple.Node(e[1]), float64(e[2])))
	}
	ng := network.FromGonum(g, nil)
	pr, _, err := network.PageRank(context.Background(), ng, 0.85, true, 1e-12)
	if err != nil {
		panic(err)
	}
	for i := range ng.Len() {
		fmt.Printf("node %s: %.4f\n", ng.Name(i), pr[i])
	}
	// Output:
	// node 1: 0.3585
	// node 2: 0.2785
	// node 3: 0.3629
}

// Going the other way, any gonum algorithm runs on a Graph: node IDs of
// Gonum's result are the Graph's indices.
func ExampleGraph_Gonum() {
	g := network.NewGraph(nil, []network.Edge{
		{From: "US", To: "PA", Weight: 3}, {From: "PA", To: "CR", Weight: 1}, {From: "CR", To: "PA", Weight: 1},
	})
	for _, scc := range topo.TarjanSCC(g.Gonum()) {
		var names []string
		for _, n := range scc {
			names = append(names, g.Name(int(n.ID())))
		}
		fmt.Println(len(names), "in a strong component")
	}
	// Unordered output:
	// 2 in a strong component
	// 1 in a strong component
}
