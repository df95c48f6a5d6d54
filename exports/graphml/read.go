package graphml

// The reading direction: GraphML that academics bring (from networkx,
// igraph, Gephi or this package's Write) into a network.Graph, so the same
// metrics run on networks that are not leverage datasets.

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/graphfile"
	"github.com/leverage-project/leverage/internal/xmlbound"
)

// Info says how a GraphML file was read.
type Info struct {
	// Directed is the file's edgedefault (GraphML's default: directed).
	Directed bool
	// UndirectedEdges counts edges read as undirected (by edgedefault or
	// their own directed="false"); each became two arcs u→v and v→u of
	// the edge's weight, so PageRank, degrees, betweenness and closeness
	// are those of the undirected graph. Core numbers count both arcs.
	UndirectedEdges int
	// Placeholders are nodes whose boolean "placeholder" attribute is true
	// (our layer exports set it); the caller marks them on the graph.
	Placeholders []string
	// Undeclared are endpoints of edges that no <node> declares; they were
	// added as nodes.
	Undeclared []string
	// Data holds the graph-level <data> values by attribute name
	// (our exports: dataset, content_hash, tool, layer, …).
	Data map[string]string
}

// Notices are one line each about what the reader did beyond the plain
// case, for the caller to show.
func (i Info) Notices() []string {
	var out []string
	if i.UndirectedEdges > 0 {
		out = append(out, fmt.Sprintf("%d undirected edges read as two arcs each (u→v and v→u, same weight)", i.UndirectedEdges))
	}
	if len(i.Undeclared) > 0 {
		shown := i.Undeclared[:min(5, len(i.Undeclared))]
		out = append(out, fmt.Sprintf("%d edge endpoints are not declared as nodes and were added: %s", len(i.Undeclared), strings.Join(shown, ", ")))
	}
	if len(i.Placeholders) > 0 {
		out = append(out, fmt.Sprintf("%d placeholder nodes (placeholder=true) kept in strengths only: %s", len(i.Placeholders), strings.Join(i.Placeholders, ", ")))
	}
	return out
}

// Read reads the nodes and edges of a GraphML file; see
// ReadInfo.
func Read(r io.Reader, name string) (*network.Graph, error) {
	g, _, err := ReadInfo(r, name)
	return g, err
}

