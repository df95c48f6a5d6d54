package network

import (
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
