package edgelist

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/analysis/network"
)

func TestRead(t *testing.T) {
	g, err := Read(strings.NewReader("source,target,weight\na,b,2\n\nb,c,1.5\na,b,1\n"), "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 || g.Edges() != 2 || g.EdgeList()[0].Weight != 3 {
		t.Errorf("graph %d nodes %d edges %v", g.Len(), g.Edges(), g.EdgeList())
	}
	for text, want := range map[string]string{
		"a,b,1\nc,d,y\n":  "e.csv:2: weight",
		"a\n":             "e.csv:1: want source,target",
		"a,b,-1\n":        "e.csv:1: weight",
		"source,target\n": "no edges",
	} {
		if _, err := Read(strings.NewReader(text), "e.csv"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// What Write writes, Read reads back to the same graph, weights to the
// last bit (a third, a large and a tiny weight among them).
func TestWriteReadsBack(t *testing.T) {
	g := network.NewGraph(nil, []network.Edge{
		{From: "a", To: "b", Weight: 1.0 / 3}, {From: "b", To: "c", Weight: 2e15}, {From: "c", To: "a", Weight: 5e-324},
		{From: "x,y", To: "a\"b", Weight: 1},
	})
	var b bytes.Buffer
	if err := Write(&b, g); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "source,target,weight\n") {
		t.Fatalf("no header: %q", b.String())
	}
	back, err := Read(&b, "w.csv")
	if err != nil {
		t.Fatal(err)
	}
	want, got := g.EdgeList(), back.EdgeList()
	if len(got) != len(want) {
		t.Fatalf("%d edges back, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("edge %d: %v, want %v", i, got[i], want[i])
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("source,target,weight\na,b,2\n")
	f.Add("a,b\n\"c\nd\",e\n")
	f.Fuzz(func(t *testing.T, s string) {
		g, err := Read(strings.NewReader(s), "f")
		if err == nil && g.Len() == 0 {
			t.Fatal("graph without nodes accepted")
		}
	})
}
