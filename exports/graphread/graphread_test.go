package graphread

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/graphfile"
)

// The same three-edge graph, a→b (2), b→c (1), c→a (1.5), in the dialects
// edge lists come in: each must read to the same arcs, whatever its
// delimiter, header, line ends or comments.
func TestEdgeListDialects(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"comma header", "source,target,weight\na,b,2\nb,c,1\nc,a,1.5\n"},
		{"semicolon header CRLF", "Source;Target;Weight\r\na;b;2\r\nb;c;1\r\nc;a;1.5\r\n"},
		{"tab no header", "a\tb\t2\nb\tc\t1\nc\ta\t1.5\n"},
		{"blanks with comments (NCOL, SNAP)", "# from SNAP\n% or KONECT\na b 2\nb  c 1\nc a 1.5\n"},
		{"CR-only line ends", "from,to,weight\ra,b,2\rb,c,1\rc,a,1.5\r"},
		{"two-column header of other names", "Source,Target,Id,Weight\na,b,0,2\nb,c,1,1\nc,a,2,1.5\n"},
		{"quoted names with commas", "source,target,weight\n\"a\",\"b\",2\nb,c,1\n\"c\",a,1.5\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, info, err := Read(strings.NewReader(c.text), "e.csv", graphfile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"a>b:2", "b>c:1", "c>a:1.5"}
			var got []string
			for _, e := range g.EdgeList() {
				got = append(got, e.From+">"+e.To+":"+strconv.FormatFloat(e.Weight, 'g', -1, 64))
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("arcs %v, want %v (read as %+v)", got, want, info.Built)
			}
			if info.Direction != "directed" {
				t.Errorf("direction %s, want directed (no Type column)", info.Direction)
			}
		})
	}
}

// Gephi's edge table says each edge's direction in a Type column; the
// flags override the file; columns can be named.
func TestEdgeListTypeColumnAndFlags(t *testing.T) {
	gephi := "Source,Target,Type,Id,Label,Weight\na,b,Undirected,0,,2\nb,c,Directed,1,,1\n"
	g, info, err := Read(strings.NewReader(gephi), "edges.csv", graphfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Edges() != 3 || info.Direction != "mixed" || info.UndirectedEdges != 1 {
		t.Errorf("%d arcs, %+v; want a→b, b→a, b→c", g.Edges(), info.Built)
	}
	if len(info.Notices) == 0 || !strings.Contains(strings.Join(info.Notices, "\n"), `"Id", "Label"`) {
		t.Errorf("notices %q: want the columns not read named", info.Notices)
	}
	g, info, err = Read(strings.NewReader(gephi), "edges.csv", graphfile.Options{Direction: "directed"})
	if err != nil || g.Edges() != 2 || info.Direction != "directed" || !strings.HasPrefix(info.DirectedBy, "--directed") {
		t.Errorf("--directed: %v %d arcs %+v", err, g.Edges(), info.Built)
	}
	g, _, err = Read(strings.NewReader("x;y;w1;w2\na;b;1;5\nb;c;1;7\n"), "e.csv", graphfile.Options{SourceCol: "y", TargetCol: "x", Weight: "w2"})
	if err != nil {
		t.Fatal(err)
	}
	if el := g.EdgeList(); len(el) != 2 || el[0].From != "b" || el[0].To != "a" || el[0].Weight != 5 {
		t.Errorf("named columns: %v", el)
	}
	g, info, err = Read(strings.NewReader("a b\nb c\n"), "e.txt", graphfile.Options{Direction: "undirected"})
	if err != nil || g.Edges() != 4 || info.Direction != "undirected" {
		t.Errorf("--undirected: %v %d arcs %+v", err, g.Edges(), info.Built)
	}
}

// Self-loops are dropped and parallel edges merged per --multi, each with
// a notice; nothing changes silently.
func TestMultiAndLoops(t *testing.T) {
	text := "a,b,1\na,b,2\nb,b,5\nb,a,1\n"
	for _, c := range []struct {
		multi string
		ab    float64
	}{{"sum", 3}, {"first", 1}} {
		g, info, err := Read(strings.NewReader(text), "m.csv", graphfile.Options{Multi: c.multi})
		if err != nil {
			t.Fatal(err)
		}
		el := g.EdgeList()
		if len(el) != 2 || el[0].Weight != c.ab || info.SelfLoops != 1 || info.Parallel != 1 {
			t.Errorf("--multi %s: %v, %+v", c.multi, el, info.Built)
		}
		all := strings.Join(info.Notices, "\n")
		if !strings.Contains(all, "1 self-loops dropped") || !strings.Contains(all, "1 parallel arcs") {
			t.Errorf("--multi %s: notices %q", c.multi, info.Notices)
		}
	}
	if _, _, err := Read(strings.NewReader(text), "m.csv", graphfile.Options{Multi: "keep"}); err == nil {
		t.Error("--multi keep accepted: the kernels run on simple graphs")
	}
}

// What we cannot read is refused by name with what to export instead,
// whatever the file is called; what we can is read whatever it is called.
func TestSniff(t *testing.T) {
	for text, want := range map[string]string{
		`<?xml version="1.0"?><graph xmlns="http://www.cs.rpi.edu/XGMML" label="x"><node id="1" label="a"/></graph>`: "XGMML (Cytoscape's XML): export the network from Cytoscape as GraphML",
		"digraph G {\n a -> b;\n}\n":               "Graphviz DOT",
		`{"elements": {"nodes": [], "edges": []}}`: "JSON",
		"PK\x03\x04\x14\x00\x06\x00":               "zip archive",
		"<html><body>not a graph</body></html>":    "root <html>",
		"\x00\x01\x02\x03":                         "binary",
		"":                                         "empty",
	} {
		_, _, err := Read(strings.NewReader(text), "g.graphml", graphfile.Options{})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "g.graphml") {
			t.Errorf("%.30q: %v, want %q", text, err, want)
		}
	}
	gml := "Creator \"x\"\ngraph [\n directed 1\n node [ id 1 label \"a\" ]\n node [ id 2 label \"b\" ]\n edge [ source 1 target 2 value 3 ]\n]\n"
	g, info, err := Read(strings.NewReader(gml), "g.csv", graphfile.Options{})
	if err != nil || g.Edges() != 1 || g.EdgeList()[0].Weight != 3 || !strings.Contains(info.Notices[0], "named like edge list but holds GML") {
		t.Errorf("GML named .csv: %v %+v", err, info)
	}
}

