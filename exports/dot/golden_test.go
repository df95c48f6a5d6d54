package dot_test

import (
	"bytes"
	"flag"
	"io"
	"testing"

	"github.com/leverage-project/leverage/exports/dot"
	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/internal/graphtest"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The seed's graph as this format writes it, pinned in testdata (numbers
// rounded; their values are checked against networkx in exports/graphdata).
func TestGoldenSeed(t *testing.T) {
	g := graphtest.Seed(t)
	for name, write := range map[string]func(io.Writer, graphdata.Graph) error{
		"seed.dot": dot.Write,
	} {
		var b bytes.Buffer
		if err := write(&b, g); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		graphtest.Golden(t, name, b.Bytes(), *updateGolden)
	}
}
