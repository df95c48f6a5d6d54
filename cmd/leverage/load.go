package main

import (
	"context"
	"fmt"
	"time"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

type loadOptions struct {
	dataOptions
	batch   int
	workers int
	clear   bool
}

func init() {
	register(verb{name: "load", summary: "load a dataset into Neo4j (idempotent; safe to re-run after a failure)", run: loadMain})
}

func loadMain(ctx context.Context, args []string, e env) error {
	var o loadOptions
	fs := newFlags("load", "", `Writes the dataset (default: embedded seed) into Neo4j: uniqueness constraints,
then MERGE on stable ids in batched transactions. Loading twice, or again after
a failure, leaves exactly one node or relationship per record. --replace
empties the database first.`, e)
	o.dataOptions.register(fs)
	fs.IntVar(&o.batch, "batch", 5000, "rows per transaction")
	fs.IntVar(&o.workers, "workers", 2, "relationship batches written at once")
	fs.BoolVar(&o.clear, "replace", false, "delete everything in the database before loading")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("load takes no arguments")
	}
	if o.fromNeo4 {
		return usagef("load reads --data or the embedded dataset, not --neo4j")
	}
	return runLoad(ctx, o, e)
}

func runLoad(ctx context.Context, o loadOptions, e env) error {
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	s, err := o.neo4j.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.Background())
	if o.clear {
		if err := s.Clear(ctx); err != nil {
			return err
		}
	}
	start := time.Now()
	c, err := s.Load(ctx, d, neostore.LoadOptions{BatchSize: o.batch, Workers: o.workers, Progress: e.progress})
	if err != nil {
		return fmt.Errorf("load stopped after %d of %d relationships (re-run to finish; nothing is duplicated): %w", c.Relationships, len(d.Relationships), err)
	}
	total, err := s.Count(ctx)
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Fprintf(e.stdout, "loaded %s into %s in %s: %d relationships, %d sources, %d countries (%.0f relationships/s)\n",
		describe(d), o.neo4j.uri, took.Round(time.Millisecond), c.Relationships, c.Sources, c.Countries, float64(c.Relationships)/took.Seconds())
	fmt.Fprintf(e.stdout, "database now holds %d relationships, %d sources, %d countries\n", total.Relationships, total.Sources, total.Countries)
	return nil
}
