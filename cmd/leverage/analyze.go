package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
)

type analyzeOptions struct {
	dataOptions
	windowOptions
	layer      string
	metric     string
	top        int
	seed       uint64
	format     string
	remove     string
	graph      string
	metrics    string
	repeat     int
	samples    int
	unweighted bool
}

func init() {
	register(verb{name: "analyze", summary: "hubs, communities, leverage patterns and dependencies of a layer", run: analyzeMain})
}

func analyzeMain(ctx context.Context, args []string, e env) error {
	var o analyzeOptions
	fs := newFlags("analyze", "", `Builds the chosen layer as a weighted directed graph and reports hub metrics
(degree, strength, PageRank, HITS, betweenness, closeness, harmonic, k-core,
components), Louvain communities with modularity, pattern matches, and the
nationalities that depend on a single receiving country. Layers: all,
approach, flow, money, leverage, onward. Metrics follow networkx's
definitions; see the README.`, e)
	o.dataOptions.register(fs)
	o.windowOptions.register(fs)
	fs.StringVar(&o.layer, "layer", "all", "`LAYER` to analyse")
	fs.StringVar(&o.metric, "by", "pagerank", "`METRIC` to rank hubs by: "+metricList())
	fs.IntVar(&o.top, "top", 10, "show the top `N` hubs (0: all)")
	fs.Uint64Var(&o.seed, "seed", 1, "Louvain seed")
	fs.IntVar(&o.repeat, "repeat", 1, "with --graph: run each algorithm N times and report its median time (for timing fast algorithms)")
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table or json (json lists every node)")
	fs.StringVar(&o.remove, "remove", "", "also report what changes if `COUNTRY` stops accepting (its incoming relationships removed)")
	fs.StringVar(&o.graph, "graph", "", "analyse a plain graph `FILE` instead: a CSV edge list (source,target[,weight]) or GraphML")
	fs.StringVar(&o.metrics, "metrics", "all", "with --graph: algorithms to run, comma-separated: "+strings.Join(graphMetrics, ", "))
	fs.BoolVar(&o.unweighted, "unweighted", false, "with --graph: ignore edge weights (every edge weighs 1)")
	fs.IntVar(&o.samples, "betweenness-samples", 0, "with --graph: estimate betweenness from `K` sampled sources (0: exact)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("analyze takes no arguments")
	}
	if err := checkFormat(o.format); err != nil {
		return err
	}
	if o.top < 0 {
		return usagef("--top must not be negative")
	}
	if o.graph != "" {
		return runAnalyzeGraph(ctx, o, e)
	}
	return runAnalyze(ctx, o, e)
}

func metricList() string {
	var s []string
	for _, m := range analysis.Metrics {
		s = append(s, string(m))
	}
	return strings.Join(s, ", ")
}

// analyzeReport is what analyze prints, as JSON or as tables.
type analyzeReport struct {
	Dataset      string                `json:"dataset"`
	Provenance   graphmodel.Provenance `json:"provenance"`
	Window       string                `json:"window"`
	Layer        analysis.Layer        `json:"layer"`
	RankedBy     analysis.Metric       `json:"ranked_by"`
	Nodes        int                   `json:"nodes"`
	Edges        int                   `json:"edges"`
	Hubs         []hubRow              `json:"hubs"`
	Communities  analysis.Communities  `json:"communities"`
	Patterns     []analysis.Match      `json:"patterns"`
	Dependencies []analysis.Dependency `json:"single_receiver_dependencies"`
	Removal      *analysis.HubRemoval  `json:"removal,omitempty"`
}

