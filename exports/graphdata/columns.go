package graphdata

import (
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/analysis/network"
)

// MetricColumn is one node metric a layer graph carries, under the name
// `leverage analyze --format json` gives it.
type MetricColumn struct {
	Name    string
	Integer bool
	// AllEdges says a placeholder node carries it too (its strengths);
	// a placeholder's other metrics are not computed and not written.
	AllEdges bool
	Value    func(m *network.NodeMetrics) float64
}

// MetricColumns are the layer metrics written on every node of a layer
// graph: network.MetricTable, in its order; Community follows them.
var MetricColumns = func() []MetricColumn {
	out := make([]MetricColumn, len(network.MetricTable))
	for i, s := range network.MetricTable {
		out[i] = MetricColumn{Name: string(s.Name), Integer: s.Kind == network.Integer, AllEdges: s.AllEdges, Value: s.Value}
	}
	return out
}()

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
		// The settings a paper must state, so the file alone reproduces
		// the numbers in it.
		var seeds []string
		for _, s := range g.Seeds {
			seeds = append(seeds, strconv.FormatUint(s, 10))
		}
		out = append(out, [2]string{"pagerank_damping", FormatFloat(g.Settings.PageRankDamping)},
			[2]string{"pagerank_tolerance", FormatFloat(g.Settings.PageRankTol)}, [2]string{"hits_tolerance", FormatFloat(g.Settings.HITSTol)},
			[2]string{"louvain_resolution", FormatFloat(g.Settings.Resolution)}, [2]string{"louvain_seeds", strings.Join(seeds, " ")},
			[2]string{"modularity_kind", map[bool]string{false: "undirected", true: "directed"}[g.Settings.DirectedModularity]})
	} else {
		out = append(out, [2]string{"edges", "one per relationship; people, amount and currency are separate attributes (never added up); counted says whether the claim is the one of its event that enters sums"})
	}
	return out
}
