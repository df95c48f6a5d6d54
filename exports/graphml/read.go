package graphml

// The reading direction: GraphML that academics bring (from networkx,
// igraph, Gephi or this package's Write) into a network.Graph, so the same
// metrics run on networks that are not leverage datasets.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/internal/graphfile"
	"github.com/leverage-project/leverage/internal/xmlbound"
)

// Info says how a GraphML file was read.
type Info struct {
	// Directed is the file's edgedefault (undirected when absent, as the
	// GraphML spec's schema and networkx read it).
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
	// Built is how the file became the kernels' graph.
	Built graphfile.Built
}

// Notices are one line each about what the reader did beyond the plain
// case, for the caller to show.
func (i Info) Notices() []string { return i.Built.Notices }

// Read reads the nodes and edges of a GraphML file; see
// ReadInfo.
func Read(r io.Reader, name string) (*network.Graph, error) {
	g, _, err := ReadInfo(r, name)
	return g, err
}

// ReadInfo reads a GraphML file as Parse does with default options and
// builds the kernels' graph from it (graphfile.Build: undirected edges as
// two arcs, parallel arcs summed, self-loops dropped, each announced).
func ReadInfo(r io.Reader, name string) (*network.Graph, Info, error) {
	raw, err := Parse(r, name, graphfile.Options{})
	if err != nil {
		return nil, Info{}, err
	}
	g, b, err := graphfile.Build(raw, graphfile.Options{})
	if err != nil {
		return nil, Info{}, err
	}
	return g, Info{Directed: raw.Directed, UndirectedEdges: b.UndirectedEdges, Placeholders: raw.Placeholders,
		Undeclared: b.Undeclared, Data: raw.Data, Built: b}, nil
}

