package neostore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel"
)

// analysisProps are the properties one write-back sets: per country code
// its <metric>_<layer> properties, every property name sorted, and the
// (:Analysis) node's own.
type analysisProps struct {
	nodes    map[string]map[string]any
	names    []string
	analysis map[string]any
	codes    []string // the keys of nodes, sorted
}

// propsOf lays m out as Neo4j properties: a row's value of column c in
// layer l becomes <c>_<l> on the country, an int64 for an integer column;
// the run's settings, each column's stopping rule (stopping_<c>) and each
// layer's figures (modularity_<l>, communities_<l>, nodes_<l>, edges_<l>)
// go on the (:Analysis) node.
func propsOf(m graphmodel.NodeMetrics) (analysisProps, error) {
	p := analysisProps{nodes: map[string]map[string]any{}, analysis: map[string]any{
		"dataset": m.Provenance.DatasetName, "dataset_version": m.Provenance.DatasetVersion,
		"content_hash": m.Provenance.ContentHash, "tool": m.Provenance.Tool, "window": m.Window,
	}}
	for _, s := range m.Settings {
		p.analysis[s.Name] = s.Value
	}
	for _, c := range m.Columns {
		p.analysis["stopping_"+c.Name] = c.Stopping
	}
	var layers []string
	names := map[string]bool{}
	for _, lm := range m.Layers {
		l := lm.Layer
		layers = append(layers, l)
		for _, row := range lm.Rows {
			if len(row.Values) != len(m.Columns) {
				return analysisProps{}, fmt.Errorf("layer %s, %s: %d values for %d columns", l, row.Code, len(row.Values), len(m.Columns))
			}
			props := p.nodes[string(row.Code)]
			if props == nil {
				props = map[string]any{}
				p.nodes[string(row.Code)] = props
			}
			for i, c := range m.Columns {
				name := c.Name + "_" + l
				if c.Integer {
					props[name] = int64(row.Values[i])
				} else {
					props[name] = row.Values[i]
				}
				names[name] = true
			}
		}
		p.analysis["modularity_"+l] = lm.Modularity
		p.analysis["communities_"+l] = int64(lm.Communities)
		p.analysis["nodes_"+l] = int64(lm.Nodes)
		p.analysis["edges_"+l] = int64(lm.Edges)
	}
	p.analysis["layers"] = layers
	for n := range names {
		p.names = append(p.names, n)
	}
	sort.Strings(p.names)
	p.analysis["properties"] = p.names
	for c := range p.nodes {
		p.codes = append(p.codes, c)
	}
	sort.Strings(p.codes)
	return p, nil
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

// DefaultAnalysis is the name of an analysis written without one: each
// such write replaces the previous unnamed one.
const DefaultAnalysis = "default"

// ErrAnalysisExists is returned when a named analysis is written again
// without asking to replace it.
var ErrAnalysisExists = errors.New("an analysis of this name exists")

// WriteAnalysis is WriteNamedAnalysis under DefaultAnalysis, replacing it.
func (s *Store) WriteAnalysis(ctx context.Context, m graphmodel.NodeMetrics, batchSize int) (MetricsWritten, error) {
	return s.WriteNamedAnalysis(ctx, m, DefaultAnalysis, true, batchSize)
}

// WriteNamedAnalysis writes m as the analysis called name: an (:Analysis
// {name}) node describing the run, linked to the (:Dataset) by
// [:DESCRIBES], and from every analysed :Country a [:SCORES] relationship
// to it carrying the country's <metric>_<layer> values, so analyses of
// several windows or settings coexist and Cypher compares them. The same
// values also go onto the :Country nodes themselves, as the latest write's
// (the properties any earlier write put there are removed first). A name
// already written is refused with ErrAnalysisExists unless replace, which
// removes that analysis (and only it) first. All in one transaction of
// batched UNWIND statements. It refuses if the database does not serve
// the dataset m was computed from (it was reloaded, or changed since
// loading), and writes nothing if a country of m is not in the graph.
func (s *Store) WriteNamedAnalysis(ctx context.Context, m graphmodel.NodeMetrics, name string, replace bool, batchSize int) (MetricsWritten, error) {
	if batchSize <= 0 {
		batchSize = 1000
	}
	p, err := propsOf(m)
	if err != nil {
		return MetricsWritten{}, err
	}
	p.analysis["name"] = name
	var out MetricsWritten
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		out = MetricsWritten{}
		if err := checkAnalysedDataset(ctx, tx, m.Provenance.ContentHash); err != nil {
			return nil, err
		}
		prev, err := removePreviousAnalysis(ctx, tx, name, replace)
		if err != nil {
			return nil, err
		}
		out.Previous = prev
		res, err := tx.Run(ctx, "MATCH (d:Dataset) CREATE (x:Analysis)-[:DESCRIBES]->(d) SET x = $props, x.written_at = datetime(), x.id = randomUUID() RETURN x.id",
			map[string]any{"props": p.analysis})
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		out.Nodes, err = writeNodeMetrics(ctx, tx, p, rec.Values[0].(string), batchSize)
		return nil, err
	})
	if errors.Is(err, ErrAnalysisExists) {
		return MetricsWritten{}, err // the user's to fix: kept whole for the exit code
	}
	if err != nil {
		return MetricsWritten{}, s.wrapCtx(ctx, err)
	}
	out.Properties = len(p.names)
	return out, nil
}

