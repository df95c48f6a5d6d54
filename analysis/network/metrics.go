package network

import (
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/analysis/network/internal/lanczos"
)

// Kind says how a metric's values are read and written.
type Kind int

const (
	// Integer is a count or a label (degree, core number, component
	// number), written without a decimal point.
	Integer Kind = iota + 1
	// Score is a dimensionless centrality score, comparable between the
	// nodes of one graph.
	Score
	// Strength is a sum of edge weights, in the unit of the graph's
	// weights (people, US dollars in the money layer, relationships).
	Strength
)

func (k Kind) String() string {
	switch k {
	case Integer:
		return "integer"
	case Score:
		return "score"
	case Strength:
		return "strength"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MetricSpec is one per-node metric: what it is, how it is computed and
// stopped, and how to read it off a NodeMetrics.
type MetricSpec struct {
	// Name is the metric's JSON field, graph-file column, and the stem of
	// its Neo4j property <name>_<layer>.
	Name Metric
	// Label is its column heading for people (the workbook's Hubs sheet).
	Label string
	Kind  Kind
	// Weighted says edge weights enter; Plain names the same metric
	// without weights, for a weighted score (a graph whose weights are all
	// 1 gives both the same values).
	Weighted bool
	Plain    Metric
	// AllEdges says the metric is summed over every edge, placeholders'
	// included; every other metric runs on the graph without placeholders
	// (Graph.Structural) and is zero on a placeholder.
	AllEdges bool
	// Rankable says Rank may order nodes by it (component numbers are
	// labels, not magnitudes).
	Rankable bool
	// Kernel names the computation that yields it (Kernels): one timed
	// step of analyze --graph.
	Kernel string
	// Reading is one line on how to read a value (a column note).
	Reading string
	// Definition states the metric as networkx defines it; metrics with
	// the same Definition and Weighted share one MetricRun.
	Definition string
	// Citation is the published source of the definition.
	Citation string
	// Stopping is the rule the kernel stops by, as the code applies it;
	// "exact" for methods that do not iterate to a tolerance.
	Stopping string
	// Value reads the metric off a node's metrics, Set writes it (an
	// integer metric truncates).
	Value func(*NodeMetrics) float64
	Set   func(*NodeMetrics, float64)
}

// Definitions of the hub metrics, as analyze --format json and the
// workbook's Metric settings sheet print them.
const (
	defDegree      = "in/out degree: number of distinct in-/out-neighbours in the collapsed simple graph without placeholders"
	defStrength    = "in/out strength: sum of the weights of incoming/outgoing edges of the layer, edges to and from placeholders included; an edge whose size is unknown weighs 0, so the sum is of known sizes only"
	defPageRank    = "PageRank (networkx.pagerank): uniform teleport, dangling rank spread uniformly; solved as the linear system y = (1-d)/n + d·Pᵀy by strongly connected component in topological order (Gauss–Seidel inside each), scaled to sum 1; weighted, an edge of unknown size (weight 0) carries no rank and a node whose out-edges all weigh 0 is dangling"
	defHITS        = "HITS (networkx.hits): hubs = dominant eigenvector of A·Aᵀ, authorities = Aᵀ·hubs, each scaled to sum 1; restarted Lanczos from the uniform vector, stop when residual < 10*tolerance*eigenvalue; weighted, an edge of unknown size (weight 0) is no entry of A"
	defBetweenness = "betweenness (networkx.betweenness_centrality, normalized): Brandes on hop distances, divided by (n-1)(n-2)"
	defCloseness   = "closeness (networkx.closeness_centrality, wf_improved): incoming hop distances, Wasserman-Faust corrected"
	defHarmonic    = "harmonic centrality (networkx.harmonic_centrality): sum of 1/d(v,u) over incoming hop distances"
	defCore        = "k-core number (networkx.core_number) with degree = in-degree + out-degree"
	defComponents  = "weakly and strongly connected components, numbered 1.. by size"
)

// Citations of the definitions.
const (
	citeNetworkX    = "A. Hagberg, D. Schult and P. Swart, \"Exploring network structure, dynamics, and function using NetworkX\", SciPy 2008"
	citePageRank    = "L. Page, S. Brin, R. Motwani and T. Winograd, \"The PageRank citation ranking: bringing order to the web\", Stanford InfoLab 1999"
	citeHITS        = "J. Kleinberg, \"Authoritative sources in a hyperlinked environment\", J. ACM 46(5), 1999"
	citeBrandes     = "U. Brandes, \"A faster algorithm for betweenness centrality\", J. Math. Sociol. 25(2), 2001"
	citeCloseness   = "S. Wasserman and K. Faust, Social Network Analysis, Cambridge University Press 1994"
	citeHarmonic    = "P. Boldi and S. Vigna, \"Axioms for centrality\", Internet Mathematics 10(3-4), 2014"
	citeCore        = "V. Batagelj and M. Zaversnik, \"An O(m) algorithm for cores decomposition of networks\", arXiv cs/0310049, 2003"
	citeComponents  = "R. Tarjan, \"Depth-first search and linear graph algorithms\", SIAM J. Comput. 1(2), 1972"
	stoppingExact   = "exact: no iteration to a tolerance"
	louvainStopping = "each run stops when a pass (local moving, then aggregation) moves no node; best modularity of the seeded runs"
)

// Stopping rules, as PageRank and HITS apply them.
var (
	pageRankStopping = fmt.Sprintf("per strongly connected component of k > 1 nodes, Gauss–Seidel sweeps until one changes the component's values by less than k·(1-d)·tol in L1, at most %d sweeps; unconverged after that; a one-node component is exact in one step (tol: the PageRank tolerance; on convergence the L1 error is below d·n·tol before scaling to sum 1)", pageRankMaxIter)
	hitsStopping     = fmt.Sprintf("restarted Lanczos on A·Aᵀ (%d-vector cycles, at most %d cycles) until its Ritz residual estimate ≤ tol·θ; accepted when the true residual ‖A·Aᵀh − θh‖₂ ≤ %d·tol·θ, else Lanczos restarts from h, at most %d attempts in all; unconverged after that (tol: the HITS tolerance, θ: the top eigenvalue)",
		lanczos.Steps, lanczos.Cycles, hitsAccept, hitsAttempts)
)

// MetricTable is every per-node metric, once, in the order graph files and
// the workbook's Hubs sheet carry them. Everything that lists metrics
// derives from it or is tested against it: NodeMetrics's JSON fields,
// graph-file columns (exports/graphdata), workbook Hubs columns, the Neo4j
// properties analysis.Results hands to graphmodel/neostore, analyze
// --graph's timed steps (Kernels), and the README's list.
var MetricTable = []MetricSpec{
	{Name: "in_degree", Label: "In-degree", Kind: Integer, Rankable: true, Kernel: "degree", Reading: "distinct actors with an edge into this one",
		Definition: defDegree, Citation: citeNetworkX, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return float64(m.InDegree) },
		Set: func(m *NodeMetrics, v float64) { m.InDegree = int(v) }},
	{Name: "out_degree", Label: "Out-degree", Kind: Integer, Rankable: true, Kernel: "degree", Reading: "distinct actors this one has an edge to",
		Definition: defDegree, Citation: citeNetworkX, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return float64(m.OutDegree) },
		Set: func(m *NodeMetrics, v float64) { m.OutDegree = int(v) }},
	{Name: "in_strength", Label: "In-strength", Kind: Strength, Weighted: true, AllEdges: true, Rankable: true, Kernel: "degree",
		Reading:    "sum of incoming edge weights (people, USD in the money layer, relationships in all), edges from placeholders included; sizes no source gives add nothing (an edge of unknown size still counts in in_degree)",
		Definition: defStrength, Citation: citeNetworkX, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return m.InStrength },
		Set: func(m *NodeMetrics, v float64) { m.InStrength = v }},
	{Name: "out_strength", Label: "Out-strength", Kind: Strength, Weighted: true, AllEdges: true, Rankable: true, Kernel: "degree",
		Reading:    "sum of outgoing edge weights (people, USD in the money layer, relationships in all), edges to placeholders included; sizes no source gives add nothing (an edge of unknown size still counts in out_degree)",
		Definition: defStrength, Citation: citeNetworkX, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return m.OutStrength },
		Set: func(m *NodeMetrics, v float64) { m.OutStrength = v }},
	{Name: "pagerank", Label: "PageRank", Kind: Score, Rankable: true, Kernel: "pagerank", Reading: "PageRank, damping 0.85, unweighted (networkx definition)",
		Definition: defPageRank, Citation: citePageRank, Stopping: pageRankStopping, Value: func(m *NodeMetrics) float64 { return m.PageRank },
		Set: func(m *NodeMetrics, v float64) { m.PageRank = v }},
	{Name: "pagerank_weighted", Label: "PageRank weighted", Kind: Score, Weighted: true, Plain: "pagerank", Rankable: true, Kernel: "pagerank-weighted",
		Reading: "PageRank with edge weights; an edge of unknown size carries no rank", Definition: defPageRank, Citation: citePageRank, Stopping: pageRankStopping,
		Value: func(m *NodeMetrics) float64 { return m.PageRankWeighted },
		Set:   func(m *NodeMetrics, v float64) { m.PageRankWeighted = v }},
	{Name: "hub", Label: "Hub", Kind: Score, Rankable: true, Kernel: "hits", Reading: "HITS hub score, unweighted (sums to 1)",
		Definition: defHITS, Citation: citeHITS, Stopping: hitsStopping, Value: func(m *NodeMetrics) float64 { return m.Hub },
		Set: func(m *NodeMetrics, v float64) { m.Hub = v }},
	{Name: "authority", Label: "Authority", Kind: Score, Rankable: true, Kernel: "hits", Reading: "HITS authority score, unweighted (sums to 1)",
		Definition: defHITS, Citation: citeHITS, Stopping: hitsStopping, Value: func(m *NodeMetrics) float64 { return m.Authority },
		Set: func(m *NodeMetrics, v float64) { m.Authority = v }},
	{Name: "hub_weighted", Label: "Hub weighted", Kind: Score, Weighted: true, Plain: "hub", Rankable: true, Kernel: "hits-weighted",
		Reading: "HITS hub score with edge weights (sums to 1); an edge of unknown size counts for nothing", Definition: defHITS, Citation: citeHITS, Stopping: hitsStopping,
		Value: func(m *NodeMetrics) float64 { return m.HubWeighted },
		Set:   func(m *NodeMetrics, v float64) { m.HubWeighted = v }},
	{Name: "authority_weighted", Label: "Authority weighted", Kind: Score, Weighted: true, Plain: "authority", Rankable: true, Kernel: "hits-weighted",
		Reading: "HITS authority score with edge weights (sums to 1); an edge of unknown size counts for nothing", Definition: defHITS, Citation: citeHITS, Stopping: hitsStopping,
		Value: func(m *NodeMetrics) float64 { return m.AuthorityWeighted },
		Set:   func(m *NodeMetrics, v float64) { m.AuthorityWeighted = v }},
	{Name: "betweenness", Label: "Betweenness", Kind: Score, Rankable: true, Kernel: "betweenness", Reading: "shortest-path betweenness, normalised by (n-1)(n-2)",
		Definition: defBetweenness, Citation: citeBrandes, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return m.Betweenness },
		Set: func(m *NodeMetrics, v float64) { m.Betweenness = v }},
	{Name: "closeness", Label: "Closeness", Kind: Score, Rankable: true, Kernel: "closeness", Reading: "closeness on incoming distances, Wasserman-Faust corrected",
		Definition: defCloseness, Citation: citeCloseness, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return m.Closeness },
		Set: func(m *NodeMetrics, v float64) { m.Closeness = v }},
	{Name: "harmonic", Label: "Harmonic", Kind: Score, Rankable: true, Kernel: "closeness", Reading: "harmonic centrality on incoming distances",
		Definition: defHarmonic, Citation: citeHarmonic, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return m.Harmonic },
		Set: func(m *NodeMetrics, v float64) { m.Harmonic = v }},
	{Name: "core", Label: "Core", Kind: Integer, Rankable: true, Kernel: "core", Reading: "k-core number (in+out degree)",
		Definition: defCore, Citation: citeCore, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return float64(m.Core) },
		Set: func(m *NodeMetrics, v float64) { m.Core = int(v) }},
	{Name: "weak_component", Label: "Weak component", Kind: Integer, Kernel: "components", Reading: "weakly connected component, 1 = largest",
		Definition: defComponents, Citation: citeComponents, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return float64(m.WeakComponent) },
		Set: func(m *NodeMetrics, v float64) { m.WeakComponent = int(v) }},
	{Name: "strong_component", Label: "Strong component", Kind: Integer, Kernel: "components", Reading: "strongly connected component, 1 = largest",
		Definition: defComponents, Citation: citeComponents, Stopping: stoppingExact, Value: func(m *NodeMetrics) float64 { return float64(m.StrongComponent) },
		Set: func(m *NodeMetrics, v float64) { m.StrongComponent = int(v) }},
}