type hubRow struct {
	Rank int    `json:"rank"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	analysis.NodeMetrics
}

func runAnalyze(ctx context.Context, o analyzeOptions, e env) error {
	layer, err := analysis.ParseLayer(o.layer)
	if err != nil {
		return usagef("--layer: %v", err)
	}
	metric := analysis.Metric(o.by())
	if _, err := metric.Value(analysis.NodeMetrics{}); err != nil {
		return usagef("--by: %v", err)
	}
	w, err := o.window()
	if err != nil {
		return err
	}
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	g := analysis.View(d, layer, w)
	ranked, _ := analysis.Rank(analysis.Hubs(g), metric)
	rep := analyzeReport{Dataset: describe(d), Provenance: d.Provenance(), Window: windowLabel(w), Layer: layer, RankedBy: metric,
		Nodes: g.Len(), Edges: g.Edges(), Communities: analysis.Louvain(g, o.seed),
		Patterns: analysis.FindAll(d, w), Dependencies: analysis.SingleReceiverDependencies(d, w)}
	for i, m := range ranked {
		c, _ := d.Registry.Country(graphmodel.Code(m.Node))
		rep.Hubs = append(rep.Hubs, hubRow{Rank: i + 1, Name: d.Registry.Name(graphmodel.Code(m.Node)), Kind: string(c.Kind), NodeMetrics: m})
	}
	if o.remove != "" {
		code, err := resolveCountry(d, o.remove)
		if err != nil {
			return err
		}
		r, err := analysis.RemoveHub(d, code, layer, metric, w)
		if err != nil {
			return err
		}
		rep.Removal = &r
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if o.format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if o.top > 0 && len(rep.Hubs) > o.top {
		rep.Hubs = rep.Hubs[:o.top]
	}
	return writeAnalyzeTable(e.stdout, rep, d)
}

func (o analyzeOptions) by() string { return o.metric }

// resolveCountry accepts a code, name, alias or demonym.
func resolveCountry(d *graphmodel.Dataset, s string) (graphmodel.Code, error) {
	if c, ok := d.Registry.Resolve(s); ok {
		return c, nil
	}
	return "", usagef("unknown country %q (give an ISO code such as XK, or a name)", s)
}

func writeAnalyzeTable(w io.Writer, rep analyzeReport, d *graphmodel.Dataset) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "dataset: %s\nwindow: %s\nlayer: %s (%d nodes, %d edges), hubs ranked by %s\n\n",
		rep.Dataset, rep.Window, rep.Layer, rep.Nodes, rep.Edges, rep.RankedBy)
	fmt.Fprintf(tw, "rank\tcode\tname\tin\tout\tin_w\tout_w\tpagerank\tpr_w\thub\tauthority\tbetweenness\tcloseness\tharmonic\tcore\n")
	for _, h := range rep.Hubs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%g\t%g\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%d\n", h.Rank, h.Node, truncate(h.Name, 32),
			h.InDegree, h.OutDegree, h.InStrength, h.OutStrength, f6(h.PageRank), f6(h.PageRankWeighted), f6(h.Hub), f6(h.Authority),
			f6(h.Betweenness), f6(h.Closeness), h.Harmonic, h.Core)
	}
	fmt.Fprintf(tw, "\ncommunities (Louvain, seed %d): %d, modularity %.4f\n", rep.Communities.Seed, len(rep.Communities.Members), rep.Communities.Modularity)
	for i, m := range rep.Communities.Members {
		fmt.Fprintf(tw, "%d\t%s\n", i+1, strings.Join(m, " "))
	}
	fmt.Fprintf(tw, "\npatterns\tmatches\n")
	counts := map[string][]string{}
	for _, m := range rep.Patterns {
		counts[m.Pattern] = append(counts[m.Pattern], string(m.Country))
	}
	for _, p := range analysis.Patterns {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", p.Name, len(counts[p.Name]), strings.Join(counts[p.Name], " "))
	}
	fmt.Fprintf(tw, "\nnationalities received by a single third country\nnationality\treceiver\tpeople\n")
	for _, dep := range rep.Dependencies {
		fmt.Fprintf(tw, "%s %s\t%s %s\t%d\n", dep.Nationality, d.Registry.Name(dep.Nationality), dep.Receiver, d.Registry.Name(dep.Receiver), dep.People)
	}
	if r := rep.Removal; r != nil {
		fmt.Fprintf(tw, "\nif %s stops accepting (layer %s): reach %d -> %d; stranded nationalities: %v\n", r.Hub, r.Layer, r.ReachBefore, r.ReachAfter, r.Stranded)
		fmt.Fprintf(tw, "node\trank before\trank after\t%s after\n", r.Metric)
		for _, c := range r.RankChanges {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", c.Node, c.Before, c.After, f6(c.Value))
		}
	}
	return tw.Flush()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
