package gml

import (
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/graphfile"
)

// Whatever the input, Parse returns a graph or an error, within its
// bounds, and every arc it returns names two non-empty endpoints.
func FuzzParse(f *testing.F) {
	f.Add("graph [ directed 1 node [ id 1 label \"a\" ] node [ id 2 label \"b\" ] edge [ source 1 target 2 weight 2 ] ]")
	f.Add("Creator \"x\"\ngraph [ node [ id 1 ] edge [ source 1 target 1 value 3 ] ] graph [ ]")
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
