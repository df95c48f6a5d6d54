package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/internal/safeio"
)

type generateOptions struct {
	out   string
	force bool
	gen   fixtures.GenerateOptions
	seed  uint64
}

func generateMain(ctx context.Context, args []string, e env) error {
	var o generateOptions
	fs := newFlags("generate", "", "Writes a synthetic dataset with a realistic mix of relationship types. The same\nflags always produce the same bytes. No claim in it is real.", e)
	fs.StringVar(&o.out, "out", "", "output dataset `DIR` (required)")
	fs.BoolVar(&o.force, "force", false, "replace the dataset DIR holds if it is a different one")
	fs.Uint64Var(&o.gen.Seed, "seed", 1, "random seed")
	fs.IntVar(&o.gen.Relationships, "relationships", 1000, "number of relationships")
	fs.IntVar(&o.gen.Countries, "countries", 200, "number of distinct countries")
	fs.IntVar(&o.gen.Sources, "sources", 0, "number of synthetic sources (default relationships/100+1)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if o.out == "" || fs.NArg() > 0 {
		return usagef("generate needs --out DIR and no arguments")
	}
	return runGenerate(ctx, o, e)
}

func runGenerate(ctx context.Context, o generateOptions, e env) (err error) {
	g, err := fixtures.NewGenerator(o.gen)
	if err != nil {
		return usagef("generate: %v", err)
	}
	release, err := (outDirCheck{dir: o.out, force: o.force, same: func(existing *graphmodel.Dataset) bool {
		// The meta names seed, size and countries, and the sources their
		// number: equal both and the relationships are the same bytes.
		return existing.Meta.Equal(g.Meta()) && slices.EqualFunc(existing.Sources, g.Sources(), func(a, b graphmodel.Source) bool { return reflect.DeepEqual(a, b) }) &&
			len(existing.Relationships) == g.Options().Relationships
	}}).lockAndRun(ctx, e)
	if err != nil {
		return err
	}
	defer release()
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	// The small files go through WriteDir; the large one streams to a temp
	// file that is renamed into place only when complete.
	tmp, err := safeio.CreateReplacingInput(filepath.Join(o.out, csvdir.RelationshipsFile))
	if err != nil {
		return err
	}
	defer tmp.Abort()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	rw, err := csvdir.NewRelationshipWriter(bw)
	if err != nil {
		return err
	}
	total := int64(g.Options().Relationships)
	e.progress.Start("generating relationships", total)
	var n int64
	err = g.Each(ctx, func(r *graphmodel.Relationship) error {
		n++
		if n%10000 == 0 {
			e.progress.Add(10000)
		}
		return rw.Write(r)
	})
	e.progress.Done()
	if err != nil {
		return err
	}
	if err = rw.Close(); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	meta := &graphmodel.Dataset{Meta: g.Meta(), Sources: g.Sources()}
	if err = csvdir.WriteHeadContext(ctx, o.out, meta); err != nil {
		return err
	}
	if err = tmp.Commit(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d synthetic relationships, %d sources, %d countries (seed %d)\n",
		o.out, n, len(meta.Sources), g.Options().Countries, g.Options().Seed)
	return nil
}