// The provenance names the file's bytes: SHA-256 of the file as stored,
// compressed or not.
func TestSHA256AndGzip(t *testing.T) {
	text := "a,b,1\nb,c,2\n"
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(text))
	zw.Close()
	for _, data := range [][]byte{[]byte(text), z.Bytes()} {
		g, info, err := Read(bytes.NewReader(data), "e.csv.gz", graphfile.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if info.SHA256 != hex.EncodeToString(sum[:]) || g.Edges() != 2 {
			t.Errorf("sha %s, want %x; %d arcs", info.SHA256, sum, g.Edges())
		}
	}
}

// Messages name the file, the line and the field.
func TestEdgeListFaults(t *testing.T) {
	for text, want := range map[string]string{
		"a,b\nc\n":                           "e.csv:2: want source,target[,weight] separated by ','",
		"a,b,1,2\n":                          "e.csv:1: 4 fields and no header",
		"a;b;1\nc;d;x\n":                     `e.csv:2: weight column 3: "x" is not a number`,
		"source,target,type\na,b,sideways\n": `e.csv:2: type "type"`,
	} {
		_, _, err := Read(strings.NewReader(text), "e.csv", graphfile.Options{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("source,target,weight\na,b,2\n"))
	f.Add([]byte("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 2 3\n"))
	f.Add([]byte("graph [ directed 1 node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 ] ]"))
	f.Add([]byte(`<gexf version="1.3"><graph defaultedgetype="directed"><nodes><node id="a"/></nodes><edges><edge source="a" target="b" weight="2"/></edges></graph></gexf>`))
	f.Add([]byte(`<graphml><graph><node id="a"/><edge source="a" target="b"/></graph></graphml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, info, err := Read(bytes.NewReader(data), "f", graphfile.Options{})
		if err == nil && (g.Len() == 0 && info.EdgesRead > 0 || info.SHA256 == "") {
			t.Fatalf("graph of %d nodes from %d edges, sha %q", g.Len(), info.EdgesRead, info.SHA256)
		}
	})
}
