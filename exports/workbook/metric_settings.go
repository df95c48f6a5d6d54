package workbook

import (
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/analysis"
)

// metricSettings writes how every number on Hubs and Communities was
// computed: per layer and metric its definition, parameters, convergence
// and graph size, and the dataset's full hash on every row.
func (b *builder) metricSettings(a *analysisResults) error {
	n := 2 // the union layer's communities and their stability
	for _, l := range analysis.Layers {
		n += len(a.runs[l])
	}
	t, err := b.table(metricSettingsSpec, n)
	if err != nil {
		return err
	}
	yes := func(v bool) string {
		if v {
			return "yes"
		}
		return "no"
	}
	hash := b.contentHash()
	for _, l := range analysis.Layers {
		for _, r := range a.runs[l] {
			var damping, tol any
			if r.Damping > 0 {
				damping = r.Damping
			}
			if r.Tolerance > 0 {
				tol = r.Tolerance
			}
			var iters any
			conv := ""
			if r.Converged != nil {
				iters, conv = r.Iterations, yes(*r.Converged)
			}
			if r.Unique != nil && !*r.Unique {
				// Converged to one answer of many: say so where the
				// reader looks for convergence.
				conv += "; " + r.Note
			}
			if err := t.add(string(l), r.Metric, r.Definition, yes(r.Weighted), damping, tol, iters, conv, "", nil, r.Nodes, r.Edges, hash); err != nil {
				return err
			}
		}
	}
	c, st := a.communities, a.stability
	var seeds []string
	for _, s := range c.Seeds {
		seeds = append(seeds, fmt.Sprint(s))
	}
	if err := t.add(string(analysis.LayerAll), "communities (Louvain)", "Louvain (Blondel et al. 2008) on the undirected weighted view, w(u,v)+w(v,u); best modularity of the seeded runs", "yes",
		nil, nil, nil, "", strings.Join(seeds, "; "), c.Resolution, c.Nodes, c.Edges, hash); err != nil {
		return err
	}
	seeds = seeds[:0]
	for _, s := range st.Seeds {
		seeds = append(seeds, fmt.Sprint(s))
	}
	if err := t.add(string(analysis.LayerAll), "stability (NMI, null modularity)",
		fmt.Sprintf("mean pairwise NMI of single Louvain runs (stable at ≥ %g); null: %s, %d samples (adaptive from %d to %d) by %d swaps per edge, best-of-runs Louvain modularity on each; empirical p-values p_above %.4g, p_below %.4g at α %g: %s", st.NMIThreshold, st.NullModel, st.NullSamples, st.MinNullSamples, st.MaxNullSamples, st.SwapsPerEdge, st.PAbove, st.PBelow, st.Alpha, st.Verdict()),
		"yes", nil, nil, nil, "", strings.Join(seeds, "; "), 1.0, st.Nodes, st.Edges, hash); err != nil {
		return err
	}
	return t.close()
}
