package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

type analyzeOptions struct {
	dataOptions
	windowOptions
	layer            string
	metric           string
	top              int
	seed             uint64
	format           string
	remove           string
	graph            string
	metrics          string
	repeat           int
	samples          int
	unweighted       bool
	withPlaceholders bool
	tolerance        float64
	stabilitySeeds   int
	nullSamples      int
	write            bool // --write: see analyze_write.go
}

func analyzeMain(ctx context.Context, args []string, e env) error {
	var o analyzeOptions
	fs := newFlags("analyze", "", `Builds the chosen layer as a weighted simple directed graph and reports hub
metrics (degree, strength, PageRank and HITS unweighted and weighted,
betweenness, closeness, harmonic, k-core, components), Louvain communities
with modularity and their stability (mean pairwise NMI over seeded runs,
modularity of degree-preserving randomisations), pattern matches, and the
nationalities that depend on a single receiving country. Layers: all,
approach, flow, money, leverage, onward. Placeholder actors (unspecified
nationalities, unnamed groups) keep their people in strengths but are not
ranked, not path nodes and not community members unless
--include-placeholders. Metrics follow networkx's definitions; --format json
records each metric's settings and convergence. See the README.`, e)
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
	fs.Float64Var(&o.tolerance, "tolerance", 0, "with --graph: PageRank and HITS tolerance (0: analyze's own, 1e-12)")
	fs.IntVar(&o.samples, "betweenness-samples", 0, "with --graph: estimate betweenness from `K` sampled sources (0: exact)")
	fs.IntVar(&o.stabilitySeeds, "stability-runs", network.StabilityRuns, "community stability: compare the partitions of `N` seeded Louvain runs (mean pairwise NMI)")
	fs.IntVar(&o.nullSamples, "null-samples", network.StabilityNullSamples, "community stability: modularity of `N` degree-preserving randomisations of the layer")
	fs.BoolVar(&o.withPlaceholders, "include-placeholders", false, "treat placeholder actors (unspecified nationalities ZZ, unnamed groups GRP_…) as ordinary nodes: ranked, in paths, communities and dependencies")
	fs.BoolVar(&o.write, "write", false, "with --neo4j: write every layer's node metrics and communities into the graph as <metric>_<layer>, with an (:Analysis) node")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("analyze takes no arguments")
	}
	if o.write {
		return runAnalyzeWrite(ctx, o, e)
	}
	if err := checkFormat(o.format); err != nil {
		return err
	}
	if o.top < 0 {
		return usagef("--top must not be negative")
	}
	if err := checkAnalyzeFlags(fs, o); err != nil {
		return err
	}
	if o.stabilitySeeds < 1 || o.nullSamples < 0 {
		return usagef("--stability-runs must be at least 1 and --null-samples not negative")
	}
	if o.graph != "" {
		return runAnalyzeGraph(ctx, o, e)
	}
	return runAnalyze(ctx, o, e)
}

func metricList() string {
	var s []string
	for _, m := range network.Metrics {
		s = append(s, string(m))
	}
	return strings.Join(s, ", ")
}

// analyzeReport is what analyze prints, as JSON or as tables.
type analyzeReport struct {
	Dataset    string                `json:"dataset"`
	Provenance graphmodel.Provenance `json:"provenance"`
	Window     string                `json:"window"`
	Layer      analysis.Layer        `json:"layer"`
	RankedBy   network.Metric        `json:"ranked_by"`
	// Placeholders is "excluded" (the default) or "included".
	Placeholders string `json:"placeholders"`
	// Nodes and EdgesDistinctPairs are the size of the simple directed
	// graph paths run on (placeholders left out unless included);
	// Relationships counts the layer's relationships that made the graph
	// (one claim per event, no planned reception, own-citizen returns
	// included before the graph drops them).
	Nodes              int                   `json:"nodes"`
	EdgesDistinctPairs int                   `json:"edges_distinct_pairs"`
	Relationships      int                   `json:"relationships_counted"`
	Metrics            []network.MetricRun   `json:"metric_settings"`
	Hubs               []hubRow              `json:"hubs"`
	PlaceholderNodes   []hubRow              `json:"placeholder_nodes"`
	Communities        network.Communities   `json:"communities"`
	Stability          network.Stability     `json:"community_stability"`
	Patterns           []analysis.Match      `json:"patterns"`
	Dependencies       []analysis.Dependency `json:"single_receiver_dependencies"`
	Removal            *analysis.HubRemoval  `json:"removal,omitempty"`
}

