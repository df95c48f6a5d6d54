package neostore

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// Analysis is one run of the hub metrics and communities over every layer,
// ready to be written into the graph: what Neo4j Graph Data Science users
// get from an algorithm's write mode, which a Community server without GDS
// lacks.
type Analysis struct {
	Provenance graphmodel.Provenance
	Window     string
	Seed       uint64
	// Nodes maps a country code to its properties, each named
	// <metric>_<layer>: pagerank_flow, betweenness_all, community_all, …
	Nodes map[string]map[string]any
	// Properties lists every property name the run writes, sorted.
	Properties []string
	// Summary holds the run's settings and per-layer figures (modularity,
	// nodes, edges), stored on the (:Analysis) node.
	Summary map[string]any
}

// metricValues names the per-node metrics as their JSON fields do.
func metricValues(m network.NodeMetrics) map[string]any {
	return map[string]any{
		"in_degree": int64(m.InDegree), "out_degree": int64(m.OutDegree),
		"in_strength": m.InStrength, "out_strength": m.OutStrength,
		"pagerank": m.PageRank, "pagerank_weighted": m.PageRankWeighted,
		"hub": m.Hub, "authority": m.Authority, "betweenness": m.Betweenness,
		"closeness": m.Closeness, "harmonic": m.Harmonic, "core": int64(m.Core),
		"weak_component": int64(m.WeakComponent), "strong_component": int64(m.StrongComponent),
	}
}

// NewAnalysis computes every node metric and the Louvain communities of
// every layer of d in window w, exactly as leverage analyze does.
func NewAnalysis(d *graphmodel.Dataset, w analysis.Window, seed uint64) Analysis {
	a := Analysis{Provenance: d.Provenance(), Window: "all dates", Seed: seed, Nodes: map[string]map[string]any{}}
	if !w.IsOpen() {
		a.Window = w.String()
	}
	var layers []string
	a.Summary = map[string]any{
		"pagerank_damping": network.PageRankDamping,
		"louvain_seed":     int64(seed),
		"louvain_restarts": int64(network.LouvainRestarts),
		"convergence":      "PageRank and HITS iterate until the L1 change is below 1e-12 (analysis/hubs.go); betweenness, closeness, harmonic, cores and components are exact",
	}
	names := map[string]bool{}
	for _, layer := range analysis.Layers {
		g := analysis.View(d, layer, w)
		l := string(layer)
		layers = append(layers, l)
		comm := network.Louvain(g, seed)
		for i, m := range network.Hubs(g) {
			if m.Placeholder {
				// Placeholders are not ranked (README: Placeholder actors):
				// zeros written as their PageRank would rank them last
				// instead of leaving them out of every ordering.
				continue
			}
			props := a.Nodes[m.Node]
			if props == nil {
				props = map[string]any{}
				a.Nodes[m.Node] = props
			}
			for k, v := range metricValues(m) {
				props[k+"_"+l] = v
				names[k+"_"+l] = true
			}
			if i < len(comm.Label) {
				props["community_"+l] = int64(comm.Label[i])
				names["community_"+l] = true
			}
		}
		a.Summary["modularity_"+l] = comm.Modularity
		a.Summary["communities_"+l] = int64(len(comm.Members))
		a.Summary["nodes_"+l] = int64(g.Len())
		a.Summary["edges_"+l] = int64(g.Edges())
	}
	a.Summary["layers"] = layers
	for n := range names {
		a.Properties = append(a.Properties, n)
	}
	sort.Strings(a.Properties)
	return a
}

// AnalysisInfo describes an (:Analysis) node.
type AnalysisInfo struct {
	Window      string
	Seed        int64
	ContentHash string
	Tool        string
	WrittenAt   time.Time
	Properties  int
}

func (i *AnalysisInfo) String() string {
	return fmt.Sprintf("window %s, seed %d, %d properties, written %s by %s",
		i.Window, i.Seed, i.Properties, i.WrittenAt.UTC().Format("2006-01-02 15:04:05Z"), i.Tool)
}

// MetricsWritten is what WriteAnalysis did.
type MetricsWritten struct {
	Nodes, Properties int
	// Previous is the analysis whose properties were removed (nil: none).
	Previous *AnalysisInfo
}

