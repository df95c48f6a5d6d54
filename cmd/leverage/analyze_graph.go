package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/graphio"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/jsonsafe"
	"github.com/leverage-project/leverage/internal/safeio"
)

// graphMetrics are the algorithms --metrics can select.
var graphMetrics = []string{"degree", "pagerank", "hits", "betweenness", "closeness", "core", "components", "louvain", "leiden"}

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
	var g *analysis.Graph
	if strings.EqualFold(filepath.Ext(o.graph), ".graphml") {
		g, err = graphio.ReadGraphML(f, o.graph)
	} else {
		g, err = graphio.ReadEdgeList(f, o.graph)
	}
	if err != nil {
		return fmt.Errorf("%v (%w)", err, graphmodel.ErrInvalid)
	}
	if o.unweighted {
		el := g.EdgeList()
		names := make([]string, g.Len())
		for i := range names {
			names[i] = g.Name(i)
		}
		for i := range el {
			el[i].Weight = 1
		}
		g = analysis.NewGraph(names, el)
	}
	timings := []timing{{"read", time.Since(start).Seconds()}}
	n := g.Len()
	m := make([]analysis.NodeMetrics, n)
	for i := range m {
		m[i].Node = g.Name(i)
	}
	step := func(name string, fn func()) error {
		if !want[strings.TrimSuffix(name, "-weighted")] || name == "pagerank-weighted" && o.unweighted {
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
	var comm, leiden analysis.Communities
	steps := []struct {
		name string
		fn   func()
	}{
		{"degree", func() {
			od, id, os, is := analysis.Degrees(g)
			for i := range m {
				m[i].OutDegree, m[i].InDegree, m[i].OutStrength, m[i].InStrength = od[i], id[i], os[i], is[i]
			}
		}},
		// Plain and weighted PageRank are timed apart, so the "pagerank"
		// time compares with a peer's single run; with --unweighted the
		// weighted run would repeat the plain one and is skipped.
		{"pagerank", func() {
			pr := analysis.PageRank(g, analysis.PageRankDamping, false, 1e-10)
			for i := range m {
				m[i].PageRank = pr[i]
				if o.unweighted {
					m[i].PageRankWeighted = pr[i]
				}
			}
		}},
		{"pagerank-weighted", func() {
			prw := analysis.PageRank(g, analysis.PageRankDamping, true, 1e-10)
			for i := range m {
				m[i].PageRankWeighted = prw[i]
			}
		}},
		{"hits", func() {
			h, a, err := analysis.HITSContext(ctx, g, false, 1e-10)
			if err != nil {
				return
			}
			for i := range m {
				m[i].Hub, m[i].Authority = h[i], a[i]
			}
		}},
		{"betweenness", func() {
			var bc []float64
			var err error
			if o.samples > 0 {
				bc, err = analysis.BetweennessSampledContext(ctx, g, o.samples, o.seed)
			} else {
				bc, err = analysis.BetweennessContext(ctx, g)
			}
			if err != nil {
				return
			}
			for i := range m {
				m[i].Betweenness = bc[i]
			}
		}},
		{"closeness", func() {
			c, h, err := analysis.ClosenessContext(ctx, g)
			if err != nil {
				return
			}
			for i := range m {
				m[i].Closeness, m[i].Harmonic = c[i], h[i]
			}
		}},
		{"core", func() {
			c := analysis.CoreNumbers(g)
			for i := range m {
				m[i].Core = c[i]
			}
		}},
		{"components", func() {
			w, s := analysis.WeakComponents(g), analysis.StrongComponents(g)
			for i := range m {
				m[i].WeakComponent, m[i].StrongComponent = w[i], s[i]
			}
		}},
		{"louvain", func() { comm, _ = analysis.LouvainContext(ctx, g, o.seed) }},
		{"leiden", func() { leiden = analysis.Leiden(g, o.seed) }},
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
	ranked, err := analysis.Rank(m, analysis.Metric(o.metric))
	if err != nil {
		return usagef("--by: %v", err)
	}
	rep := struct {
		Graph       string                 `json:"graph"`
		Nodes       int                    `json:"nodes"`
		Edges       int                    `json:"edges"`
		Timings     []timing               `json:"timings_seconds"`
		Communities int                    `json:"communities"`
		Modularity  float64                `json:"modularity"`
		Leiden      int                    `json:"leiden_communities"`
		LeidenQ     float64                `json:"leiden_modularity"`
		Nodes_      []analysis.NodeMetrics `json:"metrics"`
	}{o.graph, n, g.Edges(), timings, len(comm.Members), comm.Modularity, len(leiden.Members), leiden.Modularity, ranked}
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, rep, "")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "graph: %s (%d nodes, %d edges)\n", o.graph, n, g.Edges())
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

type timing struct {
	Name    string  `json:"algorithm"`
	Seconds float64 `json:"seconds"`
}
