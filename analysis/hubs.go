package analysis

import (
	"fmt"
	"math"
	"sort"
)

// NodeMetrics are one node's hub metrics in one view.
type NodeMetrics struct {
	Node             string  `json:"node"`
	OutDegree        int     `json:"out_degree"`
	InDegree         int     `json:"in_degree"`
	OutStrength      float64 `json:"out_strength"`
	InStrength       float64 `json:"in_strength"`
	PageRank         float64 `json:"pagerank"`
	PageRankWeighted float64 `json:"pagerank_weighted"`
	Hub              float64 `json:"hub"`
	Authority        float64 `json:"authority"`
	Betweenness      float64 `json:"betweenness"`
	Closeness        float64 `json:"closeness"`
	Harmonic         float64 `json:"harmonic"`
	Core             int     `json:"core"`
	WeakComponent    int     `json:"weak_component"`
	StrongComponent  int     `json:"strong_component"`
}

// Settings of the hub metrics, fixed so results can be cited and
// reproduced: networkx's defaults for damping, tighter tolerances.
const (
	PageRankDamping = 0.85
	pageRankTol     = 1e-12
	hitsTol         = 1e-12
)

// Hubs computes every hub metric for every node of g, in node index order.
// PageRank and HITS are unweighted (each collapsed edge counts once) except
// PageRankWeighted; betweenness, closeness and harmonic use hop distances.
func Hubs(g *Graph) []NodeMetrics {
	n := g.Len()
	out := make([]NodeMetrics, n)
	od, id, os, is := Degrees(g)
	pr := PageRank(g, PageRankDamping, false, pageRankTol)
	prw := PageRank(g, PageRankDamping, true, pageRankTol)
	hub, auth := HITS(g, false, hitsTol)
	bc := Betweenness(g)
	cl, hc := Closeness(g)
	core := CoreNumbers(g)
	wcc := WeakComponents(g)
	scc := StrongComponents(g)
	for i := 0; i < n; i++ {
		out[i] = NodeMetrics{
			Node: g.Name(i), OutDegree: od[i], InDegree: id[i], OutStrength: os[i], InStrength: is[i],
			PageRank: pr[i], PageRankWeighted: prw[i], Hub: hub[i], Authority: auth[i],
			Betweenness: bc[i], Closeness: cl[i], Harmonic: hc[i], Core: core[i],
			WeakComponent: wcc[i], StrongComponent: scc[i],
		}
	}
	return out
}

// Metric names a rankable metric.
type Metric string

// Metrics lists the rankable metrics.
var Metrics = []Metric{"pagerank", "pagerank_weighted", "in_strength", "out_strength", "in_degree", "out_degree",
	"hub", "authority", "betweenness", "closeness", "harmonic", "core"}

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
// an order; ties go to the node name, ascending. The input is not modified.
func Rank(ms []NodeMetrics, m Metric) ([]NodeMetrics, error) {
	if _, err := m.Value(NodeMetrics{}); err != nil {
		return nil, err
	}
	out := append([]NodeMetrics(nil), ms...)
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
