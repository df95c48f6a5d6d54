package graphread

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/graphfile"
)

// benchEntry is a row of testdata/bench/MANIFEST.tsv.
type benchEntry struct {
	file, reading, sha256 string
	nodes, edges, arcs    int
}

func readBenchManifest(t *testing.T) []benchEntry {
	t.Helper()
	f, err := os.Open("testdata/bench/MANIFEST.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []benchEntry
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 11 {
			t.Fatalf("MANIFEST.tsv:%d: %d columns, want 11", line, len(c))
		}
		e := benchEntry{file: c[0], reading: c[2], sha256: c[10]}
		for i, p := range []*int{&e.nodes, &e.edges, &e.arcs} {
			if *p, err = strconv.Atoi(c[6+i]); err != nil {
				t.Fatalf("MANIFEST.tsv:%d: column %d: %v", line, 7+i, err)
			}
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// The benchmark corpus is what the manifest says: each file listed is
// there with the SHA-256, the node count, the edges in the file and the
// arcs the kernels get that the manifest states (counts checked against
// networkx's reading and the published counts when the corpus was made),
// read as .ci/bench/kernels reads it (the manifest's direction,
// unweighted); and every graph file in the folder is listed. Not timed.
func TestBenchCorpus(t *testing.T) {
	entries := readBenchManifest(t)
	listed := map[string]bool{}
	directed := map[string]int{}
	for _, e := range entries {
		listed[e.file] = true
		directed[e.reading]++
		t.Run(e.file, func(t *testing.T) {
			if e.reading != "directed" && e.reading != "undirected" {
				t.Fatalf("reading %q, want directed or undirected", e.reading)
			}
			f, err := os.Open(filepath.Join("testdata/bench", e.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			g, info, err := Read(f, e.file, graphfile.Options{Direction: e.reading, Weight: "-"})
			if err != nil {
				t.Fatal(err)
			}
			if info.SHA256 != e.sha256 {
				t.Errorf("SHA-256 %s, manifest %s", info.SHA256, e.sha256)
			}
			if g.Len() != e.nodes || info.Nodes != e.nodes {
				t.Errorf("%d nodes, manifest %d", g.Len(), e.nodes)
			}
			if info.EdgesRead != e.edges {
				t.Errorf("%d edges in the file, manifest %d", info.EdgesRead, e.edges)
			}
			if g.Edges() != e.arcs {
				t.Errorf("%d arcs, manifest %d (read as %+v)", g.Edges(), e.arcs, info.Built)
			}
		})
	}
	if directed["directed"] == 0 || directed["undirected"] == 0 {
		t.Errorf("readings %v: the bench wants directed and undirected networks", directed)
	}
	files, err := filepath.Glob("testdata/bench/*.gz")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s is not in testdata/bench/MANIFEST.tsv", f)
		}
	}
}
