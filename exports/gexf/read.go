package gexf

// The reading direction: GEXF files written by Gephi, networkx, igraph or
// this package, for analyze --graph.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/leverage-project/leverage/internal/graphfile"
	"github.com/leverage-project/leverage/internal/xmlbound"
)

// maxText bounds one text run or tag: a weight or label longer than a
// mebibyte is not a graph but an attempt on memory.
const maxText = 1 << 20

// gexfAttr is a declared <attribute>: its title and <default>.
type gexfAttr struct{ title, def string }

// Parse reads a GEXF 1.1, 1.2 or 1.3 file as its writer meant it (see
// the GEXF primers at gexf.net): the graph's defaultedgetype gives edges
// their direction, undirected when absent (the schema's default, and
// networkx's reading), each edge's type overriding it (mutual counts as
// undirected); weights are the edge's weight attribute (1 when absent),
// or with o.Weight the edge attribute of that title or id, its <default>
// where an edge has no value. Node ids name nodes. Dynamic graphs are
// read whole (every node and edge that ever exists, one notice says so);
// a dynamic weight takes its last value, announced. Hierarchies (nodes
// inside nodes, pid, parents) are refused naming the node and line.
//
// It is one token loop over the file, long because encoding/xml streams
// tokens and the open key, node and edge are state between them; split,
// that state would be passed around instead of read in one place.
func Parse(r io.Reader, name string, o graphfile.Options) (graphfile.Raw, error) {
	dec := xmlbound.NewDecoder(r, maxText)
	raw := graphfile.Raw{Name: name, Format: "GEXF", Data: map[string]string{}}
	declared := map[string]int{}
	edgeAttrs, nodeAttrs := map[string]gexfAttr{}, map[string]gexfAttr{}
	var attrs map[string]gexfAttr // the <attributes> block open, if any
	var curAttr string
	var text strings.Builder
	inDefault, sawGraph, sawRoot := false, false, false
	defaultDirected := false
	var curNode string
	cur := -1 // open edge in raw.Arcs
	weightID, weightSet := "", map[int]int{}
	attrWeight, ownWeight := false, false // weight from an attribute titled weight; the open edge has its own
	timed, dynWeights := 0, 0
	fail := func(format string, args ...any) (graphfile.Raw, error) {
		line, _ := dec.InputPos()
		return raw, graphfile.Bad(name, line, "", fmt.Errorf(format, args...))
	}
	get := func(t xml.StartElement, k string) (string, bool) {
		for _, a := range t.Attr {
			if a.Name.Local == k {
				return a.Value, true
			}
		}
		return "", false
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
			if !sawRoot {
				sawRoot = true
				if t.Name.Local != "gexf" {
					return fail("root element <%s>, not <gexf>", t.Name.Local)
				}
				v, _ := get(t, "version")
				if v == "" {
					v = strings.TrimPrefix(t.Name.Space, "http://www.gexf.net/")
					v = strings.TrimPrefix(v, "http://gexf.net/")
				}
				raw.Format = strings.TrimSpace("GEXF " + v)
			}
			if _, ok := get(t, "start"); ok || t.Name.Local == "spells" {
				timed++
			} else if _, ok := get(t, "end"); ok {
				timed++
			}
			switch t.Name.Local {
			case "graph":
				if sawGraph {
					return fail("a second <graph>: one graph per file is read")
				}
				sawGraph = true
				v, ok := get(t, "defaultedgetype")
				switch {
				case !ok:
					raw.DirectedBy = "no defaultedgetype: undirected, as the GEXF schema and networkx read it"
				case v == "directed":
					defaultDirected = true
				case v == "undirected", v == "mutual":
				default:
					return fail("defaultedgetype %q: want directed, undirected or mutual", v)
				}
				if ok {
					raw.DirectedBy = fmt.Sprintf("defaultedgetype=%q", v)
				}
				raw.Directed = defaultDirected
			case "attributes":
				c, _ := get(t, "class")
				switch c {
				case "edge":
					attrs = edgeAttrs
				case "node":
					attrs = nodeAttrs
				default:
					attrs = nil
				}
			case "attribute":
				if attrs != nil {
					curAttr, _ = get(t, "id")
					title, _ := get(t, "title")
					attrs[curAttr] = gexfAttr{title: title}
				}
			case "default":
				if attrs != nil && curAttr != "" {
					inDefault = true
					text.Reset()
				}
			case "nodes":
				if curNode != "" {
					return fail("node %q holds nodes (a GEXF hierarchy): we read flat graphs only; flatten it in Gephi or export one level", curNode)
				}
			case "parents":
				return fail("node %q has <parents> (a GEXF hierarchy): we read flat graphs only; flatten it in Gephi or export one level", curNode)
			case "node":
				id, ok := get(t, "id")
				if !ok || strings.TrimSpace(id) == "" {
					return fail("node without id")
				}
				if _, ok := get(t, "pid"); ok {
					return fail("node %q has a pid (a GEXF hierarchy): we read flat graphs only; flatten it in Gephi or export one level", id)
				}
				line, _ := dec.InputPos()
				if first, dup := declared[id]; dup {
					return fail("duplicate node id %q (first declared on line %d)", id, first)
				}
				declared[id] = line
				raw.Nodes = append(raw.Nodes, id)
				curNode = id
			case "edge":
				s, _ := get(t, "source")
				d, _ := get(t, "target")
				if s == "" || d == "" {
					return fail("edge without source or target")
				}
				directed := defaultDirected
				if v, ok := get(t, "type"); ok {
					switch v {
					case "directed":
						directed = true
					case "undirected", "mutual":
						directed = false
					default:
						return fail("edge type %q: want directed, undirected or mutual", v)
					}
				}
				line, _ := dec.InputPos()
				w := 1.0
				ownWeight = false
				if o.Weight == "" {
					if v, ok := get(t, "weight"); ok {
						ownWeight = true
						if w, err = graphfile.ParseWeight(v); err != nil {
							return fail("edge weight: %w", err)
						}
					}
				} else if a, ok := edgeAttrs[weightID]; ok && a.def != "" {
					if w, err = graphfile.ParseWeight(a.def); err != nil {
						return fail("<default> of edge attribute %q: %w", o.Weight, err)
					}
				}
				raw.Arcs = append(raw.Arcs, graphfile.Arc{From: s, To: d, Weight: w, Directed: directed, Line: line})
				cur = len(raw.Arcs) - 1
			case "edges":
				switch {
				case o.Weight != "" && o.Weight != "-":
					if weightID, err = pickAttr(edgeAttrs, o.Weight); err != nil {
						return fail("%w", err)
					}
				case o.Weight == "":
					// GEXF 1.1 gave dynamic weights as an edge attribute
					// titled weight; it weighs edges without their own
					// weight attribute (networkx's reading too).
					weightID, _ = pickAttr(edgeAttrs, "weight")
					attrWeight = weightID != ""
				}
			case "attvalue":
				key, _ := get(t, "for")
				if key == "" {
					key, _ = get(t, "id") // GEXF 1.1
				}
				v, _ := get(t, "value")
				switch {
				case cur >= 0 && weightID != "" && key == weightID && !(attrWeight && ownWeight):
					x, err := graphfile.ParseWeight(v)
					if err != nil {
						return fail("edge attribute %q: %w", o.Weight, err)
					}
					raw.Arcs[cur].Weight = x
					weightSet[cur]++
					if weightSet[cur] == 2 {
						dynWeights++
					}
				case cur < 0 && curNode != "" && nodeAttrs[key].title == "placeholder" && (v == "true" || v == "1"):
					raw.Placeholders = append(raw.Placeholders, curNode)
				}
			}
		case xml.CharData:
			if inDefault {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "default":
				if inDefault {
					a := attrs[curAttr]
					a.def = strings.TrimSpace(text.String())
					attrs[curAttr] = a
					inDefault = false
				}
			case "attribute":
				curAttr = ""
			case "attributes":
				attrs = nil
			case "node":
				curNode = ""
			case "edge":
				cur = -1
			}
		}
	}
	if !sawGraph {
		return raw, graphfile.Bad(name, 0, "", errors.New("no <graph> found"))
	}
	if o.Weight == "-" {
		for i := range raw.Arcs {
			raw.Arcs[i].Weight = 1
		}
	}
	switch {
	case o.Weight == "-":
		raw.WeightBy = "none (--weight -): every edge weighs 1"
	case o.Weight != "":
		raw.WeightBy = fmt.Sprintf("edge attribute %q", o.Weight)
	case attrWeight:
		raw.WeightBy = "the edges' weight attribute, else their attribute titled weight (1 where neither)"
	default:
		raw.WeightBy = "the edges' weight attribute (1 where absent)"
	}
	if timed > 0 {
		raw.Notices = append(raw.Notices, fmt.Sprintf("a dynamic graph (%d times or spells): read whole, every node and edge that ever exists", timed))
	}
	if dynWeights > 0 {
		raw.Notices = append(raw.Notices, fmt.Sprintf("%d edges have more than one weight over time: the last one read is used", dynWeights))
	}
	return raw, nil
}

// pickAttr returns the id of the edge attribute whose title or id is
// want, or an error listing the titles there are.
func pickAttr(attrs map[string]gexfAttr, want string) (string, error) {
	var have []string
	for id, a := range attrs {
		if a.title == want || id == want {
			return id, nil
		}
		have = append(have, a.title)
	}
	return "", fmt.Errorf("--weight %s: no edge attribute of that title (the file has: %s; or the edges' own weight, by default)", want, strings.Join(have, ", "))
}
