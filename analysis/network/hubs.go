package network

import (
	"fmt"
	"math"
	"sort"
)

// NodeMetrics are one node's hub metrics in one view.
type NodeMetrics struct {
	Node              string  `json:"node"`
	OutDegree         int     `json:"out_degree"`
	InDegree          int     `json:"in_degree"`
	OutStrength       float64 `json:"out_strength"`
	InStrength        float64 `json:"in_strength"`
	PageRank          float64 `json:"pagerank"`
	PageRankWeighted  float64 `json:"pagerank_weighted"`
	Hub               float64 `json:"hub"`
	Authority         float64 `json:"authority"`
	HubWeighted       float64 `json:"hub_weighted"`
	AuthorityWeighted float64 `json:"authority_weighted"`
	Betweenness       float64 `json:"betweenness"`
	Closeness         float64 `json:"closeness"`
	Harmonic          float64 `json:"harmonic"`
	Core              int     `json:"core"`
	WeakComponent     int     `json:"weak_component"`
	StrongComponent   int     `json:"strong_component"`
	// Placeholder marks a placeholder actor: only its strengths are
	// computed (see IsPlaceholder), and Rank leaves it out.
	Placeholder bool `json:"placeholder,omitempty"`
}

// Settings of the hub metrics, fixed so results can be cited and
// reproduced: networkx's defaults for damping, tighter tolerances.
const (
	PageRankDamping = 0.85
	PageRankTol     = 1e-12
	HITSTol         = 1e-12
)

// MetricRun records how one metric was computed, so a number can be
// reproduced from the output alone: its definition, whether edge weights
// entered, its parameters, how its iteration ended, and the size of the
// graph it ran on.
type MetricRun struct {
	Metric     string  `json:"metric"`
	Definition string  `json:"definition"`
	Weighted   bool    `json:"weighted"`
	Damping    float64 `json:"damping,omitempty"`
	Tolerance  float64 `json:"tolerance,omitempty"`
	// Iterations and Converged are set for iterative methods only.
	Iterations int   `json:"iterations,omitempty"`
	Converged  *bool `json:"converged,omitempty"`
	// Unique is set for eigenvector measures: false when the leading
	// eigenvalue is repeated, so the scores returned are one answer of
	// many; Note then says which and what was returned (HITSUniqueness).
	Unique *bool  `json:"unique,omitempty"`
	Note   string `json:"note,omitempty"`
	// Seeds and Resolution are set for community methods.
	Seeds      []uint64 `json:"seeds,omitempty"`
	Resolution float64  `json:"resolution,omitempty"`
	Nodes      int      `json:"nodes"`
	Edges      int      `json:"edges"`
}

// Definitions of the hub metrics, as the README states them.
const (
	defDegree      = "in/out degree: number of distinct in-/out-neighbours in the collapsed simple graph without placeholders"
	defStrength    = "in/out strength: sum of the weights of incoming/outgoing edges of the layer, edges to and from placeholders included"
	defPageRank    = "PageRank (networkx.pagerank): power iteration, uniform teleport, dangling rank spread uniformly, stop when L1 change < n*tolerance"
	defHITS        = "HITS (networkx.hits): hubs = dominant eigenvector of A·Aᵀ, authorities = Aᵀ·hubs, each scaled to sum 1; restarted Lanczos from the uniform vector, stop when residual < 10*tolerance*eigenvalue"
	defBetweenness = "betweenness (networkx.betweenness_centrality, normalized): Brandes on hop distances, divided by (n-1)(n-2)"
	defCloseness   = "closeness (networkx.closeness_centrality, wf_improved): incoming hop distances, Wasserman-Faust corrected"
	defHarmonic    = "harmonic centrality (networkx.harmonic_centrality): sum of 1/d(v,u) over incoming hop distances"
	defCore        = "k-core number (networkx.core_number) with degree = in-degree + out-degree"
	defComponents  = "weakly and strongly connected components, numbered 1.. by size"
)

// Hubs computes every hub metric for every node of g, in node index order.
// PageRank and HITS come unweighted (each collapsed edge counts once) and
// weighted; betweenness, closeness and harmonic use hop distances. On a
// graph with placeholders, strengths are summed over all of g's edges and
// every other metric is computed on g.Structural(); placeholder nodes carry
// their strengths only.
func Hubs(g *Graph) []NodeMetrics {
	ms, _ := HubsRun(g)
	return ms
}

