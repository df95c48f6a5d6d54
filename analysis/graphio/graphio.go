// Package graphio reads plain graphs that academics bring (a CSV edge list
// or GraphML) into analysis.Graph, so the same metrics run on networks
// that are not leverage datasets.
package graphio

import (
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/leverage-project/leverage/analysis"
)

// ReadEdgeList reads "source,target[,weight]" rows; a first row whose
// weight column is not a number is a header. Blank rows are skipped;
// anything else malformed is an error naming the line and field.
func ReadEdgeList(r io.Reader, name string) (*analysis.Graph, error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<20))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.Comment = '#'
	var edges []analysis.Edge
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, bad(name, pe.Line, "", pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		// FieldPos panics after a parse error, so only now.
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) < 2 || len(rec) > 3 {
			return nil, bad(name, line, "", fmt.Errorf("want source,target[,weight], got %d fields", len(rec)))
		}
		src, dst := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		w := 1.0
		if len(rec) == 3 {
			x, err := parseWeight(rec[2])
			if err != nil {
				if first && errors.Is(err, errNotNumber) {
					first = false
					continue // header
				}
				return nil, bad(name, line, "weight", err)
			}
			w = x
		} else if first && (strings.EqualFold(src, "source") || strings.EqualFold(src, "from")) {
			first = false
			continue
		}
		first = false
		if src == "" || dst == "" {
			return nil, bad(name, line, "", errors.New("source and target must not be empty"))
		}
		edges = append(edges, analysis.Edge{From: src, To: dst, Weight: w})
	}
	if len(edges) == 0 {
		return nil, bad(name, 0, "", errors.New("no edges"))
	}
	return analysis.NewGraph(nil, edges), nil
}

// ReadGraphML reads the nodes and edges of a GraphML file; an edge
// attribute named weight (attr.name) gives weights.
func ReadGraphML(r io.Reader, name string) (*analysis.Graph, error) {
	lim := &textLimiter{r: bufio.NewReaderSize(r, 1<<20), max: maxGraphMLText}
	dec := xml.NewDecoder(lim)
	dec.Strict = true
	weightKey := ""
	var nodes []string
	var edges []analysis.Edge
	var cur *analysis.Edge
	inWeight := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			if lim.err != nil {
				err = lim.err
			}
			return nil, bad(name, line, "", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(k string) string {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return a.Value
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "key":
				if attr("attr.name") == "weight" && (attr("for") == "edge" || attr("for") == "all") {
					weightKey = attr("id")
				}
			case "node":
				id := attr("id")
				if strings.TrimSpace(id) == "" {
					line, _ := dec.InputPos()
					return nil, bad(name, line, "node", errors.New("node without an id"))
				}
				nodes = append(nodes, id)
			case "edge":
				s, d := attr("source"), attr("target")
				if s == "" || d == "" {
					line, _ := dec.InputPos()
					return nil, bad(name, line, "edge", errors.New("edge without source or target"))
				}
				edges = append(edges, analysis.Edge{From: s, To: d, Weight: 1})
				cur = &edges[len(edges)-1]
			case "data":
				inWeight = cur != nil && weightKey != "" && attr("key") == weightKey
			}
		case xml.CharData:
			if inWeight {
				x, err := parseWeight(string(t))
				if err != nil {
					line, _ := dec.InputPos()
					return nil, bad(name, line, "weight", err)
				}
				cur.Weight = x
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "data":
				inWeight = false
			case "edge":
				cur = nil
			}
		}
	}
	if len(nodes) == 0 && len(edges) == 0 {
		return nil, bad(name, 0, "", errors.New("no graph found"))
	}
	return analysis.NewGraph(nodes, edges), nil
}
