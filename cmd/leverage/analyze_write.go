package main

import (
	"context"
	"fmt"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// runAnalyzeWrite is analyze --neo4j --write: every layer's node metrics
// and communities written back onto the graph's :Country nodes as
// <metric>_<layer>, with an (:Analysis) node saying how they were made.
func runAnalyzeWrite(ctx context.Context, o analyzeOptions, e env) error {
	if !o.fromNeo4 {
		return usagef("--write writes the metrics into the graph it read: give --neo4j")
	}
	if o.graph != "" || o.remove != "" {
		return usagef("--write takes neither --graph nor --remove")
	}
	name, replace := o.analysisName, false
	switch {
	case o.replaceAnalysis != "" && name != "" && name != o.replaceAnalysis:
		return usagef("--analysis %s and --replace-analysis %s name different analyses", name, o.replaceAnalysis)
	case o.replaceAnalysis != "":
		name, replace = o.replaceAnalysis, true
	case name == "":
		// The unnamed analysis is rewritten each time, as before names.
		name, replace = neostore.DefaultAnalysis, true
	}
	w, err := o.window()
	if err != nil {
		return err
	}
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	s, err := o.neo4j.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.Background())
	return writeMetrics(ctx, s, d, w, o.seed, o.settings(), name, replace, e)
}

// writeMetrics computes every layer's metrics of d in window w and writes
// them onto the graph s serves, which must be d (analyze --neo4j --write,
// load --with-metrics).
func writeMetrics(ctx context.Context, s *neostore.Store, d *graphmodel.Dataset, w analysis.Window, seed uint64, settings network.Settings, name string, replace bool, e env) error {
	results := analysis.NewResults(d, w, analysis.Options{}, seed)
	results.Settings = settings
	run := results.NodeMetrics()
	res, err := s.WriteNamedAnalysis(ctx, run, name, replace, 1000)
	if err != nil {
		return err
	}
	var layers []string
	for _, l := range run.Layers {
		layers = append(layers, l.Layer)
	}
	fmt.Fprintf(e.stdout, "dataset: %s\nwindow: %s, Louvain seed %d\n", run.Provenance, run.Window, run.Seed)
	fmt.Fprintf(e.stdout, "wrote %d properties (<metric>_<layer> for layers %v) onto %d countries, and an (:Analysis) node named %q with a [:SCORES] from each\n",
		res.Properties, layers, res.Nodes, name)
	if res.Previous != nil {
		fmt.Fprintf(e.stdout, "replaced the previous analysis (%s); its properties were removed first\n", res.Previous)
	}
	fmt.Fprintf(e.stdout, "try: MATCH (c:Country)-[s:SCORES]->(:Analysis {name: %q}) RETURN c.code, c.name, s.pagerank_all ORDER BY s.pagerank_all DESC, c.code LIMIT 10\n", name)
	return nil
}
