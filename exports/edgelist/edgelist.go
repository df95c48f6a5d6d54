// Package edgelist reads and writes the plain CSV edge list
// ("source,target[,weight]") that most graph tools read and write, so a
// network that is not a leverage dataset runs through the same metrics
// (analyze --graph), and a layer graph goes out in the simplest form.
package edgelist

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/internal/graphfile"
	"github.com/leverage-project/leverage/internal/textbound"
)

// Read reads "source,target[,weight]" rows; a first row whose
// weight column is not a number is a header. Blank rows are skipped;
// anything else malformed is an error naming the line and field.
func Read(r io.Reader, name string) (*network.Graph, error) {
	bound := textbound.NewReader(r, textbound.MaxRecord)
	cr := csv.NewReader(bufio.NewReaderSize(bound, 1<<20))
	last := 0 // the line of the last record read
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.Comment = '#'
	var edges []network.Edge
	var total graphfile.Sum
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, graphfile.Bad(name, pe.Line, "", pe.Err)
			}
			if errors.Is(err, textbound.ErrTooLong) {
				return nil, graphfile.Bad(name, last+1, "", err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		// FieldPos panics after a parse error, so only now.
		line, _ := cr.FieldPos(0)
		last, _ = cr.FieldPos(len(rec) - 1)
		bound.Mark(cr.InputOffset())
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) < 2 || len(rec) > 3 {
			return nil, graphfile.Bad(name, line, "", fmt.Errorf("want source,target[,weight], got %d fields", len(rec)))
		}
		src, dst := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		w := 1.0
		if len(rec) == 3 {
			x, err := graphfile.ParseWeight(rec[2])
			if err != nil {
				if first && errors.Is(err, graphfile.ErrNotNumber) {
					first = false
					continue // header
				}
				return nil, graphfile.Bad(name, line, "weight", err)
			}
			w = x
		} else if first && (strings.EqualFold(src, "source") || strings.EqualFold(src, "from")) {
			first = false
			continue
		}
		first = false
		if src == "" || dst == "" {
			return nil, graphfile.Bad(name, line, "", errors.New("source and target must not be empty"))
		}
		if err := total.Add(w); err != nil {
			return nil, graphfile.Bad(name, line, "weight", err)
		}
		edges = append(edges, network.Edge{From: src, To: dst, Weight: w})
	}
	if len(edges) == 0 {
		return nil, graphfile.Bad(name, 0, "", errors.New("no edges"))
	}
	return network.NewGraph(nil, edges), nil
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
