package nodelink_test

import (
	"flag"
	"io"
	"testing"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/internal/graphtest"
	"github.com/leverage-project/leverage/exports/nodelink"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The seed's graph as this format writes it, pinned in testdata (numbers
// rounded; their values are checked against networkx in exports/graphdata).
func TestGoldenSeed(t *testing.T) {
	graphtest.GoldenSeed(t, map[string]func(io.Writer, graphdata.Graph) error{
		"seed.json": nodelink.Write,
	}, *update)
}