type hubRow struct {
	Rank int    `json:"rank"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	network.NodeMetrics
}

func runAnalyze(ctx context.Context, o analyzeOptions, e env) error {
	layer, err := analysis.ParseLayer(o.layer)
	if err != nil {
		return usagef("--layer: %v", err)
	}
	metric := network.Metric(o.by())
	if _, err := metric.Value(network.NodeMetrics{}); err != nil {
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
	res := analysis.NewResults(d, w, analysis.Options{IncludePlaceholders: o.withPlaceholders}, o.seed)
	lr := res.Layer(layer)
	sg := lr.Graph.Structural()
	ranked, _ := lr.Ranked(metric)
	stability, err := lr.Stability(ctx, o.stabilitySeeds, o.nullSamples)
	if err != nil {
		return err
	}
	rep := analyzeReport{Dataset: describe(d), Provenance: d.Provenance(), Window: windowLabel(w), Layer: layer, RankedBy: metric,
		Placeholders: "excluded", Nodes: sg.Len(), EdgesDistinctPairs: sg.Edges(),
		Relationships: len(analysis.LayerRelationships(d, layer, w)), Metrics: lr.Runs, Communities: lr.Communities(),
		Stability: stability, Patterns: res.Patterns(), Dependencies: res.Dependencies()}
	if o.withPlaceholders {
		rep.Placeholders = "included"
	}
	row := func(rank int, m network.NodeMetrics) hubRow {
		c, _ := d.Registry.Country(graphmodel.Code(m.Node))
		return hubRow{Rank: rank, Name: d.Registry.Name(graphmodel.Code(m.Node)), Kind: string(c.Kind), NodeMetrics: m}
	}
	for i, m := range ranked {
		rep.Hubs = append(rep.Hubs, row(i+1, m))
	}
	for _, m := range lr.Hubs {
		if m.Placeholder {
			rep.PlaceholderNodes = append(rep.PlaceholderNodes, row(0, m))
		}
	}
	if o.remove != "" {
		code, err := resolveCountry(d, o.remove)
		if err != nil {
			return err
		}
		r, err := res.RemoveHub(code, layer, metric)
		if err != nil {
			return err
		}
		rep.Removal = &r
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, rep, "  ")
	}
	if o.top > 0 && len(rep.Hubs) > o.top {
		rep.Hubs = rep.Hubs[:o.top]
	}
	return writeAnalyzeTable(e.stdout, rep, d)
}

func (o analyzeOptions) by() string { return o.metric }

func writeAnalyzeTable(w io.Writer, rep analyzeReport, d *graphmodel.Dataset) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "dataset: %s\nwindow: %s\nlayer: %s: %d relationships counted, a graph of %d nodes and %d distinct directed pairs; placeholders %s; hubs ranked by %s\n",
		rep.Dataset, rep.Window, rep.Layer, rep.Relationships, rep.Nodes, rep.EdgesDistinctPairs, rep.Placeholders, rep.RankedBy)
	if len(rep.PlaceholderNodes) > 0 {
		var ps []string
		for _, p := range rep.PlaceholderNodes {
			ps = append(ps, fmt.Sprintf("%s (in %g, out %g)", p.Node, p.InStrength, p.OutStrength))
		}
		fmt.Fprintf(tw, "placeholders kept in strengths only, not in paths, rankings or communities (--include-placeholders to change): %s\n", strings.Join(ps, ", "))
	}
	fmt.Fprintf(tw, "metric settings: PageRank damping %g, tolerance %g; HITS tolerance %g; paths in hops; --format json records each metric's definition and convergence\n\n",
		network.PageRankDamping, network.PageRankTol, network.HITSTol)
	fmt.Fprintf(tw, "rank\tcode\tname\tin\tout\tin_w\tout_w\tpagerank\tpr_w\thub\tauthority\thub_w\tauth_w\tbetweenness\tcloseness\tharmonic\tcore\n")
	for _, h := range rep.Hubs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%g\t%g\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%d\n", h.Rank, h.Node, truncate(h.Name, 32),
			h.InDegree, h.OutDegree, h.InStrength, h.OutStrength, f6(h.PageRank), f6(h.PageRankWeighted), f6(h.Hub), f6(h.Authority),
			f6(h.HubWeighted), f6(h.AuthorityWeighted), f6(h.Betweenness), f6(h.Closeness), h.Harmonic, h.Core)
	}
	c := rep.Communities
	fmt.Fprintf(tw, "\ncommunities (Louvain, best of %d seeded runs from seed %d, resolution %g, on %d nodes and %d undirected edges): %d, modularity %.4f\n",
		len(c.Seeds), c.Seed, c.Resolution, c.Nodes, c.Edges, len(c.Members), c.Modularity)
	st := rep.Stability
	fmt.Fprintf(tw, "stability: mean pairwise NMI %.3f (least %.3f) over %d seeded runs; modularity of %d degree-preserving randomisations %.4f ± %.4f (z %.1f): %s\n",
		st.MeanNMI, st.MinNMI, len(st.Seeds), st.NullSamples, st.NullMean, st.NullSD, st.Z, stabilityVerdict(st))
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
		fmt.Fprintf(tw, "%s %s\t%s %s\t%s\n", dep.Nationality, d.Registry.Name(dep.Nationality), dep.Receiver, d.Registry.Name(dep.Receiver), atLeast(dep.People, dep.UnknownSize))
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

// stabilityVerdict says in words what the stability figures support. The
// thresholds are rules of thumb, stated so a reader can disagree: NMI 0.8
// and two null standard deviations.
func stabilityVerdict(st network.Stability) string {
	stable := st.MeanNMI >= 0.8
	above := st.NullSD > 0 && st.Z >= 2 || st.NullSD == 0 && st.Observed > st.NullMean
	switch {
	case st.NullSamples == 0:
		return "no null model run"
	case st.Observed == 0:
		return "no community structure (modularity 0)"
	case st.NullSD == 0 && st.Observed == st.NullMean:
		return "too small to randomise: every graph with these degrees gives this modularity"
	case stable && above:
		return "stable and above random graphs of the same degrees"
	case above:
		return "above random graphs, but the partition changes with the seed: read single memberships with care"
	case stable:
		return "stable, but no more modular than random graphs of the same degrees"
	}
	return "neither stable nor above random graphs: do not read these as communities"
}