// WriteAnalysis writes a's node properties onto the live :Country nodes and
// an (:Analysis) node describing the run, linked to the (:Dataset) by
// [:DESCRIBES], in one transaction of batched UNWIND statements, after
// removing every property a previous analysis wrote: running it twice
// leaves the same graph, and a run with another window or seed replaces
// the previous one whole. It refuses if the database does not serve the
// dataset a was computed from (it was reloaded, or changed since loading).
func (s *Store) WriteAnalysis(ctx context.Context, a Analysis, batchSize int) (MetricsWritten, error) {
	if batchSize <= 0 {
		batchSize = 1000
	}
	var out MetricsWritten
	codes := make([]string, 0, len(a.Nodes))
	for c := range a.Nodes {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		out = MetricsWritten{}
		res, err := tx.Run(ctx, "MATCH (d:Dataset) SET d.analysis_lock = true REMOVE d.analysis_lock RETURN d.content_hash AS hash, d.name AS name", nil)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		if len(recs) != 1 {
			return nil, fmt.Errorf("the database serves no dataset: run leverage load first")
		}
		if h, _ := recs[0].Values[0].(string); h != a.Provenance.ContentHash {
			return nil, fmt.Errorf("the metrics were computed from sha256:%s but the database's dataset was loaded as sha256:%s (reloaded since, or changed by a write): run leverage load, then analyze --neo4j --write again",
				a.Provenance.ContentHash, h)
		}
		prev, err := tx.Run(ctx, "MATCH (x:Analysis) RETURN properties(x) ORDER BY x.written_at DESC", nil)
		if err != nil {
			return nil, err
		}
		var stale []string
		seen := map[string]bool{}
		for prev.Next(ctx) {
			p := prev.Record().Values[0].(map[string]any)
			if out.Previous == nil {
				info := AnalysisInfo{Window: str(p, "window"), ContentHash: str(p, "content_hash"), Tool: str(p, "tool")}
				info.Seed, _ = p["louvain_seed"].(int64)
				info.WrittenAt, _ = p["written_at"].(time.Time)
				if list, ok := p["properties"].([]any); ok {
					info.Properties = len(list)
				}
				out.Previous = &info
			}
			if list, ok := p["properties"].([]any); ok {
				for _, x := range list {
					if name, ok := x.(string); ok && !seen[name] {
						seen[name] = true
						stale = append(stale, name)
					}
				}
			}
		}
		if err := prev.Err(); err != nil {
			return nil, err
		}
		if len(stale) > 0 {
			// A map entry set to null removes the property.
			nulls := make(map[string]any, len(stale))
			for _, name := range stale {
				nulls[name] = nil
			}
			if _, err := tx.Run(ctx, "MATCH (c:Country) SET c += $nulls", map[string]any{"nulls": nulls}); err != nil {
				return nil, err
			}
		}
		if _, err := tx.Run(ctx, "MATCH (x:Analysis) DETACH DELETE x", nil); err != nil {
			return nil, err
		}
		for i := 0; i < len(codes); i += batchSize {
			rows := make([]map[string]any, 0, batchSize)
			for _, c := range codes[i:min(i+batchSize, len(codes))] {
				rows = append(rows, map[string]any{"code": c, "props": a.Nodes[c]})
			}
			r, err := tx.Run(ctx, "UNWIND $rows AS row MATCH (c:Country {code: row.code}) SET c += row.props RETURN count(c) AS n", map[string]any{"rows": rows})
			if err != nil {
				return nil, err
			}
			rec, err := r.Single(ctx)
			if err != nil {
				return nil, err
			}
			n, _ := rec.Values[0].(int64)
			out.Nodes += int(n)
		}
		if out.Nodes != len(codes) {
			return nil, fmt.Errorf("only %d of the %d countries analysed are in the graph; nothing was written", out.Nodes, len(codes))
		}
		props := map[string]any{
			"dataset": a.Provenance.DatasetName, "dataset_version": a.Provenance.DatasetVersion,
			"content_hash": a.Provenance.ContentHash, "tool": a.Provenance.Tool, "window": a.Window,
			"properties": a.Properties,
		}
		for k, v := range a.Summary {
			props[k] = v
		}
		if _, err := tx.Run(ctx, "MATCH (d:Dataset) CREATE (x:Analysis)-[:DESCRIBES]->(d) SET x = $props, x.written_at = datetime()",
			map[string]any{"props": props}); err != nil {
			return nil, err
		}
		return nil, nil
	})
	if err != nil {
		return MetricsWritten{}, s.wrapCtx(ctx, err)
	}
	out.Properties = len(a.Properties)
	return out, nil
}
