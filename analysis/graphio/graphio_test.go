package graphio

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/graphml"
	"github.com/leverage-project/leverage/fixtures"
)

func TestReadEdgeList(t *testing.T) {
	g, err := ReadEdgeList(strings.NewReader("source,target,weight\na,b,2\n\nb,c,1.5\na,b,1\n"), "e.csv")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 || g.Edges() != 2 || g.EdgeList()[0].Weight != 3 {
		t.Errorf("graph %d nodes %d edges %v", g.Len(), g.Edges(), g.EdgeList())
	}
	for text, want := range map[string]string{
		"a,b,x\nc,d,y\n":  "e.csv:2: weight",
		"a\n":             "e.csv:1: want source,target",
		"a,b,-1\n":        "e.csv:1: weight",
		"source,target\n": "no edges",
	} {
		if _, err := ReadEdgeList(strings.NewReader(text), "e.csv"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// Our own GraphML export reads back with its nodes and edges.
func TestReadGraphMLOfOurExport(t *testing.T) {
	d, _ := fixtures.Seed()
	var b bytes.Buffer
	graphml.Write(&b, graphdata.From(d))
	g, err := ReadGraphML(&b, "seed.graphml")
	if err != nil {
		t.Fatal(err)
	}
	// Seed 1.1.0: 49 countries and 4 other actors (GRP_TRAVEL_BAN_LISTED
	// went with the row it served, audit 22).
	if g.Len() != 53 {
		t.Errorf("%d nodes, want 53", g.Len())
	}
}

func FuzzReadEdgeList(f *testing.F) {
	f.Add("source,target,weight\na,b,2\n")
	f.Add("a,b\n\"c\nd\",e\n")
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ReadEdgeList(strings.NewReader(s), "f")
		if err == nil && g.Len() == 0 {
			t.Fatal("graph without nodes accepted")
		}
	})
}

func FuzzReadGraphML(f *testing.F) {
	f.Add(`<graphml><key id="w" for="edge" attr.name="weight"/><graph><node id="a"/><edge source="a" target="b"><data key="w">2</data></edge></graph></graphml>`)
	f.Fuzz(func(t *testing.T, s string) {
		ReadGraphML(strings.NewReader(s), "f")
	})
}
