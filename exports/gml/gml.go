// Package gml reads GML, the Graph Modelling Language (M. Himsolt, "GML: A
// portable Graph File Format", Universität Passau 1997) as networkx,
// igraph, Gephi, yEd and Mark Newman's network data write it, for
// analyze --graph.
package gml

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/leverage-project/leverage/internal/graphfile"
)

// Bounds a hostile file cannot pass: GML lists nest (graph, node,
// graphics, …) but never deeply, and no real label runs to a mebibyte.
const (
	maxDepth = 32
	maxToken = 1 << 20
)

// node is a GML node's id and label as read.
type node struct {
	id, label, name string
	line            int
}

// edge is a GML edge as read; weight is "" when the edge has none.
type edge struct {
	source, target, weight string
	directed               string
	line                   int
}

// Parse reads the graph of a GML file as its writer meant it: the graph's
// directed key gives direction (0, undirected, when absent: GML's and
// networkx's default); nodes are named by their labels where every node
// has a distinct one (networkx's reading), else by their ids (igraph's);
// weights come from the edges' weight key, or value where no edge has a
// weight (Newman's data sets), or the key o.Weight names; else 1. Keys we
// do not use (graphics, LabelGraphics, …) are skipped. Nested graphs and
// hyperedges are refused naming the line.
//
// It is one loop over tokens, long because where a key is (graph, node,
// edge, deeper) decides what it means; build then resolves names and
// weights once everything is read.
func Parse(r io.Reader, name string, o graphfile.Options) (graphfile.Raw, error) {
	lx := &lexer{r: bufio.NewReaderSize(r, 1<<16), line: 1}
	raw := graphfile.Raw{Name: name, Format: "GML", Data: map[string]string{}}
	fail := func(line int, format string, args ...any) (graphfile.Raw, error) {
		return raw, graphfile.Bad(name, line, "", fmt.Errorf(format, args...))
	}
	var nodes []node
	var edges []edge
	directedKey := ""
	depth := 0
	sawGraph := false
	var path []string // keys of the open lists
	var curNode *node
	var curEdge *edge
	for {
		key, kline, err := lx.next()
		if err == io.EOF {
			if depth > 0 {
				return fail(lx.line, "the file ends inside %q: a ] is missing", strings.Join(path, " "))
			}
			break
		}
		if err != nil {
			return fail(lx.line, "%v", err)
		}
		if key == "]" {
			if depth == 0 {
				return fail(kline, "a ] closes nothing")
			}
			depth--
			switch path[len(path)-1] {
			case "node":
				if len(path) == 2 {
					curNode = nil
				}
			case "edge":
				if len(path) == 2 {
					curEdge = nil
				}
			}
			path = path[:len(path)-1]
			continue
		}
		if !isKey(key) {
			return fail(kline, "%q where a key was expected", key)
		}
		val, vline, err := lx.next()
		if err == io.EOF {
			return fail(lx.line, "key %q has no value", key)
		}
		if err != nil {
			return fail(lx.line, "%v", err)
		}
		if val == "[" {
			depth++
			if depth > maxDepth {
				return fail(vline, "lists nested more than %d deep", maxDepth)
			}
			path = append(path, key)
			switch {
			case depth == 1 && key == "graph":
				if sawGraph {
					// igraph and networkx read the first graph of a file
					// and ignore the rest; so do we, saying so.
					raw.Notices = append(raw.Notices, fmt.Sprintf("a second graph on line %d and everything after it ignored: the first graph is read, as igraph does", kline))
					return build(raw, nodes, edges, directedKey, o, name)
				}
				sawGraph = true
			case depth == 2 && path[0] == "graph" && key == "node":
				nodes = append(nodes, node{line: kline})
				curNode = &nodes[len(nodes)-1]
			case depth == 2 && path[0] == "graph" && key == "edge":
				edges = append(edges, edge{line: kline})
				curEdge = &edges[len(edges)-1]
			case path[0] == "graph" && key == "graph":
				return fail(kline, "a graph nested inside %q (a group or hierarchy): we read flat graphs only; export a flat GML, GraphML or edge list", strings.Join(path[:len(path)-1], " "))
			case depth == 2 && path[0] == "graph" && key == "hyperedge":
				return fail(kline, "a hyperedge: an edge joins two nodes here; export the hypergraph as a bipartite graph instead")
			}
			continue
		}
		if val == "]" {
			return fail(vline, "key %q: %q is not a value", key, val)
		}
		switch {
		case depth == 1 && path[0] == "graph" && key == "directed":
			directedKey = val
		case depth == 2 && curNode != nil && key == "id":
			curNode.id = val
		case depth == 2 && curNode != nil && key == "label":
			curNode.label = val
		case depth == 2 && curNode != nil && key == "name":
			curNode.name = val
		case depth == 2 && curEdge != nil:
			switch {
			case key == "source":
				curEdge.source = val
			case key == "target":
				curEdge.target = val
			case key == "directed":
				curEdge.directed = val
			case o.Weight != "" && key == o.Weight, o.Weight == "" && (key == "weight" || key == "value"):
				if key == "value" && curEdge.weight != "" {
					break // weight wins over value
				}
				curEdge.weight = key + "=" + val
			}
		case depth == 1 && path[0] == "graph" && (key == "label" || key == "name" || key == "comment"):
			raw.Data[key] = val
		}
	}
	if !sawGraph {
		return fail(0, "no graph [ … ] found")
	}
	return build(raw, nodes, edges, directedKey, o, name)
}

