package network

import (
	"context"
	"strings"
)

// Metric names a per-node metric of MetricTable.
type Metric string

// Settings are the parameters of the hub metrics. DefaultSettings are the
// ones analyze, the exports and the Neo4j write-back use, fixed so results
// can be cited and reproduced.
type Settings struct {
	PageRankDamping float64
	PageRankTol     float64
	HITSTol         float64
	// BetweennessSamples > 0 estimates betweenness from that many sampled
	// sources (BetweennessSampled, seeded by SampleSeed); 0 is exact.
	BetweennessSamples int
	SampleSeed         uint64
	// Resolution is the communities' modularity resolution γ (1:
	// Newman's modularity); DirectedModularity chooses Leicht and Newman's
	// directed modularity (LouvainDirected) over the undirected view's.
	Resolution         float64
	DirectedModularity bool
}

// DefaultSettings: networkx's damping, tighter tolerances, exact
// betweenness.
func DefaultSettings() Settings {
	return Settings{PageRankDamping: PageRankDamping, PageRankTol: PageRankTol, HITSTol: HITSTol, Resolution: 1}
}

// Kernel is one computation of hub metrics: the metrics of MetricTable
// whose Kernel field names it. Kernels run in Kernels' order; analyze
// --graph times each.
type Kernel struct {
	Name string
	run  func(ctx context.Context, h *HubsRun) (kernelRun, error)
}

// kernelRun is what a kernel reports for MetricRun: its parameters and,
// for an iterative method, how it ended.
type kernelRun struct {
	damping, tol float64
	conv         *Convergence
	unique       *Uniqueness // eigenvector measures: HITSUniqueness
}

// Kernels are the hub kernels in the order Hubs runs them. Plain and
// weighted PageRank and HITS are separate kernels, so each can be timed
// (and skipped when the weights are all 1).
var Kernels = []Kernel{
	{"degree", func(_ context.Context, h *HubsRun) (kernelRun, error) {
		_, _, os, is := Degrees(h.g)
		for i := range h.out {
			h.out[i].OutStrength, h.out[i].InStrength = os[i], is[i]
		}
		od, id, _, _ := Degrees(h.sg)
		for j, i := range h.at {
			h.out[i].OutDegree, h.out[i].InDegree = od[j], id[j]
		}
		return kernelRun{}, nil
	}},
	{"pagerank", func(ctx context.Context, h *HubsRun) (kernelRun, error) { return h.pageRank(ctx, false) }},
	{"pagerank-weighted", func(ctx context.Context, h *HubsRun) (kernelRun, error) { return h.pageRank(ctx, true) }},
	{"hits", func(ctx context.Context, h *HubsRun) (kernelRun, error) { return h.hits(ctx, false) }},
	{"hits-weighted", func(ctx context.Context, h *HubsRun) (kernelRun, error) { return h.hits(ctx, true) }},
	{"betweenness", func(ctx context.Context, h *HubsRun) (kernelRun, error) {
		var bc []float64
		var err error
		if h.settings.BetweennessSamples > 0 {
			bc, err = BetweennessSampled(ctx, h.sg, h.settings.BetweennessSamples, h.settings.SampleSeed)
		} else {
			bc, err = Betweenness(ctx, h.sg)
		}
		for j, i := range h.at {
			if err == nil {
				h.out[i].Betweenness = bc[j]
			}
		}
		return kernelRun{}, err
	}},
	{"closeness", func(ctx context.Context, h *HubsRun) (kernelRun, error) {
		c, hm, err := Closeness(ctx, h.sg)
		for j, i := range h.at {
			if err == nil {
				h.out[i].Closeness, h.out[i].Harmonic = c[j], hm[j]
			}
		}
		return kernelRun{}, err
	}},
	{"core", func(_ context.Context, h *HubsRun) (kernelRun, error) {
		c := CoreNumbers(h.sg)
		for j, i := range h.at {
			h.out[i].Core = c[j]
		}
		return kernelRun{}, nil
	}},
	{"components", func(_ context.Context, h *HubsRun) (kernelRun, error) {
		w, s := components(h.sg)
		for j, i := range h.at {
			h.out[i].WeakComponent, h.out[i].StrongComponent = w[j], s[j]
		}
		return kernelRun{}, nil
	}},
}

// HubsRun is one computation of the hub metrics of a graph, kernel by
// kernel. On a graph with placeholders, strengths are summed over all of
// g's edges and every other metric is computed on g.Structural();
// placeholder nodes carry their strengths only.
type HubsRun struct {
	g, sg    *Graph
	settings Settings
	out      []NodeMetrics
	at       []int // structural index -> index in g
	runs     map[string]kernelRun
}

