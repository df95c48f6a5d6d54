package analysis

import (
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// NodeMetrics are every layer's per-node metrics (network.MetricTable)
// and Louvain community as domain values, for a store to write back: the
// numbers analyze prints, from this Results' one computation, with each
// metric's stopping rule and the run's settings. Placeholder actors have
// no row: their metrics are not computed (README: Placeholder actors), and
// zeros would rank them last instead of leaving them out.
func (r *Results) NodeMetrics() graphmodel.NodeMetrics {
	out := graphmodel.NodeMetrics{Provenance: r.Dataset.Provenance(), Window: "all dates", Seed: r.Seed}
	if !r.Window.IsOpen() {
		out.Window = r.Window.String()
	}
	specs := append(append([]network.MetricSpec(nil), network.MetricTable...), network.CommunitySpec)
	for _, s := range specs {
		out.Columns = append(out.Columns, graphmodel.MetricColumn{Name: string(s.Name), Integer: s.Kind == network.Integer, Stopping: s.Stopping})
	}
	out.Settings = []graphmodel.Setting{
		{Name: "pagerank_damping", Value: r.Settings.PageRankDamping},
		{Name: "pagerank_tolerance", Value: r.Settings.PageRankTol},
		{Name: "hits_tolerance", Value: r.Settings.HITSTol},
		{Name: "louvain_seed", Value: int64(r.Seed)},
		{Name: "louvain_restarts", Value: int64(network.LouvainRestarts)},
		{Name: "louvain_resolution", Value: r.Settings.Resolution},
		{Name: "modularity", Value: modularityKind(r.Settings.DirectedModularity)},
	}
	for _, l := range Layers {
		lr := r.Layer(l)
		comm := lr.Communities()
		lm := graphmodel.LayerMetrics{Layer: string(l), Nodes: lr.Graph.Len(), Edges: lr.Graph.Edges(),
			Communities: len(comm.Members), Modularity: comm.Modularity}
		for i := range lr.Hubs {
			m := &lr.Hubs[i]
			if m.Placeholder {
				continue
			}
			row := graphmodel.MetricRow{Code: graphmodel.Code(m.Node), Values: make([]float64, 0, len(specs))}
			for _, s := range network.MetricTable {
				row.Values = append(row.Values, s.Value(m))
			}
			label := 0
			if i < len(comm.Label) {
				label = comm.Label[i]
			}
			row.Values = append(row.Values, float64(label))
			lm.Rows = append(lm.Rows, row)
		}
		out.Layers = append(out.Layers, lm)
	}
	return out
}

// modularityKind names the modularity communities maximise.
func modularityKind(directed bool) string {
	if directed {
		return "directed"
	}
	return "undirected"
}