// ReadInfo reads the first graph of a GraphML file: an edge
// attribute named weight (attr.name) gives weights (default 1), the
// graph's edgedefault and each edge's directed attribute say which edges
// are undirected, and a boolean node attribute named placeholder marks
// placeholder nodes (see analysis.IsPlaceholder). A duplicate node id is
// an error naming both lines; an edge to an undeclared node adds the node
// and is reported in the info.
func ReadInfo(r io.Reader, name string) (*network.Graph, Info, error) {
	lim := xmlbound.NewReader(bufio.NewReaderSize(r, 1<<20), maxGraphMLText, maxGraphMLText, func(_ bool, limit int64) error {
		return fmt.Errorf("a text or tag of more than %d bytes: %w", limit, graphmodel.ErrInvalid)
	})
	dec := xml.NewDecoder(lim)
	dec.Strict = true
	info := Info{Directed: true, Data: map[string]string{}}
	type keyDef struct{ forWhat, name string }
	keys := map[string]keyDef{}
	declared := map[string]int{} // node id -> line
	var nodes []string
	type arc struct {
		edge       network.Edge
		undirected bool
	}
	var arcs []arc
	var cur *arc
	var curNode string
	var dataKey string
	var text strings.Builder
	inData, inGraph, graphs := false, false, 0
	var total graphfile.Sum
	fail := func(format string, args ...any) (*network.Graph, Info, error) {
		line, _ := dec.InputPos()
		return nil, info, graphfile.Bad(name, line, "", fmt.Errorf(format, args...))
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lim.Err() != nil {
				err = lim.Err()
			}
			return fail("%w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(k string) (string, bool) {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return a.Value, true
					}
				}
				return "", false
			}
			get := func(k string) string { v, _ := attr(k); return v }
			switch t.Name.Local {
			case "key":
				keys[get("id")] = keyDef{get("for"), get("attr.name")}
			case "graph":
				graphs++
				if graphs > 1 {
					return fail("a nested or second <graph>: only one graph per file is read")
				}
				inGraph = true
				if v, ok := attr("edgedefault"); ok {
					switch v {
					case "directed":
					case "undirected":
						info.Directed = false
					default:
						return fail("edgedefault %q: want directed or undirected", v)
					}
				}
			case "node":
				id, ok := attr("id")
				if !ok || strings.TrimSpace(id) == "" {
					return fail("node without id")
				}
				line, _ := dec.InputPos()
				if first, dup := declared[id]; dup {
					return fail("duplicate node id %q (first declared on line %d)", id, first)
				}
				declared[id] = line
				nodes = append(nodes, id)
				curNode = id
			case "edge":
				s, d := get("source"), get("target")
				if s == "" || d == "" {
					return fail("edge without source or target")
				}
				undirected := !info.Directed
				if v, ok := attr("directed"); ok {
					switch v {
					case "true", "1":
						undirected = false
					case "false", "0":
						undirected = true
					default:
						return fail("edge directed=%q: want true or false", v)
					}
				}
				arcs = append(arcs, arc{network.Edge{From: s, To: d, Weight: 1}, undirected})
				cur = &arcs[len(arcs)-1]
			case "hyperedge":
				return fail("hyperedges are not supported")
			case "data":
				dataKey, inData = get("key"), true
				text.Reset()
			}
		case xml.CharData:
			if inData {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "data":
				inData = false
				k, v := keys[dataKey], strings.TrimSpace(text.String())
				switch {
				case cur != nil && k.name == "weight" && (k.forWhat == "edge" || k.forWhat == "all"):
					x, err := graphfile.ParseWeight(v)
					if err == nil {
						// Undirected edges count twice, as they are stored.
						err = total.Add(x)
					}
					if err != nil {
						return fail("weight: %w", err)
					}
					cur.edge.Weight = x
				case cur == nil && curNode != "" && k.name == "placeholder" && (k.forWhat == "node" || k.forWhat == "all"):
					if n := len(info.Placeholders); (v == "true" || v == "1") && (n == 0 || info.Placeholders[n-1] != curNode) {
						info.Placeholders = append(info.Placeholders, curNode)
					}
				case cur == nil && curNode == "" && inGraph && k.name != "":
					info.Data[k.name] = v
				}
			case "edge":
				cur = nil
			case "node":
				curNode = ""
			}
		}
	}
	if len(nodes) == 0 && len(arcs) == 0 {
		return nil, info, graphfile.Bad(name, 0, "", errors.New("no graph found"))
	}
	edges := make([]network.Edge, 0, len(arcs))
	undeclared := map[string]bool{}
	for _, a := range arcs {
		for _, end := range []string{a.edge.From, a.edge.To} {
			if _, ok := declared[end]; !ok && !undeclared[end] {
				undeclared[end] = true
				info.Undeclared = append(info.Undeclared, end)
			}
		}
		edges = append(edges, a.edge)
		if a.undirected {
			info.UndirectedEdges++
			if a.edge.From != a.edge.To {
				edges = append(edges, network.Edge{From: a.edge.To, To: a.edge.From, Weight: a.edge.Weight})
			}
		}
	}
	g := network.NewGraph(nodes, edges)
	if len(info.Placeholders) > 0 {
		g = g.WithPlaceholders(info.Placeholders)
	}
	return g, info, nil
}

// maxGraphMLText bounds one text run of a GraphML file; a weight or label
// longer than a mebibyte is not a graph but an attempt on memory.
const maxGraphMLText = 1 << 20
