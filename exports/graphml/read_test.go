package graphml

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/internal/testgate"
)

// Our own GraphML export reads back with its nodes and edges, and its
// provenance as graph data.
func TestReadGraphMLOfOurExport(t *testing.T) {
	d, _ := fixtures.Seed()
	var b bytes.Buffer
	Write(&b, graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1)))
	g, info, err := ReadInfo(&b, "seed.graphml")
	if err != nil {
		t.Fatal(err)
	}
	actors := map[graphmodel.Code]bool{}
	for _, r := range d.Relationships {
		actors[r.FromCountry], actors[r.ToCountry] = true, true
	}
	if g.Len() != len(actors) {
		t.Errorf("%d nodes, want %d (the actors of the relationships)", g.Len(), len(actors))
	}
	if info.Data["content_hash"] != d.ContentHash() || info.Data["dataset"] != d.Meta.Name || info.Data["tool"] == "" {
		t.Errorf("graph data %v", info.Data)
	}
}

// Files networkx and igraph wrote, directed and undirected, read as their
// writers meant: the metrics each library computes on its own graph come
// out of ours within 1e-9 (undirected edges read as two arcs).
func TestReadGraphMLWrittenByNetworkXAndIgraph(t *testing.T) {
	py := testgate.Python(t, "networkx and igraph")
	dir := t.TempDir()
	if out, err := exec.Command(py, "testdata/write_graphs.py", dir).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, name := range []string{"nx-directed", "nx-undirected", "igraph-directed", "igraph-undirected"} {
		f, err := os.Open(filepath.Join(dir, name+".graphml"))
		if err != nil {
			t.Fatal(err)
		}
		g, info, err := ReadInfo(f, name+".graphml")
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		raw, _ := os.ReadFile(filepath.Join(dir, name+".json"))
		var ref map[string]map[string]float64
		if err := json.Unmarshal(raw, &ref); err != nil {
			t.Fatal(err)
		}
		if undirected := strings.HasSuffix(name, "undirected"); info.Directed == undirected || (info.UndirectedEdges > 0) != undirected {
			t.Errorf("%s: read directed=%v with %d undirected edges", name, info.Directed, info.UndirectedEdges)
		}
		if g.Len() != len(ref) {
			t.Fatalf("%s: %d nodes, the writer has %d", name, g.Len(), len(ref))
		}
		pr, _, _ := network.PageRank(context.Background(), g, 0.85, false, 1e-13)
		prw, _, _ := network.PageRank(context.Background(), g, 0.85, true, 1e-13)
		_, in, _, inStrength := network.Degrees(g)
		for i := 0; i < g.Len(); i++ {
			want := ref[g.Name(i)]
			for _, c := range []struct {
				metric string
				got    float64
			}{{"pagerank", pr[i]}, {"pagerank_weighted", prw[i]}, {"degree_in", float64(in[i])}, {"strength_in", inStrength[i]}} {
				if math.Abs(c.got-want[c.metric]) > 1e-9 {
					t.Errorf("%s %s %s = %.12g, the writer's library says %.12g", name, g.Name(i), c.metric, c.got, want[c.metric])
				}
			}
		}
	}
}

func TestReadGraphMLDirectionsAndFaults(t *testing.T) {
	const head = `<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>`
	g, info, err := ReadInfo(strings.NewReader(head+`<graph edgedefault="directed"><node id="a"/><node id="b"/>
		<edge source="a" target="b"><data key="w">2</data></edge><edge source="b" target="c" directed="false"/></graph></graphml>`), "mixed.graphml")
	if err != nil {
		t.Fatal(err)
	}
	// a→b weight 2, b→c and c→b weight 1; c undeclared.
	if g.Len() != 3 || g.Edges() != 3 || info.UndirectedEdges != 1 || len(info.Undeclared) != 1 || info.Undeclared[0] != "c" {
		t.Errorf("mixed: %d nodes, %d arcs, info %+v", g.Len(), g.Edges(), info)
	}
	if len(info.Notices()) != 2 {
		t.Errorf("notices %q: want one for the undirected edge, one for the undeclared node", info.Notices())
	}
	for text, want := range map[string]string{
		head + "<graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>":                       "dup.graphml:3: duplicate node id \"a\" (first declared on line 2)",
		head + `<graph edgedefault="sideways"><node id="a"/></graph></graphml>`:                      "edgedefault",
		head + `<graph><edge source="a" target="b" directed="maybe"/></graph></graphml>`:             "directed=",
		head + `<graph><edge source="a" target="b"><data key="w">-3</data></edge></graph></graphml>`: "weight",
	} {
		if _, err := Read(strings.NewReader(text), "dup.graphml"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

func FuzzReadGraphML(f *testing.F) {
	f.Add(`<graphml><key id="w" for="edge" attr.name="weight"/><graph><node id="a"/><edge source="a" target="b"><data key="w">2</data></edge></graph></graphml>`)
	f.Add(`<graphml><key id="p" for="node" attr.name="placeholder" attr.type="boolean"/><graph edgedefault="undirected"><node id="a"><data key="p">true</data></node><node id="b"/><edge source="a" target="b" directed="true"/><edge source="b" target="b"/></graph></graphml>`)
	f.Add(`<graphml><graph><node id="a"/><node id="a"/></graph></graphml>`)
	f.Fuzz(func(t *testing.T, s string) {
		g, info, err := ReadInfo(strings.NewReader(s), "f")
		if err == nil && (g.Len() == 0 || len(info.Placeholders) > g.Len()) {
			t.Fatalf("graph of %d nodes with info %+v accepted", g.Len(), info)
		}
	})
}