// Parse reads the one graph of a GraphML file (networkx, igraph, Gephi,
// yEd, Cytoscape or this package's Write): the graph's edgedefault and
// each edge's directed attribute give directions, edgedefault absent
// meaning undirected (the GraphML schema's default, and networkx's and
// igraph's reading); the edge key named o.Weight (attr.name or id; by
// default attr.name "weight") gives weights, its <default> where an edge
// has no value, else 1; a boolean node attribute named placeholder marks
// placeholder nodes (see analysis.IsPlaceholder). What the kernels cannot
// take is refused naming the construct and its line: hyperedges, nested
// graphs (yEd's group nodes), ports. A duplicate node id is an error
// naming both lines.
//
// It is one token loop over the file, long because encoding/xml streams
// tokens and the open key, node and edge are state between them; split,
// that state would be passed around instead of read in one place.
func Parse(r io.Reader, name string, o graphfile.Options) (graphfile.Raw, error) {
	dec := xmlbound.NewDecoder(r, maxGraphMLText)
	raw := graphfile.Raw{Name: name, Format: "GraphML", Data: map[string]string{}}
	keys := map[string]*keyDef{}
	declared := map[string]int{} // node id -> line
	var curKey *keyDef
	cur := -1 // index in raw.Arcs of the open <edge>
	var curNode, dataKey string
	var text strings.Builder
	inData, inDefault, inGraph, graphs := false, false, false, 0
	edgeDefault, hasDefault := false, false
	weightKey := ""
	fail := func(format string, args ...any) (graphfile.Raw, error) {
		line, _ := dec.InputPos()
		return raw, graphfile.Bad(name, line, "", fmt.Errorf(format, args...))
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
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
				curKey = &keyDef{forWhat: get("for"), name: get("attr.name")}
				keys[get("id")] = curKey
			case "default":
				if curKey != nil {
					inDefault = true
					text.Reset()
				}
			case "graph":
				graphs++
				if graphs > 1 {
					if curNode != "" {
						return fail("a nested graph inside node %q (a yEd group or folder node): we read flat graphs only; ungroup it in yEd, or export a flat GraphML or an edge list", curNode)
					}
					return fail("a second <graph>: one graph per file is read; save each graph to its own file")
				}
				inGraph = true
				weightKey, err = pickWeightKey(keys, o.Weight)
				if err != nil {
					return fail("%w", err)
				}
				v, ok := attr("edgedefault")
				switch {
				case !ok:
					raw.DirectedBy = "no edgedefault: undirected, as the GraphML schema and networkx read it"
				case v == "directed":
					edgeDefault, hasDefault = true, true
				case v == "undirected":
					hasDefault = true
				default:
					return fail("edgedefault %q: want directed or undirected", v)
				}
				if hasDefault {
					raw.DirectedBy = fmt.Sprintf("edgedefault=%q", v)
				}
				raw.Directed = edgeDefault
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
				raw.Nodes = append(raw.Nodes, id)
				curNode = id
			case "port":
				return fail("a <port> on node %q: edges between ports are not read; export the graph without ports (plain GraphML or an edge list)", curNode)
			case "edge":
				s, d := get("source"), get("target")
				if s == "" || d == "" {
					return fail("edge without source or target")
				}
				if _, ok := attr("sourceport"); ok {
					return fail("an edge between ports (sourceport): export the graph without ports (plain GraphML or an edge list)")
				}
				directed := edgeDefault
				if v, ok := attr("directed"); ok {
					switch v {
					case "true", "1":
						directed = true
					case "false", "0":
						directed = false
					default:
						return fail("edge directed=%q: want true or false", v)
					}
				}
				line, _ := dec.InputPos()
				w := 1.0
				if k := keys[weightKey]; k != nil && k.def != "" {
					if w, err = graphfile.ParseWeight(k.def); err != nil {
						return fail("<default> of weight key %q: %w", weightKey, err)
					}
				}
				raw.Arcs = append(raw.Arcs, graphfile.Arc{From: s, To: d, Weight: w, Directed: directed, Line: line})
				cur = len(raw.Arcs) - 1
			case "hyperedge":
				return fail("a hyperedge: an edge joins two nodes here; export the hypergraph as a bipartite graph (one node per hyperedge) instead")
			case "data":
				dataKey, inData = get("key"), true
				text.Reset()
			}
		case xml.CharData:
			if inData || inDefault {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "default":
				if inDefault {
					curKey.def = strings.TrimSpace(text.String())
					inDefault = false
				}
			case "key":
				curKey = nil
			case "data":
				inData = false
				k, v := keys[dataKey], strings.TrimSpace(text.String())
				if k == nil {
					k = &keyDef{}
				}
				switch {
				case cur >= 0 && dataKey == weightKey && weightKey != "":
					x, err := graphfile.ParseWeight(v)
					if err != nil {
						return fail("edge weight (key %q): %w", weightKey, err)
					}
					raw.Arcs[cur].Weight = x
				case cur < 0 && curNode != "" && k.name == "placeholder" && (k.forWhat == "node" || k.forWhat == "all"):
					if n := len(raw.Placeholders); (v == "true" || v == "1") && (n == 0 || raw.Placeholders[n-1] != curNode) {
						raw.Placeholders = append(raw.Placeholders, curNode)
					}
				case cur < 0 && curNode == "" && inGraph && k.name != "":
					raw.Data[k.name] = v
				}
			case "edge":
				cur = -1
			case "node":
				curNode = ""
			}
		}
	}
	if len(raw.Nodes) == 0 && len(raw.Arcs) == 0 {
		return raw, graphfile.Bad(name, 0, "", errors.New("no graph found"))
	}
	raw.WeightBy = "none: every edge weighs 1"
	if k := keys[weightKey]; k != nil {
		raw.WeightBy = fmt.Sprintf("edge attribute %q (key %s)", k.name, weightKey)
		if k.def != "" {
			raw.WeightBy += ", default " + k.def
		}
	}
	return raw, nil
}

// keyDef is a GraphML <key>: what it is for, its attr.name and its
// <default>.
type keyDef struct{ forWhat, name, def string }

// pickWeightKey returns the id of the key holding edge weights: the one
// named want (by attr.name or id), or by default the one named weight; ""
// when there is none (every edge weighs 1) or want is "-".
func pickWeightKey(keys map[string]*keyDef, want string) (string, error) {
	if want == "-" {
		return "", nil
	}
	name := want
	if name == "" {
		name = "weight"
	}
	var have []string
	for id, k := range keys {
		if k.forWhat != "edge" && k.forWhat != "all" {
			continue
		}
		if k.name == name || want != "" && id == want {
			return id, nil
		}
		have = append(have, k.name)
	}
	if want == "" {
		return "", nil
	}
	slices.Sort(have)
	return "", fmt.Errorf("--weight %s: no edge attribute of that name (the file has: %s)", want, strings.Join(have, ", "))
}

// maxGraphMLText bounds one text run of a GraphML file; a weight or label
// longer than a mebibyte is not a graph but an attempt on memory.
const maxGraphMLText = 1 << 20
