package gexf

import (
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/graphfile"
)

// Whatever the input, Parse returns a graph or an error, within its
// bounds, and every arc it returns names two non-empty endpoints.
func FuzzParse(f *testing.F) {
	f.Add(`<gexf version="1.3"><graph defaultedgetype="directed"><attributes class="edge"><attribute id="w" title="weight"><default>2</default></attribute></attributes><nodes><node id="a"/></nodes><edges><edge source="a" target="b" type="mutual"><attvalues><attvalue for="w" value="3" start="1"/></attvalues></edge></edges></graph></gexf>`)
	f.Add(`<gexf><graph><nodes><node id="a"><nodes><node id="b"/></nodes></node></nodes></graph></gexf>`)
	f.Fuzz(func(t *testing.T, s string) {
		raw, err := Parse(strings.NewReader(s), "f", graphfile.Options{})
		if err != nil {
			return
		}
		for _, a := range raw.Arcs {
			if a.From == "" || a.To == "" || a.Weight < 0 {
				t.Fatalf("arc %+v", a)
			}
		}
	})
}
