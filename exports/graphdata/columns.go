package graphdata

import (
	"strconv"

	"github.com/leverage-project/leverage/analysis/network"
)

// MetricColumn is one node metric a layer graph carries, under the name
// `leverage analyze --format json` gives it.
type MetricColumn struct {
	Name    string
	Integer bool
	Value   func(m *network.NodeMetrics) float64
}

// MetricColumns are the layer metrics written on every node of a layer
// graph, in this order; Community follows them.
var MetricColumns = []MetricColumn{
	{"in_degree", true, func(m *network.NodeMetrics) float64 { return float64(m.InDegree) }},
	{"out_degree", true, func(m *network.NodeMetrics) float64 { return float64(m.OutDegree) }},
	{"in_strength", false, func(m *network.NodeMetrics) float64 { return m.InStrength }},
	{"out_strength", false, func(m *network.NodeMetrics) float64 { return m.OutStrength }},
	{"pagerank", false, func(m *network.NodeMetrics) float64 { return m.PageRank }},
	{"pagerank_weighted", false, func(m *network.NodeMetrics) float64 { return m.PageRankWeighted }},
	{"hub", false, func(m *network.NodeMetrics) float64 { return m.Hub }},
	{"authority", false, func(m *network.NodeMetrics) float64 { return m.Authority }},
	{"hub_weighted", false, func(m *network.NodeMetrics) float64 { return m.HubWeighted }},
	{"authority_weighted", false, func(m *network.NodeMetrics) float64 { return m.AuthorityWeighted }},
	{"betweenness", false, func(m *network.NodeMetrics) float64 { return m.Betweenness }},
	{"closeness", false, func(m *network.NodeMetrics) float64 { return m.Closeness }},
	{"harmonic", false, func(m *network.NodeMetrics) float64 { return m.Harmonic }},
	{"core", true, func(m *network.NodeMetrics) float64 { return float64(m.Core) }},
	{"weak_component", true, func(m *network.NodeMetrics) float64 { return float64(m.WeakComponent) }},
	{"strong_component", true, func(m *network.NodeMetrics) float64 { return float64(m.StrongComponent) }},
}

// Format writes a metric value so that reading it back gives the same
// float64 bit for bit.
func (c MetricColumn) Format(m *network.NodeMetrics) string {
	if c.Integer {
		return strconv.FormatInt(int64(c.Value(m)), 10)
	}
	return FormatFloat(c.Value(m))
}

// FormatFloat is the shortest text that reads back as exactly x.
func FormatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// GraphData are the graph-level attributes every format that has them
// writes: the dataset by name, version and full content hash, the tool,
// and for a layer graph what it is.
func (g Graph) GraphData() [][2]string {
	p := g.Provenance
	out := [][2]string{{"dataset", p.DatasetName}, {"dataset_version", p.DatasetVersion}, {"content_hash", p.ContentHash}, {"tool", p.Tool}}
	if p.SubsetHash != "" {
		// A part of the dataset: content_hash stays the whole's, the
		// part's hash goes under its own name.
		window := p.Window
		if window == "" {
			window = "all dates"
		}
		out = append(out, [2]string{"window", window}, [2]string{"subset", p.Subset}, [2]string{"subset_content_hash", p.SubsetHash})
	}
	if g.IsLayer() {
		out = append(out, [2]string{"layer", string(g.Layer)}, [2]string{"placeholders", g.Placeholders},
			[2]string{"weight_definition", g.WeightDefinition}, [2]string{"modularity", FormatFloat(g.Modularity)},
			[2]string{"louvain_seed", strconv.FormatUint(g.Seed, 10)})
	} else {
		out = append(out, [2]string{"edges", "one per relationship; people, amount and currency are separate attributes (never added up); counted says whether the claim is the one of its event that enters sums"})
	}
	return out
}
