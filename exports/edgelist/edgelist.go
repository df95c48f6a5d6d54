// Package edgelist reads and writes the plain CSV edge list
// ("source,target[,weight]") that most graph tools read and write, so a
// network that is not a leverage dataset runs through the same metrics
// (analyze --graph), and a layer graph goes out in the simplest form.
package edgelist

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/internal/graphfile"
)

// Read reads an edge list as Parse does with default options and builds
// the kernels' graph from it (graphfile.Build: parallel edges summed,
// self-loops dropped).
func Read(r io.Reader, name string) (*network.Graph, error) {
	raw, err := Parse(r, name, graphfile.Options{})
	if err != nil {
		return nil, err
	}
	g, _, err := graphfile.Build(raw, graphfile.Options{})
	return g, err
}

// Write writes g's edges as "source,target,weight" rows under that header,
// in index order, weights in the shortest form that reads back to the same
// float64; Read reads them back to the same graph (nodes without edges
// aside: an edge list cannot hold them).
func Write(w io.Writer, g *network.Graph) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"source", "target", "weight"}); err != nil {
		return err
	}
	for _, e := range g.EdgeList() {
		if err := cw.Write([]string{e.From, e.To, strconv.FormatFloat(e.Weight, 'g', -1, 64)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
