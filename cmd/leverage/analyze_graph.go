package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/exports/graphread"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/jsonsafe"
	"github.com/leverage-project/leverage/internal/safeio"
)

// graphMetrics are the algorithms --metrics can select.
var graphMetrics = []string{"degree", "pagerank", "hits", "betweenness", "closeness", "core", "components", "louvain", "leiden"}

// runAnalyzeGraph computes what analyze computes for a layer (network.Hubs
// and Louvain with the same settings, placeholders marked in the file kept
// in strengths only), algorithm by algorithm so each can be timed: on our
// own `export --layer L` file it reproduces `analyze --layer L` exactly.

// runAnalyzeGraph runs the hub and community algorithms on a plain graph
// file and reports each algorithm's wall time, so the same metrics (and
// their cost) can be had for networks that are not leverage datasets.
func runAnalyzeGraph(ctx context.Context, o analyzeOptions, e env) error {
	want := map[string]bool{}
	for _, m := range strings.Split(o.metrics, ",") {
		m = strings.TrimSpace(m)
		if m == "all" {
			for _, x := range graphMetrics {
				want[x] = true
			}
			continue
		}
		ok := false
		for _, x := range graphMetrics {
			ok = ok || x == m
		}
		if !ok {
			return usagef("--metrics: unknown %q (%s, or all)", m, strings.Join(graphMetrics, ", "))
		}
		want[m] = true
	}
	f, err := safeio.Open(o.graph)
	if err != nil {
		return err
	}
	defer f.Close()
	start := time.Now()
	g, info, err := graphread.Read(f, o.graph, o.read.options())
	if err != nil {
		return fmt.Errorf("%v (%w)", err, graphmodel.ErrInvalid)
	}
	notices := info.Notices
	if o.unweighted {
		el := g.EdgeList()
		names := make([]string, g.Len())
		for i := range names {
			names[i] = g.Name(i)
		}
		for i := range el {
			el[i].Weight = 1
		}
		g = network.NewGraph(names, el).WithPlaceholders(g.Placeholders())
	}
	if o.withPlaceholders {
		g = g.WithPlaceholders(nil)
	}
	// Strengths sum every edge; everything else runs on the graph without
	// placeholders, as network.Hubs does.
	sg := g.Structural()
	prTol, hitsTol := network.PageRankTol, network.HITSTol
	if o.tolerance > 0 {
		prTol, hitsTol = o.tolerance, o.tolerance
	}
	timings := []timing{{"read", time.Since(start).Seconds()}}
	n := g.Len()
	m := make([]network.NodeMetrics, n)
	at := make([]int, sg.Len()) // structural index -> index in g
	for i := range m {
		m[i].Node = g.Name(i)
		m[i].Placeholder = g.Placeholder(i)
		if j, ok := sg.Index(g.Name(i)); ok && !m[i].Placeholder {
			at[j] = i
		}
	}
	step := func(name string, fn func()) error {
		if !want[strings.TrimSuffix(name, "-weighted")] || strings.HasSuffix(name, "-weighted") && o.unweighted {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		var took []float64
		e.progress.Start(name, 0)
		defer e.progress.Done()
		for r := 0; r < max(1, o.repeat); r++ {
			t0 := time.Now()
			fn()
			took = append(took, time.Since(t0).Seconds())
		}
		slices.Sort(took)
		timings = append(timings, timing{name, took[len(took)/2]})
		return nil
	}
	var comm, leiden network.Communities
	steps := []struct {
		name string
		fn   func()
	}{
		{"degree", func() {
			_, _, os, is := network.Degrees(g)
			for i := range m {
				m[i].OutStrength, m[i].InStrength = os[i], is[i]
			}
			od, id, _, _ := network.Degrees(sg)
			for j, i := range at {
				m[i].OutDegree, m[i].InDegree = od[j], id[j]
			}
		}},
		// Plain and weighted PageRank (and HITS) are timed apart, so the
		// plain time compares with a peer's single run; with --unweighted
		// the weighted run would repeat the plain one and is skipped.
		{"pagerank", func() {
			pr := network.PageRank(sg, network.PageRankDamping, false, prTol)
			for j, i := range at {
				m[i].PageRank = pr[j]
				if o.unweighted {
					m[i].PageRankWeighted = pr[j]
				}
			}
		}},
		{"pagerank-weighted", func() {
			prw := network.PageRank(sg, network.PageRankDamping, true, prTol)
			for j, i := range at {
				m[i].PageRankWeighted = prw[j]
			}
		}},
		{"hits", func() {
			h, a, err := network.HITSContext(ctx, sg, false, hitsTol)
			if err != nil {
				return
			}
			for j, i := range at {
				m[i].Hub, m[i].Authority = h[j], a[j]
				if o.unweighted {
					m[i].HubWeighted, m[i].AuthorityWeighted = h[j], a[j]
				}
			}
		}},
		{"hits-weighted", func() {
			h, a, err := network.HITSContext(ctx, sg, true, hitsTol)
			if err != nil {
				return
			}
			for j, i := range at {
				m[i].HubWeighted, m[i].AuthorityWeighted = h[j], a[j]
			}
		}},
		{"betweenness", func() {
			var bc []float64
			var err error
			if o.samples > 0 {
				bc, err = network.BetweennessSampledContext(ctx, sg, o.samples, o.seed)
			} else {
				bc, err = network.BetweennessContext(ctx, sg)
			}
			if err != nil {
				return
			}
			for j, i := range at {
				m[i].Betweenness = bc[j]
			}
		}},
		{"closeness", func() {
			c, h, err := network.ClosenessContext(ctx, sg)
			if err != nil {
				return
			}
			for j, i := range at {
				m[i].Closeness, m[i].Harmonic = c[j], h[j]
			}
		}},
		{"core", func() {
			c := network.CoreNumbers(sg)
			for j, i := range at {
				m[i].Core = c[j]
			}
		}},
		{"components", func() {
			w, s := network.WeakComponents(sg), network.StrongComponents(sg)
			for j, i := range at {
				m[i].WeakComponent, m[i].StrongComponent = w[j], s[j]
			}
		}},
		{"louvain", func() { comm, _ = network.LouvainContext(ctx, g, o.seed) }},
		{"leiden", func() { leiden = network.Leiden(g, o.seed) }},
	}
	for _, s := range steps {
		if err := step(s.name, s.fn); err != nil {
			return err
		}
	}
	// A kernel stopped by Ctrl-C leaves its metric unset; say so, not zeros.
	if err := ctx.Err(); err != nil {
		return err
	}
	ranked, err := network.Rank(m, network.Metric(o.metric))
	if err != nil {
		return usagef("--by: %v", err)
	}
	var placeholders []network.NodeMetrics
	for _, x := range m {
		if x.Placeholder {
			placeholders = append(placeholders, x)
		}
	}
	rep := struct {
		Graph              string                `json:"graph"`
		Nodes              int                   `json:"nodes"`
		EdgesDistinctPairs int                   `json:"edges_distinct_pairs"`
		Notices            []string              `json:"notices"`
		Read               graphread.Info        `json:"read"`
		PageRankTol        float64               `json:"pagerank_tolerance"`
		HITSTol            float64               `json:"hits_tolerance"`
		Timings            []timing              `json:"timings_seconds"`
		Communities        int                   `json:"communities"`
		Modularity         float64               `json:"modularity"`
		Members            [][]string            `json:"community_members"`
		LouvainRun         communityRun          `json:"louvain_settings"`
		LeidenRun          communityRun          `json:"leiden_settings"`
		Leiden             int                   `json:"leiden_communities"`
		LeidenQ            float64               `json:"leiden_modularity"`
		Nodes_             []network.NodeMetrics `json:"metrics"`
		Placeholders       []network.NodeMetrics `json:"placeholder_nodes"`
	}{o.graph, sg.Len(), sg.Edges(), notices, info, prTol, hitsTol, timings, len(comm.Members), comm.Modularity, comm.Members,
		runOf(comm), runOf(leiden), len(leiden.Members), leiden.Modularity, ranked, placeholders}
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, rep, "")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "graph: %s (%d nodes, %d distinct directed pairs, placeholders left out)\n", o.graph, sg.Len(), sg.Edges())
	fmt.Fprintf(tw, "read as: %s, %s (%s); weights: %s; sha256 %s\n", info.Format, info.Direction, info.DirectedBy, info.WeightBy, info.SHA256)
	for _, s := range notices {
		fmt.Fprintf(tw, "note: %s\n", s)
	}
	for _, t := range timings {
		fmt.Fprintf(tw, "%s\t%.3f s\n", t.Name, t.Seconds)
	}
	if want["louvain"] {
		fmt.Fprintf(tw, "communities\t%d (modularity %.4f)\n", len(comm.Members), comm.Modularity)
	}
	if want["leiden"] {
		fmt.Fprintf(tw, "leiden communities\t%d (modularity %.4f)\n", len(leiden.Members), leiden.Modularity)
	}
	fmt.Fprintf(tw, "\nrank\tnode\tin\tout\tpagerank\thub\tauthority\tbetweenness\tcloseness\tcore\n")
	for i, x := range ranked {
		if o.top > 0 && i >= o.top {
			break
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d\n", i+1, x.Node, x.InDegree, x.OutDegree, f6(x.PageRank), f6(x.Hub), f6(x.Authority), f6(x.Betweenness), f6(x.Closeness), x.Core)
	}
	return tw.Flush()
}

// communityRun is how a community method ran: its seeds, resolution and
// the size of the undirected graph.
type communityRun struct {
	Seeds      []uint64 `json:"seeds"`
	Resolution float64  `json:"resolution"`
	Nodes      int      `json:"nodes"`
	Edges      int      `json:"undirected_edges"`
}

func runOf(c network.Communities) communityRun {
	return communityRun{c.Seeds, c.Resolution, c.Nodes, c.Edges}
}

type timing struct {
	Name    string  `json:"algorithm"`
	Seconds float64 `json:"seconds"`
}
