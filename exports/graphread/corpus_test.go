package graphread

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/internal/graphfile"
	"github.com/leverage-project/leverage/internal/testgate"
)

// corpusEntry is a row of testdata/MANIFEST.tsv.
type corpusEntry struct {
	file, tool, options, expect string
}

func readManifest(t *testing.T) []corpusEntry {
	t.Helper()
	f, err := os.Open("testdata/MANIFEST.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 7 {
			t.Fatalf("manifest row of %d columns: %q", len(c), l)
		}
		out = append(out, corpusEntry{file: c[0], tool: c[1], options: c[4], expect: c[6]})
	}
	return out
}

func (c corpusEntry) opts() graphfile.Options {
	var o graphfile.Options
	for _, x := range strings.Split(c.options, ",") {
		switch x {
		case "directed", "undirected":
			o.Direction = x
		}
	}
	return o
}

// Every corpus file is read as its writer meant it: PageRank (plain and
// weighted) and betweenness agree with networkx reading the same file
// (igraph's reading where networkx misreads it) within 1e-10, node and
// arc counts exactly; the files we refuse are refused with the message
// the manifest names.
func TestCorpus(t *testing.T) {
	entries := readManifest(t)
	tools := map[string]bool{}
	for _, e := range entries {
		tools[strings.Fields(e.tool)[0]] = true
	}
	if len(entries) < 20 || len(tools) < 5 {
		t.Errorf("corpus of %d files from %d tools; want at least 20 from 5", len(entries), len(tools))
	}
	py := testgate.Python(t, "networkx and igraph")
	ref := filepath.Join(t.TempDir(), "ref.json")
	if out, err := exec.Command(py, "testdata/corpus_reference.py", "testdata/corpus", "testdata/MANIFEST.tsv", ref).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	raw, err := os.ReadFile(ref)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]struct {
		Nodes, Arcs int
		Metrics     map[string]map[string]float64
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata/corpus", e.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			g, info, err := Read(f, e.file, e.opts())
			if msg, refused := strings.CutPrefix(e.expect, "refused: "); refused {
				if err == nil || !strings.Contains(err.Error(), msg) || !strings.Contains(err.Error(), e.file+":") {
					t.Fatalf("err %v, want one naming the file and %q", err, msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			w, ok := want[e.file]
			if !ok {
				t.Fatal("no reference values")
			}
			if g.Len() != w.Nodes || g.Edges() != w.Arcs {
				t.Fatalf("%d nodes, %d arcs; networkx reads %d and %d (read as %+v)", g.Len(), g.Edges(), w.Nodes, w.Arcs, info.Built)
			}
			ctx := context.Background()
			pr, _, err1 := network.PageRank(ctx, g, 0.85, false, 1e-15)
			prw, _, err2 := network.PageRank(ctx, g, 0.85, true, 1e-15)
			bc, err3 := network.Betweenness(ctx, g)
			if err := errors.Join(err1, err2, err3); err != nil {
				t.Fatal(err)
			}
			worst := map[string]float64{}
			for i := 0; i < g.Len(); i++ {
				ref, ok := w.Metrics[g.Name(i)]
				if !ok {
					t.Fatalf("node %q unknown to networkx", g.Name(i))
				}
				for _, m := range []struct {
					name string
					got  float64
				}{{"pagerank", pr[i]}, {"pagerank_weighted", prw[i]}, {"betweenness", bc[i]}} {
					d := math.Abs(m.got - ref[m.name])
					worst[m.name] = max(worst[m.name], d)
					if d > 1e-10 {
						t.Errorf("%s %s = %.15g, networkx %.15g", g.Name(i), m.name, m.got, ref[m.name])
					}
				}
			}
			t.Logf("%s (%s): %s, %s; max |Δ| pagerank %.1e, weighted %.1e, betweenness %.1e", e.file, e.tool, info.Format, info.Direction,
				worst["pagerank"], worst["pagerank_weighted"], worst["betweenness"])
		})
	}
}
