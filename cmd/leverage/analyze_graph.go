package main

import (
	"context"
	"fmt"
	"runtime"
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

// graphMetrics are the algorithms --metrics can select: the hub kernels
// (network.Kernels; a weighted twin goes with its plain kernel), then the
// community methods.
var graphMetrics = func() []string {
	var out []string
	for _, k := range network.Kernels {
		if name := strings.TrimSuffix(k.Name, "-weighted"); !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return append(out, "louvain", "leiden")
}()

// runAnalyzeGraph runs the hub and community algorithms on a plain graph
// file and reports each algorithm's wall time, so the same metrics (and
// their cost) can be had for networks that are not leverage datasets. It
// computes what analyze computes for a layer (network.Hubs and Louvain with
// the same settings, placeholders marked in the file kept in strengths
// only), kernel by kernel so each can be timed: on our own
// `export --layer L` file it reproduces `analyze --layer L` exactly.
func runAnalyzeGraph(ctx context.Context, o analyzeOptions, e env) error {
	want, err := parseGraphMetrics(o.metrics)
	if err != nil {
		return err
	}
	start := time.Now()
	g, info, err := readAnalyzeGraph(o)
	if err != nil {
		return err
	}
	s := o.settings()
	s.BetweennessSamples, s.SampleSeed = o.samples, o.seed
	run := graphRun{o: o, e: e, want: want, hubs: network.NewHubsRun(g, s),
		timings: []timing{{"read", time.Since(start).Seconds()}}}
	// Reading leaves most of what it allocated as garbage (each line's
	// fields, the name index), which the first kernel would otherwise
	// collect, timed, while it runs (testing.B collects before each
	// benchmark for the same reason); each kernel still collects what
	// those before it left. On Holme-Kim 5k PageRank, the first kernel,
	// took 1.60 ms without this and 1.38 with it (medians of 60 runs).
	runtime.GC()
	if err := run.all(ctx); err != nil {
		return err
	}
	m := run.hubs.Metrics()
	ranked, err := network.Rank(m, network.Metric(o.metric))
	if err != nil {
		return usagef("--by: %v", err)
	}
	sg := g.Structural()
	rep := graphFileReport{Graph: o.graph, Provenance: graphProvenance{Tool: "leverage " + graphmodel.ToolVersion(), Info: info},
		networkReport: networkReport{RankedBy: network.Metric(o.metric), Placeholders: "excluded", Nodes: sg.Len(), EdgesDistinctPairs: sg.Edges(),
			Metrics: run.hubs.Runs(), Communities: run.louvain},
		Leiden: run.leiden, Timings: run.timings}
	if o.withPlaceholders {
		rep.Placeholders = "included"
	}
	for i, x := range ranked {
		rep.Hubs = append(rep.Hubs, hubRow{Rank: i + 1, Name: x.Node, NodeMetrics: x})
	}
	for _, x := range m {
		if x.Placeholder {
			rep.PlaceholderNodes = append(rep.PlaceholderNodes, hubRow{Name: x.Node, NodeMetrics: x})
		}
	}
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, rep, "")
	}
	return writeGraphTable(e, o, want, rep)
}

// parseGraphMetrics reads --metrics: names of graphMetrics, or all.
func parseGraphMetrics(list string) (map[string]bool, error) {
	want := map[string]bool{}
	for _, m := range strings.Split(list, ",") {
		m = strings.TrimSpace(m)
		if m == "all" {
			for _, x := range graphMetrics {
				want[x] = true
			}
			continue
		}
		if !slices.Contains(graphMetrics, m) {
			return nil, usagef("--metrics: unknown %q (%s, or all)", m, strings.Join(graphMetrics, ", "))
		}
		want[m] = true
	}
	return want, nil
}

// readAnalyzeGraph reads --graph, whatever tool wrote it (graphread tells
// the format by content and records how it read it), with every weight 1
// under --unweighted and no placeholders under --include-placeholders.
func readAnalyzeGraph(o analyzeOptions) (*network.Graph, graphread.Info, error) {
	f, err := safeio.Open(o.graph)
	if err != nil {
		return nil, graphread.Info{}, err
	}
	defer f.Close()
	g, info, err := graphread.Read(f, o.graph, o.read.options())
	if err != nil {
		return nil, info, fmt.Errorf("%v (%w)", err, graphmodel.ErrInvalid)
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
		g = network.NewGraph(names, el).WithPlaceholders(g.Placeholders())
	}
	if o.withPlaceholders {
		g = g.WithPlaceholders(nil)
	}
	return g, info, nil
}

// graphRun runs the selected algorithms of analyze --graph, each timed.
type graphRun struct {
	o       analyzeOptions
	e       env
	want    map[string]bool
	hubs    *network.HubsRun
	timings []timing
	louvain network.Communities
	leiden  network.Communities
}

