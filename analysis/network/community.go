package network

import (
	"context"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// Communities is a partition of a view's nodes.
type Communities struct {
	// Label gives each node index its community, numbered from 1 by size
	// (largest first), ties by first member; 0 for a placeholder node,
	// which joins no community.
	Label []int `json:"-"`
	// Members lists node names per community, in label order.
	Members [][]string `json:"members"`
	// Modularity is Newman's Q of the partition on the undirected,
	// weighted view (resolution 1).
	Modularity float64 `json:"modularity"`
	Seed       uint64  `json:"seed"`
	// Seeds are the seeds of the runs the best was kept of; Resolution is
	// the modularity resolution; Nodes and Edges the size of the
	// undirected graph the method ran on (placeholders excluded).
	Seeds      []uint64 `json:"seeds"`
	Resolution float64  `json:"resolution"`
	// Directed says Modularity is Leicht and Newman's directed modularity
	// (LouvainDirected), not Newman's on the undirected view.
	Directed bool `json:"directed_modularity,omitempty"`
	Nodes    int  `json:"nodes"`
	Edges    int  `json:"undirected_edges"`
	// Unweighted says the method ran on unit weights because the graph
	// has edges but no weight at all (every weight 0: in a layer, sizes
	// no source gives), where modularity, a share of the total weight,
	// is undefined. Modularity is then that of the unweighted graph.
	Unweighted bool `json:"unweighted_fallback,omitempty"`
	// Iterations is the bound on Leiden iterations per run it was given
	// (LeidenRuns); 0, left out, is until modularity stops rising.
	Iterations int `json:"leiden_iterations,omitempty"`
}

// CommunityGraph is the graph the community methods (Louvain, Leiden,
// LouvainDirected, CommunityStabilityWith, Modularity) run on:
// g.Structural(), or when that has edges whose weights are all 0, the
// same edges with weight 1 each and true. A weight of 0 is an edge whose
// size no one knows (a layer gives an unsized flow no weight rather than
// an invented one); modularity divides by the total weight, so on a graph
// with none it is undefined, and the honest partition left is the
// unweighted one, said as such (Communities.Unweighted). A graph with
// some weight keeps its weights: its weightless edges then join no
// community by weight, as they carry none.
func CommunityGraph(g *Graph) (*Graph, bool) {
	return weightless(g.Structural())
}

// LouvainRestarts is how many seeded Louvain runs Louvain keeps the best of
// on graphs under LouvainRestartEdges edges. Louvain's result depends on
// node order; on the reference graphs single runs vary by up to 0.03 in Q,
// and the best of ten is never below networkx's.
const (
	LouvainRestarts     = 10
	LouvainRestartEdges = 20000
)

// Louvain finds communities on the undirected weighted view (u-v weight =
// w(u,v) + w(v,u)) that maximise Modularity, by the Louvain method
// (Blondel, Guillaume, Lambiotte and Lefebvre, "Fast unfolding of
// communities in large networks", J. Stat. Mech. P10008, 2008) in a
// compact implementation (louvainCSRContext); on
// graphs under LouvainRestartEdges edges it keeps the best of
// LouvainRestarts seeded runs. The same seed always gives the same
// partition. gonum's community.Modularize is the reference it is tested
// against. Each run stops when a pass (local moving and its aggregation)
// moves no node; once ctx is done it stops between passes, returning
// ctx's error.
func Louvain(ctx context.Context, g *Graph, seed uint64) (Communities, error) {
	return LouvainResolution(ctx, g, seed, 1)
}

// LouvainResolution is Louvain maximising modularity at resolution gamma
// > 0, Q_γ = 1/(2m) Σ_ij (A_ij − γ·k_i·k_j/(2m)) δ(c_i, c_j), as networkx's
// louvain_communities(resolution=γ): above 1 it favours smaller
// communities, below 1 larger ones. Modularity is reported at gamma.
func LouvainResolution(ctx context.Context, g *Graph, seed uint64, gamma float64) (Communities, error) {
	return LouvainRuns(ctx, g, seed, gamma, 0)
}

// LouvainRuns is LouvainResolution keeping the best of runs seeded runs;
// runs 0 is Louvain's own rule (LouvainRestarts on graphs under
// LouvainRestartEdges edges, else 1). One run is what a benchmark compares
// with another library's single run.
func LouvainRuns(ctx context.Context, g *Graph, seed uint64, gamma float64, runs int) (Communities, error) {
	return NewCommunityView(g).LouvainRuns(ctx, seed, gamma, runs)
}

// CommunityView is a graph made ready for the community methods once:
// the graph they run on (CommunityGraph) and its undirected weighted
// view, the rows Louvain and Leiden read and never write. Building the
// view is a pass over every arc and an array of weights (WormNet, 315k
// arcs: 0.5-0.8 ms and 2.5 MB, where a Louvain run takes 3-4 ms), which the
// package-level functions pay on every call; a caller running several
// methods or settings on one graph builds it once.
type CommunityView struct {
	g, sg *Graph
	unit  bool
	u     *undirected
}

// NewCommunityView prepares g for the community methods.
func NewCommunityView(g *Graph) *CommunityView {
	sg, unit := CommunityGraph(g)
	return &CommunityView{g: g, sg: sg, unit: unit, u: undirectedOf(sg)}
}

// LouvainRuns is the package's LouvainRuns on the view's graph.
func (v *CommunityView) LouvainRuns(ctx context.Context, seed uint64, gamma float64, runs int) (Communities, error) {
	return v.bestOfRuns(ctx, seed, gamma, runs, louvainCSRContext)
}

// defaultRuns is how many seeded runs the community methods keep the best
// of on a graph of edges edges when not told: LouvainRestarts under
// LouvainRestartEdges, else 1.
func defaultRuns(edges int) int {
	if edges < LouvainRestartEdges {
		return LouvainRestarts
	}
	return 1
}

// bestOfRuns runs a seeded community method runs times (0:
// defaultRuns) at resolution gamma and keeps the partition of highest
// modularity (the first of equals). It stops between runs once ctx is
// done.
func (v *CommunityView) bestOfRuns(ctx context.Context, seed uint64, gamma float64, runs int, method func(context.Context, *undirected, uint64) ([]int32, float64, error)) (Communities, error) {
	g, sg, unit := v.g, v.sg, v.unit
	u := new(undirected)
	*u = *v.u // the rows are shared, read only; the resolution is this call's
	u.gamma = gamma
	if runs <= 0 {
		runs = defaultRuns(sg.Edges())
	}
	var best []int32
	bestQ := math.Inf(-1)
	c := Communities{Seed: seed, Resolution: u.resolution(), Nodes: sg.Len(), Edges: len(u.adj) / 2, Unweighted: unit}
	for i := 0; i < runs; i++ {
		if err := ctx.Err(); err != nil {
			return Communities{}, err
		}
		s := runSeed(seed, i)
		c.Seeds = append(c.Seeds, s)
		member, q, err := method(ctx, u, s)
		if err != nil {
			return Communities{}, err
		}
		if q > bestQ+1e-12 {
			best, bestQ = member, q
		}
	}
	if sg.Edges() == 0 {
		bestQ = 0
	}
	label := numberBySize(best)
	c.Members = membersOf(sg, label)
	c.Modularity = bestQ
	c.Label = label
	if sg != g {
		c.Label = make([]int, g.Len())
		for i := range c.Label {
			if j, ok := sg.Index(g.Name(i)); ok && !g.Placeholder(i) {
				c.Label[i] = label[j]
			}
		}
	}
	return c, nil
}

// runSeed is the seed of the i-th of a method's restarts from seed.
func runSeed(seed uint64, i int) uint64 { return seed + uint64(i)*0x9e3779b97f4a7c15 }

// Modularity returns Newman's Q of the partition label on g's undirected
// weighted view (M. E. J. Newman, "Modularity and community structure in
// networks", PNAS 103(23), 2006), computed by gonum's community.Q:
//
//	Q = 1/(2m) Σ_ij (A_ij − k_i·k_j/(2m)) δ(c_i, c_j)
//
// with A the symmetric weights, k_i node strengths and m the total weight.
//
// On a graph with edges but no weight it is the unweighted graph's Q (see
// CommunityGraph).
func Modularity(g *Graph, label []int) float64 {
	if unit, ok := weightless(g); ok {
		g = unit
	}
	ug := g.Undirected()
	groups := map[int][]graph.Node{}
	for i, l := range label {
		groups[l] = append(groups[l], ug.Node(int64(i)))
	}
	keys := make([]int, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	comms := make([][]graph.Node, 0, len(keys))
	for _, k := range keys {
		comms = append(comms, groups[k])
	}
	return community.Q(ug, comms, 1)
}

// weightless returns g with unit weights and true when g has edges whose
// weights are all 0.
func weightless(g *Graph) (*Graph, bool) {
	if g.Edges() == 0 || slices.ContainsFunc(g.outW, func(w float64) bool { return w != 0 }) {
		return g, false
	}
	edges := g.EdgeList()
	for i := range edges {
		edges[i].Weight = 1
	}
	return NewGraph(g.names, edges).WithPlaceholders(g.Placeholders()), true
}

func membersOf(g *Graph, label []int) [][]string {
	k := 0
	for _, l := range label {
		k = max(k, l)
	}
	out := make([][]string, k)
	for i, l := range label {
		out[l-1] = append(out[l-1], g.Name(i))
	}
	return out
}