// HubsRun is Hubs that also records how each metric was computed.
func HubsRun(g *Graph) ([]NodeMetrics, []MetricRun) {
	n := g.Len()
	out := make([]NodeMetrics, n)
	_, _, os, is := Degrees(g)
	sg := g.Structural()
	sn, se := sg.Len(), sg.Edges()
	od, id, _, _ := Degrees(sg)
	pr, prc := PageRankRun(sg, PageRankDamping, false, PageRankTol)
	prw, prwc := PageRankRun(sg, PageRankDamping, true, PageRankTol)
	hub, auth, hc := HITSRun(sg, false, HITSTol)
	hubw, authw, hwc := HITSRun(sg, true, HITSTol)
	bc := Betweenness(sg)
	cl, harm := Closeness(sg)
	core := CoreNumbers(sg)
	wcc := WeakComponents(sg)
	scc := StrongComponents(sg)
	for i := 0; i < n; i++ {
		out[i] = NodeMetrics{Node: g.Name(i), OutStrength: os[i], InStrength: is[i], Placeholder: g.Placeholder(i)}
		j, ok := sg.Index(g.Name(i))
		if !ok || out[i].Placeholder {
			continue
		}
		m := &out[i]
		m.OutDegree, m.InDegree = od[j], id[j]
		m.PageRank, m.PageRankWeighted = pr[j], prw[j]
		m.Hub, m.Authority, m.HubWeighted, m.AuthorityWeighted = hub[j], auth[j], hubw[j], authw[j]
		m.Betweenness, m.Closeness, m.Harmonic, m.Core = bc[j], cl[j], harm[j], core[j]
		m.WeakComponent, m.StrongComponent = wcc[j], scc[j]
	}
	conv := func(c Convergence) *bool { return &c.Converged }
	hu, hwu := HITSUniqueness(sg, false), HITSUniqueness(sg, true)
	runs := []MetricRun{
		{Metric: "in_degree, out_degree", Definition: defDegree, Nodes: sn, Edges: se},
		{Metric: "in_strength, out_strength", Definition: defStrength, Weighted: true, Nodes: n, Edges: g.Edges()},
		{Metric: "pagerank", Definition: defPageRank, Damping: PageRankDamping, Tolerance: PageRankTol, Iterations: prc.Iterations, Converged: conv(prc), Nodes: sn, Edges: se},
		{Metric: "pagerank_weighted", Definition: defPageRank, Weighted: true, Damping: PageRankDamping, Tolerance: PageRankTol, Iterations: prwc.Iterations, Converged: conv(prwc), Nodes: sn, Edges: se},
		{Metric: "hub, authority", Definition: defHITS, Tolerance: HITSTol, Iterations: hc.Iterations, Converged: conv(hc), Unique: &hu.Unique, Note: hu.Note, Nodes: sn, Edges: se},
		{Metric: "hub_weighted, authority_weighted", Definition: defHITS, Weighted: true, Tolerance: HITSTol, Iterations: hwc.Iterations, Converged: conv(hwc), Unique: &hwu.Unique, Note: hwu.Note, Nodes: sn, Edges: se},
		{Metric: "betweenness", Definition: defBetweenness, Nodes: sn, Edges: se},
		{Metric: "closeness", Definition: defCloseness, Nodes: sn, Edges: se},
		{Metric: "harmonic", Definition: defHarmonic, Nodes: sn, Edges: se},
		{Metric: "core", Definition: defCore, Nodes: sn, Edges: se},
		{Metric: "weak_component, strong_component", Definition: defComponents, Nodes: sn, Edges: se},
	}
	return out, runs
}

// Metric names a rankable metric.
type Metric string

// Metrics lists the rankable metrics.
var Metrics = []Metric{"pagerank", "pagerank_weighted", "in_strength", "out_strength", "in_degree", "out_degree",
	"hub", "authority", "hub_weighted", "authority_weighted", "betweenness", "closeness", "harmonic", "core"}

// Value returns m's value for a node.
func (m Metric) Value(x NodeMetrics) (float64, error) {
	switch m {
	case "pagerank":
		return x.PageRank, nil
	case "pagerank_weighted":
		return x.PageRankWeighted, nil
	case "in_strength":
		return x.InStrength, nil
	case "out_strength":
		return x.OutStrength, nil
	case "in_degree":
		return float64(x.InDegree), nil
	case "out_degree":
		return float64(x.OutDegree), nil
	case "hub":
		return x.Hub, nil
	case "authority":
		return x.Authority, nil
	case "hub_weighted":
		return x.HubWeighted, nil
	case "authority_weighted":
		return x.AuthorityWeighted, nil
	case "betweenness":
		return x.Betweenness, nil
	case "closeness":
		return x.Closeness, nil
	case "harmonic":
		return x.Harmonic, nil
	case "core":
		return float64(x.Core), nil
	}
	return 0, fmt.Errorf("unknown metric %q (one of %v)", m, Metrics)
}

// Rank orders nodes by metric m, highest first. Values are compared after
// rounding to 9 significant digits, so floating-point noise never decides
// an order; ties go to the node name, ascending. Placeholder nodes are
// left out. The input is not modified.
func Rank(ms []NodeMetrics, m Metric) ([]NodeMetrics, error) {
	if _, err := m.Value(NodeMetrics{}); err != nil {
		return nil, err
	}
	out := make([]NodeMetrics, 0, len(ms))
	for _, x := range ms {
		if !x.Placeholder {
			out = append(out, x)
		}
	}
	key := func(x NodeMetrics) float64 { v, _ := m.Value(x); return round9(v) }
	sort.SliceStable(out, func(i, j int) bool {
		a, b := key(out[i]), key(out[j])
		if a != b {
			return a > b
		}
		return out[i].Node < out[j].Node
	})
	return out, nil
}

func round9(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	e := math.Floor(math.Log10(math.Abs(v)))
	p := math.Pow(10, 8-e)
	return math.Round(v*p) / p
}
