package analysis

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// seedSpec is a graph as package network's reference tests and the
// networkx script read it (network/testdata/graphs/*.json).
type seedSpec struct {
	Nodes        []string   `json:"nodes"`
	Edges        [][3]any   `json:"edges"`
	Placeholders []string   `json:"placeholders,omitempty"`
	Partition    [][]string `json:"partition"`
	Seed         uint64     `json:"louvain_seed"`
}

// TestSeedReferenceGraphs keeps the seed layers among network's reference
// graphs in step with View: the networkx script reads those files, so a
// change in views shows up here first. Run with -update, then the script
// (see .ci/run).
func TestSeedReferenceGraphs(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	const louvainSeed = 1
	for _, l := range Layers {
		g := View(d, l, Window{})
		s := seedSpec{Seed: louvainSeed, Placeholders: g.Placeholders(), Partition: louvainOf(t, g, louvainSeed).Members}
		for i := 0; i < g.Len(); i++ {
			s.Nodes = append(s.Nodes, g.Name(i))
		}
		for _, e := range g.EdgeList() {
			s.Edges = append(s.Edges, [3]any{e.From, e.To, e.Weight})
		}
		b, err := json.MarshalIndent(s, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, '\n')
		path := filepath.Join("network", "testdata", "graphs", "seed-"+string(l)+".json")
		if *update {
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(want, b) {
			t.Errorf("%s is stale (go test ./analysis -run TestSeedReferenceGraphs -update, then rerun the networkx script)", path)
		}
	}
}
