package main

import (
	"context"
	"fmt"

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
	w, err := o.window()
	if err != nil {
		return err
	}
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	run := neostore.NewAnalysis(d, w, o.seed)
	s, err := o.neo4j.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.Background())
	res, err := s.WriteAnalysis(ctx, run, 1000)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "dataset: %s\nwindow: %s, Louvain seed %d\n", run.Provenance, run.Window, run.Seed)
	fmt.Fprintf(e.stdout, "wrote %d properties (<metric>_<layer> for layers %v) onto %d countries, and an (:Analysis) node\n",
		res.Properties, run.Summary["layers"], res.Nodes)
	if res.Previous != nil {
		fmt.Fprintf(e.stdout, "replaced the previous analysis (%s); its properties were removed first\n", res.Previous)
	}
	fmt.Fprintln(e.stdout, "try: MATCH (c:Country) WHERE c.pagerank_all IS NOT NULL RETURN c.code, c.name, c.pagerank_all ORDER BY c.pagerank_all DESC, c.code LIMIT 10")
	return nil
}
