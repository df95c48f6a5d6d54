package main

import (
	"context"
	"fmt"
	"io"
	"math"
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
	communityRuns    int
	leidenIterations int
	samples          int
	unweighted       bool
	withPlaceholders bool
	tolerance        float64
	damping          float64
	resolution       float64
	modularity       string
	stabilitySeeds   int
	nullSamples      int
	maxNullSamples   int
	write            bool   // --write: see analyze_write.go
	bundle           string // --bundle: see bundle.go
	sensitivity      bool
	analysisName     string // --write: the (:Analysis) name
	replaceAnalysis  string
	read             graphReadOptions
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
	fs.IntVar(&o.communityRuns, "community-runs", 0, "with --graph: Louvain and Leiden keep the best of `N` seeded runs (0: analyze's rule, 10 on graphs under 20,000 edges, else 1; 1 to time one run against another library's)")
	fs.IntVar(&o.leidenIterations, "leiden-iterations", 0, "with --graph: Leiden iterations per run, each starting from the last one's partition (0: until modularity stops rising; igraph's n_iterations, NetworKit's iterations, which defaults to 3)")
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table or json (json lists every node)")
	fs.StringVar(&o.remove, "remove", "", "also report what changes if `COUNTRY` stops accepting (its incoming relationships removed)")
	fs.StringVar(&o.graph, "graph", "", "analyse a graph `FILE` instead, any tool's: "+graphFormats()+" (CSV, TSV, NCOL; told apart by content, gzip too)")
	o.read.register(fs)
	fs.StringVar(&o.metrics, "metrics", "all", "with --graph: algorithms to run, comma-separated: "+strings.Join(graphMetrics, ", "))
	fs.BoolVar(&o.unweighted, "unweighted", false, "with --graph: ignore edge weights (every edge weighs 1)")
	fs.Float64Var(&o.tolerance, "tolerance", 0, "PageRank and HITS `tolerance` (0: analyze's own, 1e-12)")
	fs.Float64Var(&o.resolution, "resolution", 1, "Louvain's modularity resolution `γ` (1: Newman's modularity; above 1 smaller communities, below 1 larger)")
	fs.StringVar(&o.modularity, "modularity", "undirected", "`KIND` of modularity Louvain maximises: undirected (Newman, on w(u,v)+w(v,u)) or directed (Leicht–Newman)")
	fs.Float64Var(&o.damping, "damping", network.PageRankDamping, "PageRank damping `factor` (networkx's default 0.85), in (0, 1)")
	fs.IntVar(&o.samples, "betweenness-samples", 0, "with --graph: estimate betweenness from `K` sampled sources (0: exact)")
	fs.IntVar(&o.stabilitySeeds, "stability-runs", network.StabilityRuns, "community stability: compare the partitions of `N` seeded Louvain runs (mean pairwise NMI)")
	fs.IntVar(&o.nullSamples, "null-samples", network.StabilityNullSamples, "community stability: at least `N` randomisations of the layer keeping each relationship type's in- and out-degrees (0: no significance test)")
	fs.IntVar(&o.maxNullSamples, "max-null-samples", network.StabilityMaxNullSamples, "community stability: draw batches of --null-samples more, up to `N`, while a p-value's interval contains α")
	fs.BoolVar(&o.withPlaceholders, "include-placeholders", false, "treat placeholder actors (unspecified nationalities ZZ, unnamed groups GRP_…) as ordinary nodes: ranked, in paths, communities and dependencies")
	fs.StringVar(&o.analysisName, "analysis", "", "with --write: name the (:Analysis) `NAME`, so analyses of other windows or settings stay beside it (default: the unnamed analysis, rewritten each time)")
	fs.StringVar(&o.replaceAnalysis, "replace-analysis", "", "with --write: overwrite the analysis called `NAME`")
	fs.BoolVar(&o.sensitivity, "sensitivity", false, "also report how the top hubs (by --by), the communities and the pattern matches change across every reading of the data (each alternative account of an event, numbers at the ends of their qualifiers) and when each independent account is left out")
	fs.StringVar(&o.bundle, "bundle", "", "write the analysis (JSON and table) with a manifest of dataset hash, window, settings, seeds, version and input hashes into `DIR`; leverage verify DIR recomputes it")
	fs.BoolVar(&o.write, "write", false, "with --neo4j: write every layer's node metrics and communities into the graph as <metric>_<layer>, with an (:Analysis) node")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("analyze takes no arguments")
	}
	if !(o.damping > 0 && o.damping < 1) || o.tolerance < 0 || math.IsNaN(o.tolerance) || !(o.resolution > 0) || math.IsInf(o.resolution, 0) {
		return usagef("--damping must lie strictly between 0 and 1, --tolerance must not be negative and --resolution must be positive")
	}
	if o.modularity != "undirected" && o.modularity != "directed" {
		return usagef("--modularity must be undirected or directed, not %q", o.modularity)
	}
	if !o.write && (o.analysisName != "" || o.replaceAnalysis != "") {
		return usagef("--analysis and --replace-analysis name what --write writes: give --neo4j --write")
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
	if o.stabilitySeeds < 1 || o.nullSamples < 0 || o.maxNullSamples < o.nullSamples {
		return usagef("--stability-runs must be at least 1, --null-samples not negative and --max-null-samples not below --null-samples")
	}
	if o.bundle != "" {
		return runAnalyzeBundle(ctx, o, fs, e)
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
	networkReport
	// Relationships counts the layer's relationships that made the graph
	// (one claim per event, no planned reception, own-citizen returns
	// included before the graph drops them).
	Relationships int `json:"relationships_counted"`
	// UnknownWeight counts those of them whose size no source gives
	// (analysis.LayerResult.UnknownWeight), WeightNote says what that does.
	UnknownWeight int                   `json:"relationships_of_unknown_weight"`
	WeightNote    string                `json:"weight_note,omitempty"`
	Stability     network.Stability     `json:"community_stability"`
	Patterns      []analysis.Match      `json:"patterns"`
	Dependencies  []analysis.Dependency `json:"single_receiver_dependencies"`
	Removal       *analysis.HubRemoval  `json:"removal,omitempty"`
	Sensitivity   *analysis.Sensitivity `json:"sensitivity,omitempty"`
	// Roles is the hub answer by role (pressers, receivers, brokers),
	// each ranked by its own measure; Hubs is every metric, ranked by
	// RankedBy.
	Roles analysis.Roles `json:"roles"`
}

// networkReport is what analyze reports of any network, a dataset's layer
// or a graph file (analyze --graph), under the same keys, so one reader
// of the JSON reads both.
type networkReport struct {
	RankedBy network.Metric `json:"ranked_by"`
	// Placeholders is "excluded" (the default) or "included".
	Placeholders string `json:"placeholders"`
	// Nodes and EdgesDistinctPairs are the size of the simple directed
	// graph paths run on (placeholders left out unless included).
	Nodes              int                 `json:"nodes"`
	EdgesDistinctPairs int                 `json:"edges_distinct_pairs"`
	Metrics            []network.MetricRun `json:"metric_settings"`
	Hubs               []hubRow            `json:"hubs"`
	PlaceholderNodes   []hubRow            `json:"placeholder_nodes"`
	Communities        network.Communities `json:"communities"`
}

type hubRow struct {
	Rank int    `json:"rank"`
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"` // a country's kind; none in a graph file
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
	res.Settings = o.settings()
	lr := res.Layer(layer)
	sg := lr.Graph.Structural()
	ranked, _ := lr.Ranked(metric)
	stability, err := lr.Stability(ctx, network.StabilityOptions{Runs: o.stabilitySeeds, NullSamples: o.nullSamples,
		MaxNullSamples: o.maxNullSamples, NoNull: o.nullSamples == 0})
	if err != nil {
		return err
	}
	window := ""
	if !w.IsOpen() {
		window = w.String()
	}
	prov := d.SubsetProvenance(analysis.LayerRelationships(d, layer, w), window, "relationships of layer "+string(layer))
	rep := analyzeReport{Dataset: describe(d), Provenance: prov, Window: windowLabel(w), Layer: layer,
		networkReport: networkReport{RankedBy: metric, Placeholders: "excluded", Nodes: sg.Len(), EdgesDistinctPairs: sg.Edges(),
			Metrics: lr.Runs, Communities: lr.Communities()},
		Relationships: len(analysis.LayerRelationships(d, layer, w)), UnknownWeight: lr.UnknownWeight, WeightNote: lr.WeightNote(),
		Stability: stability, Patterns: res.Patterns(), Dependencies: res.Dependencies(), Roles: analysis.RolesOf(d, w, 5)}
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
	if o.sensitivity {
		top := o.top
		if top == 0 {
			top = 10
		}
		s, err := analysis.SensitivityOf(d, layer, metric, top, w, o.seed)
		if err != nil {
			return err
		}
		rep.Sensitivity = &s
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
	fmt.Fprintf(tw, "dataset: %s\nwindow: %s\nlayer: %s: %d relationships counted (subset sha256:%s), a graph of %d nodes and %d distinct directed pairs; placeholders %s; hubs ranked by %s\n",
		rep.Dataset, rep.Window, rep.Layer, rep.Relationships, rep.Provenance.SubsetHash, rep.Nodes, rep.EdgesDistinctPairs, rep.Placeholders, rep.RankedBy)
	if len(rep.PlaceholderNodes) > 0 {
		var ps []string
		for _, p := range rep.PlaceholderNodes {
			ps = append(ps, fmt.Sprintf("%s (in %g, out %g)", p.Node, p.InStrength, p.OutStrength))
		}
		fmt.Fprintf(tw, "placeholders kept in strengths only, not in paths, rankings or communities (--include-placeholders to change): %s\n", strings.Join(ps, ", "))
	}
	if rep.WeightNote != "" {
		fmt.Fprintf(tw, "weights: %s\n", rep.WeightNote)
	}
	fmt.Fprintf(tw, "\nhubs by role (each by its own measure, all layers; the table below ranks one layer by --by)\n")
	for _, role := range []struct {
		title string
		rs    []analysis.RoleRank
	}{{"pressers (approach and leverage events started)", rep.Roles.Pressers}, {"receivers (people received, at least)", rep.Roles.Receivers},
		{"brokers (betweenness, union layer)", rep.Roles.Brokers}} {
		var parts []string
		for _, r := range role.rs {
			parts = append(parts, fmt.Sprintf("%s (%s)", r.Code, r.Detail))
		}
		fmt.Fprintf(tw, "%s: %s\n", role.title, orNone(strings.Join(parts, "; ")))
	}
	fmt.Fprintln(tw)
	pr, hits := network.MetricRun{}, network.MetricRun{}
	for _, r := range rep.Metrics {
		if r.Damping > 0 && pr.Damping == 0 {
			pr = r
		}
		if r.Unique != nil && hits.Tolerance == 0 {
			hits = r
		}
	}
	fmt.Fprintf(tw, "metric settings: PageRank damping %g, tolerance %g; HITS tolerance %g; paths in hops; --format json records each metric's definition and convergence\n",
		pr.Damping, pr.Tolerance, hits.Tolerance)
	for _, r := range rep.Metrics {
		if r.Unique != nil && !*r.Unique {
			fmt.Fprintf(tw, "warning: %s: %s\n", r.Metric, r.Note)
		}
	}
	fmt.Fprintln(tw)
	fmt.Fprintf(tw, "rank\tcode\tname\tin\tout\tin_w\tout_w\tpagerank\tpr_w\thub\tauthority\thub_w\tauth_w\tbetweenness\tcloseness\tharmonic\tcore\n")
	for _, h := range rep.Hubs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%g\t%g\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%d\n", h.Rank, h.Node, truncate(h.Name, 32),
			h.InDegree, h.OutDegree, h.InStrength, h.OutStrength, f6(h.PageRank), f6(h.PageRankWeighted), f6(h.Hub), f6(h.Authority),
			f6(h.HubWeighted), f6(h.AuthorityWeighted), f6(h.Betweenness), f6(h.Closeness), h.Harmonic, h.Core)
	}
	c := rep.Communities
	kind := "undirected"
	if c.Directed {
		kind = "directed"
	}
	fmt.Fprintf(tw, "\ncommunities (Louvain, best of %d seeded runs from seed %d, resolution %g, on %d nodes and %d undirected edges): %d, %s modularity %.4f\n",
		len(c.Seeds), c.Seed, c.Resolution, c.Nodes, c.Edges, len(c.Members), kind, c.Modularity)
	st := rep.Stability
	fmt.Fprintf(tw, "stability: mean pairwise NMI %.3f (least %.3f) over %d seeded runs; null model: %s, %d samples (%d to %d), modularity %.4f ± %.4f (z %.1f), p_above %.4g [%.3g, %.3g], p_below %.4g [%.3g, %.3g]\nverdict: %s\n",
		st.MeanNMI, st.MinNMI, len(st.Seeds), st.NullModel, st.NullSamples, st.MinNullSamples, st.MaxNullSamples, st.NullMean, st.NullSD, st.Z,
		st.PAbove, st.PAboveCI[0], st.PAboveCI[1], st.PBelow, st.PBelowCI[0], st.PBelowCI[1], st.Verdict())
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
	if s := rep.Sensitivity; s != nil {
		writeSensitivity(tw, s)
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

// writeSensitivity prints the sensitivity section: per top hub its rank
// and value range over the readings and the accounts it rests on alone;
// per match the readings it holds in; per account what leaves without it.
func writeSensitivity(tw io.Writer, s *analysis.Sensitivity) {
	fmt.Fprintf(tw, "\nsensitivity: %d readings (%d combinations of alternative accounts × numbers at low, face and high ends of their qualifiers; about = ±%g%%, up to N = 1…N, at least N = N)\n",
		s.Readings, s.EventSets, analysis.AboutSpread*100)
	fmt.Fprintf(tw, "hub\trank\trank range\t%s\trange\ttop %d in every reading\trests on one account\n", s.Metric, s.Top)
	for _, h := range s.Hubs {
		fmt.Fprintf(tw, "%s\t%d\t%d–%d\t%.6g\t%.6g–%.6g\t%s\t%s\n", h.Node, h.Rank, h.BestRank, h.WorstRank, h.Value,
			h.ValueInterval[0], h.ValueInterval[1], yesNo(h.TopInAll), orDash(strings.Join(h.RestsOnAccounts, " ")))
	}
	fmt.Fprintf(tw, "communities: least NMI of a reading's partition against the face-value one %.3f\n", s.CommunityNMIMin)
	fmt.Fprintf(tw, "match\treadings holding it\trests on one account\n")
	for _, p := range s.Patterns {
		fmt.Fprintf(tw, "%s %s<%s\t%d/%d\t%s\n", p.Pattern, p.Country, p.Other, p.Readings, s.Readings, orDash(strings.Join(p.RestsOnAccounts, " ")))
	}
	fmt.Fprintf(tw, "leaving out\tclaims dropped\ttop hubs leaving\tmatches lost\tcommunity NMI\n")
	for _, a := range s.LeaveOneOut {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%.3f\n", a.Account, a.Relationships, orDash(strings.Join(a.HubsLeaving, " ")), len(a.MatchesLost), a.CommunityNMI)
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// settings are the hub metrics' parameters the flags ask for.
func (o analyzeOptions) settings() network.Settings {
	s := network.DefaultSettings()
	s.PageRankDamping, s.Resolution = o.damping, o.resolution
	s.DirectedModularity = o.modularity == "directed"
	if o.tolerance > 0 {
		s.PageRankTol, s.HITSTol = o.tolerance, o.tolerance
	}
	return s
}
