// Package pajek reads Pajek's .net files (V. Batagelj and A. Mrvar, Pajek
// manual, "Network" file format) as Pajek, networkx and igraph write
// them, for analyze --graph.
package pajek

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/internal/graphfile"
)

// maxLine bounds one line: no vertex label or arc runs to a mebibyte.
const maxLine = 1 << 20

// maxVertices bounds *Vertices n before any vertex is read, so a forged
// count cannot reserve much memory the file does not back (two million
// vertices named by number take about 100 MB).
const maxVertices = 2_000_000

// Parse reads a Pajek network as its writer meant it: *Arcs and
// *Arcslist lines are directed, *Edges and *Edgeslist undirected, *Matrix
// entries are arcs of their value; the third number of an arc or edge line
// is its weight (1 when absent; o.Weight "-" ignores it). Vertices are
// named by their labels when all n have distinct ones (networkx's reading),
// else by their numbers (igraph's). Partition, vector and cluster files,
// which hold no network, are refused by name.
//
// It is one loop over lines, long because each section reads its lines
// its own way and all of them share the vertex table and the line count.
func Parse(r io.Reader, name string, o graphfile.Options) (graphfile.Raw, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	raw := graphfile.Raw{Name: name, Format: "Pajek", Data: map[string]string{}}
	n := 0
	var labels map[int]string
	section := ""
	line := 0
	fail := func(format string, args ...any) (graphfile.Raw, error) {
		return raw, graphfile.Bad(name, line, "", fmt.Errorf(format, args...))
	}
	vertex := func(tok string) (int, error) {
		v, err := strconv.Atoi(tok)
		if err != nil || v < 1 || v > n {
			return 0, fmt.Errorf("vertex %q: want a number from 1 to %d (*Vertices)", tok, n)
		}
		return v, nil
	}
	type arc struct {
		u, v     int
		w        float64
		directed bool
		line     int
	}
	var arcs []arc
	arcsSeen, edgesSeen, relations := false, false, 0
	row := 0     // *Matrix row being read
	skipped := 0 // lines before the first section
	for sc.Scan() {
		line++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || text[0] == '%' {
			continue
		}
		if text[0] == '*' {
			f := strings.Fields(text)
			section = strings.ToLower(f[0])
			switch section {
			case "*network":
				raw.Data["name"] = strings.TrimSpace(text[len(f[0]):])
			case "*vertices":
				if len(f) < 2 {
					return fail("*Vertices without a count")
				}
				c, err := strconv.Atoi(f[1])
				if err != nil || c < 0 || c > maxVertices {
					return fail("*Vertices %q: want a count from 0 to %d", f[1], maxVertices)
				}
				if n > 0 {
					return fail("a second *Vertices: one network per file is read")
				}
				n = c
				labels = map[int]string{}
			case "*arcs", "*arcslist", "*matrix":
				arcsSeen = true
				row = 0
				if len(f) > 1 && strings.HasPrefix(f[1], ":") {
					relations++
				}
			case "*edges", "*edgeslist":
				edgesSeen = true
				if len(f) > 1 && strings.HasPrefix(f[1], ":") {
					relations++
				}
			case "*partition", "*vector", "*permutation", "*cluster", "*hierarchy":
				return fail("a Pajek %s, not a network: give the .net file (or the network section of the .paj project)", f[0])
			default:
				return fail("section %s: we read *Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist and *Matrix", f[0])
			}
			continue
		}
		if section == "" {
			// Text before the first section is a comment to Pajek and
			// igraph (data sets often open with a description).
			skipped++
			continue
		}
		if section == "*network" {
			return fail("%q before *Vertices", trunc(text))
		}
		f, err := fields(text)
		if err != nil {
			return fail("%v", err)
		}
		switch section {
		case "*vertices":
			v, err := vertex(f[0])
			if err != nil {
				return fail("%v", err)
			}
			if len(f) > 1 {
				labels[v] = f[1]
			}
		case "*arcs", "*edges":
			if len(f) < 2 {
				return fail("want two vertices and an optional weight, got %q", trunc(text))
			}
			u, err := vertex(f[0])
			if err != nil {
				return fail("%v", err)
			}
			v, err := vertex(f[1])
			if err != nil {
				return fail("%v", err)
			}
			w := 1.0
			if len(f) > 2 && o.Weight != "-" {
				if w, err = graphfile.ParseWeight(f[2]); err != nil {
					return raw, graphfile.Bad(name, line, "weight", err)
				}
			}
			arcs = append(arcs, arc{u, v, w, section == "*arcs", line})
		case "*arcslist", "*edgeslist":
			u, err := vertex(f[0])
			if err != nil {
				return fail("%v", err)
			}
			for _, t := range f[1:] {
				v, err := vertex(t)
				if err != nil {
					return fail("%v", err)
				}
				arcs = append(arcs, arc{u, v, 1, section == "*arcslist", line})
			}
		case "*matrix":
			row++
			if row > n || len(f) != n {
				return fail("matrix row %d of %d values; want %d rows of %d", row, len(f), n, n)
			}
			for j, t := range f {
				x, err := graphfile.ParseWeight(t)
				if err != nil {
					return raw, graphfile.Bad(name, line, fmt.Sprintf("column %d", j+1), err)
				}
				if x != 0 {
					arcs = append(arcs, arc{row, j + 1, x, true, line})
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("a line of more than %d bytes", maxLine)
		}
		line++
		return fail("%v", err)
	}
	if n == 0 && len(arcs) == 0 {
		return fail("no *Vertices found")
	}
	distinct := true
	seen := make(map[string]bool, n)
	for v := 1; v <= n; v++ {
		if labels[v] == "" || seen[labels[v]] {
			distinct = false
			break
		}
		seen[labels[v]] = true
	}
	names := make([]string, n+1)
	for v := 1; v <= n; v++ {
		names[v] = strconv.Itoa(v)
		if distinct {
			names[v] = labels[v]
		}
	}
	raw.Nodes = names[1:]
	if distinct {
		raw.Notices = append(raw.Notices, "vertices named by their labels (all distinct), as networkx reads Pajek")
	} else if n > 0 {
		raw.Notices = append(raw.Notices, "vertices named by their numbers (labels missing or repeated), as igraph reads Pajek")
	}
	for _, a := range arcs {
		raw.Arcs = append(raw.Arcs, graphfile.Arc{From: names[a.u], To: names[a.v], Weight: a.w, Directed: a.directed, Line: a.line})
	}
	raw.Directed = arcsSeen
	switch {
	case arcsSeen && edgesSeen:
		raw.DirectedBy = "*Arcs directed, *Edges undirected (a mixed network)"
	case edgesSeen:
		raw.DirectedBy = "*Edges: undirected"
	default:
		raw.DirectedBy = "*Arcs: directed"
	}
	raw.WeightBy = "the third number of each arc or edge line (1 where absent)"
	if o.Weight == "-" {
		raw.WeightBy = "none (--weight -): every edge weighs 1"
	}
	if skipped > 0 {
		raw.Notices = append(raw.Notices, fmt.Sprintf("%d lines before the first section skipped as a comment, as Pajek and igraph do", skipped))
	}
	if relations > 1 {
		raw.Notices = append(raw.Notices, fmt.Sprintf("%d relations (*Arcs :k) read as one network", relations))
	}
	return raw, nil
}

// fields splits a Pajek line on blanks, a "quoted label" being one field.
func fields(s string) ([]string, error) {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, errors.New("a label's closing quote is missing")
			}
			out = append(out, s[1:end+1])
			s = s[end+2:]
			continue
		}
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out, nil
}

func trunc(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
