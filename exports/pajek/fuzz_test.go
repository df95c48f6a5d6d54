package pajek

import (
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/graphfile"
)

// Whatever the input, Parse returns a graph or an error, within its
// bounds, and every arc it returns names two non-empty endpoints.
func FuzzParse(f *testing.F) {
	f.Add("*Vertices 3\n1 \"a\"\n2 \"b\"\n3 c\n*Arcs\n1 2 3\n*Edges\n2 3\n*Arcslist\n1 2 3\n")
	f.Add("*Vertices 2\n*Matrix\n0 1\n2 0\n")
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