// NewHubsRun prepares the hub metrics of g with settings s; nothing is
// computed yet.
func NewHubsRun(g *Graph, s Settings) *HubsRun {
	h := &HubsRun{g: g, sg: g.Structural(), settings: s, out: make([]NodeMetrics, g.Len()), runs: map[string]kernelRun{}}
	h.at = make([]int, h.sg.Len())
	for i := range h.out {
		h.out[i] = NodeMetrics{Node: g.Name(i), Placeholder: g.Placeholder(i)}
		if j, ok := h.sg.Index(g.Name(i)); ok && !h.out[i].Placeholder {
			h.at[j] = i
		}
	}
	return h
}

// Run runs kernel k, filling its metrics. A kernel stopped by ctx leaves
// its metrics as they were and returns ctx's error.
func (h *HubsRun) Run(ctx context.Context, k Kernel) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r, err := k.run(ctx, h)
	if err != nil {
		return err
	}
	h.runs[k.Name] = r
	return nil
}

// Metrics are the nodes' metrics in g's index order; the metrics of a
// kernel not run are zero. The slice is the run's own.
func (h *HubsRun) Metrics() []NodeMetrics { return h.out }

// Graphs are the graph the run was made for and its structural graph.
func (h *HubsRun) Graphs() (g, structural *Graph) { return h.g, h.sg }

// Runs record how each metric group of the kernels run was computed: one
// MetricRun per run of MetricTable entries sharing a Definition and
// Weighted, in table order.
func (h *HubsRun) Runs() []MetricRun {
	var out []MetricRun
	var names []string
	for i, s := range MetricTable {
		kr, ok := h.runs[s.Kernel]
		if !ok {
			continue
		}
		names = append(names, string(s.Name))
		if next := i + 1; next < len(MetricTable) && MetricTable[next].Definition == s.Definition && MetricTable[next].Weighted == s.Weighted {
			continue
		}
		r := MetricRun{Metric: strings.Join(names, ", "), Definition: s.Definition, Weighted: s.Weighted,
			Damping: kr.damping, Tolerance: kr.tol, Nodes: h.sg.Len(), Edges: h.sg.Edges()}
		if s.AllEdges {
			r.Nodes, r.Edges = h.g.Len(), h.g.Edges()
		}
		if kr.conv != nil {
			conv := kr.conv.Converged
			r.Iterations, r.Converged = kr.conv.Iterations, &conv
		}
		if kr.unique != nil {
			u := kr.unique.Unique
			r.Unique, r.Note = &u, kr.unique.Note
		}
		out = append(out, r)
		names = nil
	}
	return out
}

func (h *HubsRun) pageRank(ctx context.Context, weighted bool) (kernelRun, error) {
	s := h.settings
	pr, conv, err := PageRank(ctx, h.sg, s.PageRankDamping, weighted, s.PageRankTol)
	if err != nil {
		return kernelRun{}, err
	}
	for j, i := range h.at {
		if weighted {
			h.out[i].PageRankWeighted = pr[j]
		} else {
			h.out[i].PageRank = pr[j]
		}
	}
	return kernelRun{damping: s.PageRankDamping, tol: s.PageRankTol, conv: &conv}, nil
}

func (h *HubsRun) hits(ctx context.Context, weighted bool) (kernelRun, error) {
	hub, auth, conv, leading, err := hitsRun(ctx, h.sg, weighted, h.settings.HITSTol)
	if err != nil {
		return kernelRun{}, err
	}
	for j, i := range h.at {
		if weighted {
			h.out[i].HubWeighted, h.out[i].AuthorityWeighted = hub[j], auth[j]
		} else {
			h.out[i].Hub, h.out[i].Authority = hub[j], auth[j]
		}
	}
	u := hitsUniqueness(h.sg, weighted, leading)
	return kernelRun{tol: h.settings.HITSTol, conv: &conv, unique: &u}, nil
}

// Hubs computes every hub metric of MetricTable for every node of g, in
// node index order, running every kernel with settings s, and records how
// each was computed. PageRank and HITS come unweighted (each collapsed
// edge counts once) and weighted; betweenness, closeness and harmonic use
// hop distances. See HubsRun for placeholders. Once ctx is done it stops
// and returns ctx's error.
func Hubs(ctx context.Context, g *Graph, s Settings) ([]NodeMetrics, []MetricRun, error) {
	h := NewHubsRun(g, s)
	for _, k := range Kernels {
		if err := h.Run(ctx, k); err != nil {
			return nil, nil, err
		}
	}
	return h.Metrics(), h.Runs(), nil
}
