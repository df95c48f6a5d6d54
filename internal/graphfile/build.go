package graphfile

import (
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/analysis/network"
)

// Multi is the table of what --multi may say about parallel edges, with
// what each does; the CLI's usage text and Build read it.
var Multi = []struct{ Name, Does string }{
	{"sum", "one edge whose weight is the sum of theirs (unweighted metrics see one edge)"},
	{"first", "the first one in the file, later ones dropped"},
}

// Built says how Build turned a Raw into the kernels' graph: the reading
// choices that go into a report's provenance, and counts of everything it
// changed.
type Built struct {
	Format     string `json:"format"`
	Direction  string `json:"direction"` // directed, undirected or mixed, as read
	DirectedBy string `json:"direction_from"`
	WeightBy   string `json:"weights_from"`
	Multi      string `json:"parallel_edges"`
	Nodes      int    `json:"nodes"`
	EdgesRead  int    `json:"edges_in_file"`
	// UndirectedEdges became two arcs each (u→v and v→u, same weight).
	UndirectedEdges int `json:"undirected_edges"`
	// SelfLoops were dropped: every kernel here is defined on loop-free
	// graphs (as networkx's core_number requires).
	SelfLoops int `json:"self_loops_dropped"`
	// Parallel counts arcs that met an earlier arc between the same
	// ordered pair and were merged per Multi.
	Parallel     int      `json:"parallel_arcs_merged"`
	Undeclared   []string `json:"undeclared_endpoints,omitempty"`
	Notices      []string `json:"notices"`
	Placeholders []string `json:"placeholders,omitempty"`
}

// Build turns what a parser read into the simple directed graph the
// kernels run on: an undirected edge becomes two arcs of its weight (so
// PageRank, betweenness and closeness are those of the undirected graph,
// as networkx computes them on a Graph), self-loops are dropped and
// parallel arcs merged per o.Multi, each change counted and announced in
// a notice; nothing is dropped without one.
func Build(raw Raw, o Options) (*network.Graph, Built, error) {
	b := Built{Format: raw.Format, DirectedBy: raw.DirectedBy, WeightBy: raw.WeightBy, EdgesRead: len(raw.Arcs)}
	b.Notices = append([]string{}, raw.Notices...)
	multi := o.Multi
	if multi == "" {
		multi = "sum"
	}
	known := false
	for _, m := range Multi {
		known = known || m.Name == multi
	}
	if !known {
		return nil, b, fmt.Errorf("parallel edges %q: want sum or first", multi)
	}
	b.Multi = multi
	switch o.Direction {
	case "":
	case "directed", "undirected":
		b.DirectedBy = "--" + o.Direction + " (the file says: " + raw.DirectedBy + ")"
	default:
		return nil, b, fmt.Errorf("direction %q: want directed or undirected", o.Direction)
	}
	type pair struct{ u, v string }
	at := make(map[pair]int, len(raw.Arcs))
	arcs := make([]network.Edge, 0, len(raw.Arcs))
	add := func(u, v string, w float64) {
		if k, ok := at[pair{u, v}]; ok {
			b.Parallel++
			if multi == "sum" {
				arcs[k].Weight += w
			}
			return
		}
		at[pair{u, v}] = len(arcs)
		arcs = append(arcs, network.Edge{From: u, To: v, Weight: w})
	}
	// The file's weights must sum to a number the analysis can add up
	// without overflow (see MaxWeight): checked in file order, so the
	// message names the edge that passed the bound.
	var total Sum
	for _, a := range raw.Arcs {
		if err := total.Add(a.Weight); err != nil {
			return nil, b, Bad(raw.Name, a.Line, "weight", err)
		}
	}
	directed, undirected := 0, 0
	var loopNodes []string
	for _, a := range raw.Arcs {
		d := a.Directed
		switch o.Direction {
		case "directed":
			d = true
		case "undirected":
			d = false
		}
		if d {
			directed++
		} else {
			undirected++
		}
		if a.From == a.To {
			// The loop goes, its node stays (networkx keeps it too).
			b.SelfLoops++
			loopNodes = append(loopNodes, a.From)
			continue
		}
		add(a.From, a.To, a.Weight)
		if !d {
			add(a.To, a.From, a.Weight)
		}
	}
	b.UndirectedEdges = undirected
	switch {
	case undirected == 0 && (directed > 0 || raw.Directed && o.Direction != "undirected" || o.Direction == "directed"):
		b.Direction = "directed"
	case directed == 0:
		b.Direction = "undirected"
	default:
		b.Direction = "mixed"
	}
	declared := make(map[string]bool, len(raw.Nodes))
	for _, n := range raw.Nodes {
		declared[n] = true
	}
	if len(raw.Nodes) > 0 {
		for _, a := range raw.Arcs {
			for _, end := range [2]string{a.From, a.To} {
				if !declared[end] {
					declared[end] = true
					b.Undeclared = append(b.Undeclared, end)
				}
			}
		}
	}
	g := network.NewGraph(append(raw.Nodes[:len(raw.Nodes):len(raw.Nodes)], loopNodes...), arcs)
	if len(raw.Placeholders) > 0 {
		g = g.WithPlaceholders(raw.Placeholders)
		b.Placeholders = raw.Placeholders
	}
	b.Nodes = g.Len()
	b.Notices = append(b.Notices, b.changes()...)
	return g, b, nil
}

// changes are the notices for what Build did beyond reading.
func (b Built) changes() []string {
	var out []string
	if b.UndirectedEdges > 0 {
		out = append(out, fmt.Sprintf("%d undirected edges read as two arcs each (u→v and v→u, same weight)", b.UndirectedEdges))
	}
	if b.SelfLoops > 0 {
		out = append(out, fmt.Sprintf("%d self-loops dropped: the kernels run on loop-free graphs", b.SelfLoops))
	}
	if b.Parallel > 0 {
		what := "summed into one arc each (weights added; unweighted metrics count one arc)"
		if b.Multi == "first" {
			what = "dropped, the first arc of each pair kept (--multi first)"
		}
		out = append(out, fmt.Sprintf("%d parallel arcs %s", b.Parallel, what))
	}
	if len(b.Undeclared) > 0 {
		shown := b.Undeclared[:min(5, len(b.Undeclared))]
		out = append(out, fmt.Sprintf("%d edge endpoints are not declared as nodes and were added: %s", len(b.Undeclared), strings.Join(shown, ", ")))
	}
	if len(b.Placeholders) > 0 {
		out = append(out, fmt.Sprintf("%d placeholder nodes (placeholder=true) kept in strengths only: %s", len(b.Placeholders), strings.Join(b.Placeholders, ", ")))
	}
	return out
}