// CommunitySpec is the per-node community label Louvain gives, which
// graph files and the Neo4j write-back carry after the metrics.
var CommunitySpec = MetricSpec{Name: "community", Label: "Community", Kind: Integer, Kernel: "louvain",
	Reading:    "Louvain community, 1 = largest; 0 for a placeholder",
	Definition: "Louvain communities on the undirected weighted view, resolution 1; an edge of unknown size (weight 0) joins nothing, and on a graph with no known weight at all (modularity undefined) on unit weights, said as unweighted_fallback", Citation: "V. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, \"Fast unfolding of communities in large networks\", J. Stat. Mech. P10008, 2008",
	Stopping: louvainStopping}

// Spec returns m's entry of MetricTable.
func (m Metric) Spec() (MetricSpec, bool) {
	for _, s := range MetricTable {
		if s.Name == m {
			return s, true
		}
	}
	return MetricSpec{}, false
}

// Metrics lists the rankable metrics, in MetricTable's order.
var Metrics = rankable()

func rankable() []Metric {
	var out []Metric
	for _, s := range MetricTable {
		if s.Rankable {
			out = append(out, s.Name)
		}
	}
	return out
}

// Value returns m's value for a node; m must be rankable.
func (m Metric) Value(x NodeMetrics) (float64, error) {
	s, ok := m.Spec()
	if !ok || !s.Rankable {
		names := make([]string, len(Metrics))
		for i, r := range Metrics {
			names[i] = string(r)
		}
		return 0, fmt.Errorf("unknown metric %q (one of %s)", m, strings.Join(names, ", "))
	}
	return s.Value(&x), nil
}