// build resolves node names and edge weights once the whole file is read:
// both depend on every node and edge (distinct labels; weight or value).
func build(raw graphfile.Raw, nodes []node, edges []edge, directedKey string, o graphfile.Options, name string) (graphfile.Raw, error) {
	switch directedKey {
	case "", "0":
		raw.Directed = false
	case "1":
		raw.Directed = true
	default:
		return raw, graphfile.Bad(name, 0, "directed", fmt.Errorf("%q: want 0 or 1", directedKey))
	}
	raw.DirectedBy = "directed " + directedKey
	if directedKey == "" {
		raw.DirectedBy = "no directed key: undirected, as GML and networkx read it"
	}
	byID := make(map[string]string, len(nodes))
	for _, n := range nodes {
		if n.id == "" {
			return raw, graphfile.Bad(name, n.line, "id", errors.New("node without id"))
		}
		if _, dup := byID[n.id]; dup {
			return raw, graphfile.Bad(name, n.line, "id", fmt.Errorf("duplicate node id %s", n.id))
		}
		byID[n.id] = n.id
	}
	// Names: the labels where every node has a distinct one (networkx's
	// reading), else the name attribute igraph writes, else the ids.
	how := "ids (labels and names missing or repeated), as igraph reads GML"
	for _, pick := range []struct {
		of  func(node) string
		how string
	}{{func(n node) string { return n.label }, "labels (every node has a distinct one), as networkx reads GML"},
		{func(n node) string { return n.name }, "name attributes (every node has a distinct one), as igraph writes and reads them"}} {
		seen := make(map[string]bool, len(nodes))
		ok := len(nodes) > 0
		for _, n := range nodes {
			v := pick.of(n)
			ok = ok && v != "" && !seen[v]
			seen[v] = true
		}
		if ok {
			for _, n := range nodes {
				byID[n.id] = pick.of(n)
			}
			how = pick.how
			break
		}
	}
	nameOf := func(id string) string { return byID[id] }
	for _, n := range nodes {
		raw.Nodes = append(raw.Nodes, nameOf(n.id))
	}
	if len(nodes) > 0 {
		raw.Notices = append(raw.Notices, "nodes named by their "+how)
	}
	hasWeight := false
	for _, e := range edges {
		hasWeight = hasWeight || strings.HasPrefix(e.weight, "weight=")
	}
	usedKey := ""
	for _, e := range edges {
		if e.source == "" || e.target == "" {
			return raw, graphfile.Bad(name, e.line, "", errors.New("edge without source or target"))
		}
		for _, end := range [2]string{e.source, e.target} {
			if _, ok := byID[end]; !ok {
				return raw, graphfile.Bad(name, e.line, "", fmt.Errorf("edge to node id %s, which no node has", end))
			}
		}
		w := 1.0
		if e.weight != "" && o.Weight != "-" && (o.Weight != "" || hasWeight == strings.HasPrefix(e.weight, "weight=")) {
			k, v, _ := strings.Cut(e.weight, "=")
			x, err := graphfile.ParseWeight(v)
			if err != nil {
				return raw, graphfile.Bad(name, e.line, k, err)
			}
			w, usedKey = x, k
		}
		d := raw.Directed
		switch e.directed {
		case "1":
			d = true
		case "0":
			d = false
		}
		raw.Arcs = append(raw.Arcs, graphfile.Arc{From: nameOf(e.source), To: nameOf(e.target), Weight: w, Directed: d, Line: e.line})
	}
	raw.WeightBy = "none: every edge weighs 1"
	if usedKey != "" {
		raw.WeightBy = fmt.Sprintf("edge key %s (1 where absent)", usedKey)
	}
	if o.Weight != "" && o.Weight != "-" && usedKey == "" {
		return raw, graphfile.Bad(name, 0, "", fmt.Errorf("--weight %s: no edge has that key", o.Weight))
	}
	return raw, nil
}

func isKey(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// lexer splits GML into keys, values, [ and ]; strings come back without
// their quotes, with HTML entities (&quot; &amp; …) left as written.
type lexer struct {
	r    *bufio.Reader
	line int
}

// next returns the next token and its line.
func (l *lexer) next() (string, int, error) {
	for {
		c, err := l.r.ReadByte()
		if err != nil {
			return "", l.line, err
		}
		switch {
		case c == '\n':
			l.line++
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#':
			for c != '\n' {
				if c, err = l.r.ReadByte(); err != nil {
					return "", l.line, err
				}
			}
			l.line++
		case c == '[' || c == ']':
			return string(c), l.line, nil
		case c == '"':
			start := l.line
			var b strings.Builder
			for {
				c, err := l.r.ReadByte()
				if err != nil {
					return "", start, fmt.Errorf("a string opened on line %d is never closed", start)
				}
				if c == '"' {
					return b.String(), start, nil
				}
				if c == '\n' {
					l.line++
				}
				if b.Len() >= maxToken {
					return "", start, fmt.Errorf("a string of more than %d bytes", maxToken)
				}
				b.WriteByte(c)
			}
		default:
			var b strings.Builder
			b.WriteByte(c)
			for {
				c, err := l.r.ReadByte()
				if err == io.EOF {
					return b.String(), l.line, nil
				}
				if err != nil {
					return "", l.line, err
				}
				if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '[' || c == ']' || c == '"' {
					l.r.UnreadByte()
					return b.String(), l.line, nil
				}
				if b.Len() >= maxToken {
					return "", l.line, fmt.Errorf("a token of more than %d bytes", maxToken)
				}
				b.WriteByte(c)
			}
		}
	}
}