// checkAnalysedDataset refuses unless the database serves the dataset of
// content hash hash. Setting and removing a property on (:Dataset) takes
// its write lock, so a concurrent load waits for this transaction.
func checkAnalysedDataset(ctx context.Context, tx neo4j.ManagedTransaction, hash string) error {
	res, err := tx.Run(ctx, "MATCH (d:Dataset) SET d.analysis_lock = true REMOVE d.analysis_lock RETURN d.content_hash AS hash, d.name AS name", nil)
	if err != nil {
		return err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return err
	}
	if len(recs) != 1 {
		return fmt.Errorf("the database serves no dataset: run leverage load first")
	}
	if h, _ := recs[0].Values[0].(string); h != hash {
		return fmt.Errorf("the metrics were computed from sha256:%s but the database's dataset was loaded as sha256:%s (reloaded since, or changed by a write): run leverage load, then analyze --neo4j --write again",
			hash, h)
	}
	return nil
}

// removePreviousAnalysis removes from the :Country nodes every property
// any (:Analysis) node says it wrote (the node properties hold only the
// latest write), and the analysis called name with its [:SCORES], which
// must exist only if replace; it describes that analysis (nil: none).
// Analyses written before names existed count as DefaultAnalysis.
func removePreviousAnalysis(ctx context.Context, tx neo4j.ManagedTransaction, name string, replace bool) (*AnalysisInfo, error) {
	prev, err := tx.Run(ctx, "MATCH (x:Analysis) RETURN properties(x), coalesce(x.name, $default) = $name ORDER BY x.written_at DESC",
		map[string]any{"name": name, "default": DefaultAnalysis})
	if err != nil {
		return nil, err
	}
	var latest *AnalysisInfo
	var stale []string
	seen := map[string]bool{}
	for prev.Next(ctx) {
		p := prev.Record().Values[0].(map[string]any)
		if same, _ := prev.Record().Values[1].(bool); same && latest == nil {
			info := AnalysisInfo{Window: str(p, "window"), ContentHash: str(p, "content_hash"), Tool: str(p, "tool")}
			info.Seed, _ = p["louvain_seed"].(int64)
			info.WrittenAt, _ = p["written_at"].(time.Time)
			if list, ok := p["properties"].([]any); ok {
				info.Properties = len(list)
			}
			latest = &info
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
	if latest != nil && !replace {
		return nil, fmt.Errorf("%w: %q (window %s): write it with --replace-analysis %s, or choose another --analysis name", ErrAnalysisExists, name, latest.Window, name)
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
	if _, err := tx.Run(ctx, "MATCH (x:Analysis) WHERE coalesce(x.name, $default) = $name DETACH DELETE x",
		map[string]any{"name": name, "default": DefaultAnalysis}); err != nil {
		return nil, err
	}
	return latest, nil
}

// writeNodeMetrics sets p's properties on the live :Country nodes and on a
// [:SCORES] relationship from each to the (:Analysis {id}), in batches,
// and fails unless every country was found.
func writeNodeMetrics(ctx context.Context, tx neo4j.ManagedTransaction, p analysisProps, id string, batchSize int) (int, error) {
	written := 0
	for i := 0; i < len(p.codes); i += batchSize {
		rows := make([]map[string]any, 0, batchSize)
		for _, c := range p.codes[i:min(i+batchSize, len(p.codes))] {
			rows = append(rows, map[string]any{"code": c, "props": p.nodes[c]})
		}
		r, err := tx.Run(ctx, `MATCH (x:Analysis {id: $id})
UNWIND $rows AS row MATCH (c:Country {code: row.code}) SET c += row.props
CREATE (c)-[s:SCORES]->(x) SET s = row.props RETURN count(c) AS n`, map[string]any{"rows": rows, "id": id})
		if err != nil {
			return 0, err
		}
		rec, err := r.Single(ctx)
		if err != nil {
			return 0, err
		}
		n, _ := rec.Values[0].(int64)
		written += int(n)
	}
	if written != len(p.codes) {
		return 0, fmt.Errorf("only %d of the %d countries analysed are in the graph; nothing was written", written, len(p.codes))
	}
	return written, nil
}
