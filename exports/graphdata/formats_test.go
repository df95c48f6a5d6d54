package graphdata_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/dot"
	"github.com/leverage-project/leverage/exports/gephi"
	"github.com/leverage-project/leverage/exports/gexf"
	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/graphml"
	"github.com/leverage-project/leverage/exports/nodelink"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/testgate"
)

func seedGraph(t *testing.T) (*graphmodel.Dataset, graphdata.Graph) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d, graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
}

func TestGephiEscapesFormulas(t *testing.T) {
	d, _ := seedGraph(t)
	d.Relationships[0].Note = "=cmd|' /C calc'!A0"
	var b bytes.Buffer
	gephi.WriteEdges(&b, graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1)))
	if strings.Contains(b.String(), ",=cmd") || strings.Contains(b.String(), "\"=cmd") {
		t.Error("formula written unescaped")
	}
}

// networkx, an independent reader, reads our GraphML, GEXF and JSON and
// finds the model's nodes, edges and attributes.
func TestNetworkXReadsGraphFiles(t *testing.T) {
	py := testgate.Python(t, "networkx")
	d, g := seedGraph(t)
	dir := t.TempDir()
	files := map[string]func(*os.File) error{
		"g.graphml": func(f *os.File) error { return graphml.Write(f, g) },
		"g.gexf":    func(f *os.File) error { return gexf.Write(f, g) },
		"g.json":    func(f *os.File) error { return nodelink.Write(f, g) },
	}
	for name, w := range files {
		f, _ := os.Create(filepath.Join(dir, name))
		if err := w(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	out, err := exec.Command(py, "testdata/read_with_networkx.py", filepath.Join(dir, "g.graphml"), filepath.Join(dir, "g.gexf"), filepath.Join(dir, "g.json")).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
	var res map[string]json.RawMessage
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	r := d.Relationships[len(d.Relationships)-1]
	for _, format := range []string{"graphml", "gexf", "json"} {
		var s struct {
			Nodes, Edges         int
			Directed, Multigraph bool
			Labels               map[string]string
			Graph                map[string]string
			EdgeAttrs            map[string]struct {
				Source, Target, Type, Note, Currency string
				People, Amount                       *float64
				Counted                              any
				HasWeight                            bool `json:"has_weight"`
			} `json:"edge_attrs"`
		}
		json.Unmarshal(res[format], &s)
		if s.Nodes != len(g.Nodes) || s.Edges != len(g.Edges) || !s.Directed || !s.Multigraph {
			t.Errorf("%s: networkx sees %d nodes, %d edges (directed %v, multi %v); want %d, %d", format, s.Nodes, s.Edges, s.Directed, s.Multigraph, len(g.Nodes), len(g.Edges))
		}
		if s.Labels["XK"] != "Kosovo" {
			t.Errorf("%s: label of XK %q", format, s.Labels["XK"])
		}
		e := s.EdgeAttrs[r.Key]
		if e.Source != string(r.FromCountry) || e.Target != string(r.ToCountry) || e.Type != string(r.Type) || e.Note != r.Note {
			t.Errorf("%s: edge %s read as %+v", format, r.Key, e)
		}
		cr := s.EdgeAttrs["onw-cr-zz-2025-06"]
		if cr.People == nil || *cr.People != 107 {
			t.Errorf("%s: people of onw-cr-zz-2025-06 = %v, want 107", format, cr.People)
		}
		// No mixed weight anywhere; El Salvador's two payment claims keep
		// their amounts apart, and exactly one of them counts.
		counted := 0
		for id, e := range s.EdgeAttrs {
			if e.HasWeight {
				t.Errorf("%s: edge %s has a weight", format, id)
			}
			if strings.HasPrefix(id, "paid-us-sv-2025") {
				if e.Amount == nil || e.Currency != "USD" {
					t.Errorf("%s: %s amount %v %s", format, id, e.Amount, e.Currency)
				}
				if e.Counted == true || e.Counted == "true" {
					counted++
				}
			}
		}
		if counted != 1 {
			t.Errorf("%s: %d of El Salvador's two payment claims count, want 1", format, counted)
		}
		if format != "gexf" && s.Graph["content_hash"] != d.ContentHash() {
			t.Errorf("%s: graph data %v lacks the full content hash", format, s.Graph)
		}
	}
}

func TestGraphvizRendersPicture(t *testing.T) {
	testgate.Program(t, "Graphviz (dot)", "dot")
	_, g := seedGraph(t)
	var text, svg, png bytes.Buffer
	dot.Write(&text, g)
	if err := dot.Render(context.Background(), text.Bytes(), "svg", &svg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), "<svg") || !strings.Contains(svg.String(), "Kosovo") {
		t.Error("SVG lacks the picture")
	}
	if err := dot.Render(context.Background(), text.Bytes(), "png", &png); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")) || png.Len() < 10000 {
		t.Errorf("PNG of %d bytes", png.Len())
	}
}

// igraph, which drops GraphML's edge id, still finds every relationship
// id (a data key) and the dataset's full hash (graph data).
func TestIgraphReadsRelationshipIDs(t *testing.T) {
	py := testgate.Python(t, "igraph")
	d, g := seedGraph(t)
	path := filepath.Join(t.TempDir(), "g.graphml")
	f, _ := os.Create(path)
	if err := graphml.Write(f, g); err != nil {
		t.Fatal(err)
	}
	f.Close()
	script := `import igraph, json, sys
g = igraph.Graph.Read_GraphML(sys.argv[1])
print(json.dumps({"ids": g.es["relationship"], "hash": g["content_hash"], "directed": g.is_directed()}))`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("igraph: %v\n%s", err, out)
	}
	var res struct {
		IDs      []string `json:"ids"`
		Hash     string   `json:"hash"`
		Directed bool     `json:"directed"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(res.IDs) != len(d.Relationships) || res.IDs[0] != d.Relationships[0].Key || res.Hash != d.ContentHash() || !res.Directed {
		t.Errorf("igraph read %d ids (first %v), hash %q, directed %v", len(res.IDs), res.IDs[:min(1, len(res.IDs))], res.Hash, res.Directed)
	}
}

// GraphML, GEXF and node-link JSON name the dataset with its full SHA-256
// and the tool version (issue 15), not a prefix.
func TestGraphFilesCarryProvenance(t *testing.T) {
	d, g := seedGraph(t)
	hash := d.ContentHash()
	tool := "leverage " + graphmodel.ToolVersion()
	for name, write := range map[string]func(*bytes.Buffer) error{
		"graphml": func(b *bytes.Buffer) error { return graphml.Write(b, g) },
		"gexf":    func(b *bytes.Buffer) error { return gexf.Write(b, g) },
		"json":    func(b *bytes.Buffer) error { return nodelink.Write(b, g) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if len(hash) != 64 || !bytes.Contains(b.Bytes(), []byte(hash)) || !bytes.Contains(b.Bytes(), []byte(tool)) {
			t.Errorf("%s lacks the full hash %s or %q", name, hash, tool)
		}
	}
}