// all runs every selected kernel, then the community methods. With
// --unweighted a weighted kernel would repeat its plain twin (every weight
// is 1), so it is skipped and the plain values are copied; the plain time
// compares with a peer's single run either way.
func (r *graphRun) all(ctx context.Context) error {
	for _, k := range network.Kernels {
		weighted := strings.HasSuffix(k.Name, "-weighted")
		if !r.want[strings.TrimSuffix(k.Name, "-weighted")] || weighted && r.o.unweighted {
			continue
		}
		if err := r.timed(ctx, k.Name, func() error { return r.hubs.Run(ctx, k) }); err != nil {
			return err
		}
	}
	if r.o.unweighted {
		ms := r.hubs.Metrics()
		for _, s := range network.MetricTable {
			if plain, ok := s.Plain.Spec(); ok {
				for i := range ms {
					s.Set(&ms[i], plain.Value(&ms[i]))
				}
			}
		}
	}
	g, _ := r.hubs.Graphs()
	directed := r.o.modularity == "directed"
	var view *network.CommunityView
	if r.want["leiden"] || r.want["louvain"] && !directed {
		// Louvain and Leiden share the undirected view; it is built and
		// timed once, apart from either, as reading the file is.
		t0 := time.Now()
		view = network.NewCommunityView(g)
		r.timings = append(r.timings, timing{communityViewStep, time.Since(t0).Seconds()})
	}
	if err := r.timed(ctx, "louvain", func() (err error) {
		if directed {
			r.louvain, err = network.LouvainDirectedRuns(ctx, g, r.o.seed, r.o.resolution, r.o.communityRuns)
		} else {
			r.louvain, err = view.LouvainRuns(ctx, r.o.seed, r.o.resolution, r.o.communityRuns)
		}
		return err
	}); err != nil {
		return err
	}
	return r.timed(ctx, "leiden", func() (err error) {
		r.leiden, err = view.LeidenRuns(ctx, r.o.seed, r.o.communityRuns, r.o.leidenIterations)
		return err
	})
}

// communityViewStep names the timing of building the undirected view the
// community methods share (network.CommunityView).
const communityViewStep = "undirected view"

// timed runs fn --repeat times if name was asked for, and records its
// median wall time. A kernel stopped by Ctrl-C returns its error, so no
// metric is reported as zeros.
func (r *graphRun) timed(ctx context.Context, name string, fn func() error) error {
	if !r.want[strings.TrimSuffix(name, "-weighted")] {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var took []float64
	r.e.progress.Start(name, 0)
	defer r.e.progress.Done()
	for range max(1, r.o.repeat) {
		t0 := time.Now()
		if err := fn(); err != nil {
			return err
		}
		took = append(took, time.Since(t0).Seconds())
	}
	slices.Sort(took)
	r.timings = append(r.timings, timing{name, took[len(took)/2]})
	return nil
}

// graphFileReport is what analyze --graph prints: analyze's network
// report under the same keys, the file's provenance, Leiden's partition
// beside Louvain's, and each algorithm's time.
type graphFileReport struct {
	Graph      string          `json:"graph"`
	Provenance graphProvenance `json:"provenance"`
	networkReport
	Leiden  network.Communities `json:"leiden_communities"`
	Timings []timing            `json:"timings_seconds"`
}

// graphProvenance is what a graph file's results cite: the tool, the
// file's SHA-256 and every choice made in reading it.
type graphProvenance struct {
	Tool string `json:"tool"`
	graphread.Info
}

func writeGraphTable(e env, o analyzeOptions, want map[string]bool, rep graphFileReport) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "graph: %s (%d nodes, %d distinct directed pairs, placeholders %s)\n", o.graph, rep.Nodes, rep.EdgesDistinctPairs, rep.Placeholders)
	r := rep.Provenance
	fmt.Fprintf(tw, "read as: %s, %s (%s); weights: %s; sha256 %s\n", r.Format, r.Direction, r.DirectedBy, r.WeightBy, r.SHA256)
	for _, s := range r.Notices {
		fmt.Fprintf(tw, "note: %s\n", s)
	}
	for _, t := range rep.Timings {
		fmt.Fprintf(tw, "%s\t%.3f s\n", t.Name, t.Seconds)
	}
	if want["louvain"] {
		fmt.Fprintf(tw, "communities\t%d (modularity %.4f)\n", len(rep.Communities.Members), rep.Communities.Modularity)
	}
	if want["leiden"] {
		fmt.Fprintf(tw, "leiden communities\t%d (modularity %.4f)\n", len(rep.Leiden.Members), rep.Leiden.Modularity)
	}
	// Only the columns of kernels that ran: a metric not computed would
	// print as 0, a value someone could cite.
	var cols []hubColumn
	for _, c := range hubColumns {
		if want[c.kernel] {
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return tw.Flush()
	}
	fmt.Fprint(tw, "\nrank\tnode")
	for _, c := range cols {
		fmt.Fprintf(tw, "\t%s", c.head)
	}
	fmt.Fprintln(tw)
	for i, x := range rep.Hubs {
		if o.top > 0 && i >= o.top {
			break
		}
		fmt.Fprintf(tw, "%d\t%s", i+1, x.Node)
		for _, c := range cols {
			fmt.Fprintf(tw, "\t%s", c.value(x.NodeMetrics))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// hubColumn is a column of analyze --graph's table and the kernel that
// computes it.
type hubColumn struct {
	head, kernel string
	value        func(network.NodeMetrics) string
}

var hubColumns = []hubColumn{
	{"in", "degree", func(x network.NodeMetrics) string { return fmt.Sprint(x.InDegree) }},
	{"out", "degree", func(x network.NodeMetrics) string { return fmt.Sprint(x.OutDegree) }},
	{"pagerank", "pagerank", func(x network.NodeMetrics) string { return f6(x.PageRank) }},
	{"hub", "hits", func(x network.NodeMetrics) string { return f6(x.Hub) }},
	{"authority", "hits", func(x network.NodeMetrics) string { return f6(x.Authority) }},
	{"betweenness", "betweenness", func(x network.NodeMetrics) string { return f6(x.Betweenness) }},
	{"closeness", "closeness", func(x network.NodeMetrics) string { return f6(x.Closeness) }},
	{"core", "core", func(x network.NodeMetrics) string { return fmt.Sprint(x.Core) }},
}

type timing struct {
	Name    string  `json:"algorithm"`
	Seconds float64 `json:"seconds"`
}
