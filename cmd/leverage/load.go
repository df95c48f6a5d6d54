package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

type loadOptions struct {
	dataOptions
	batch   int
	workers int
	replace bool
	merge   bool
	// withMetrics writes every layer's metrics after the load, as
	// analyze --neo4j --write does for the whole dataset.
	withMetrics bool
	seed        uint64
}

func loadMain(ctx context.Context, args []string, e env) error {
	var o loadOptions
	fs := newFlags("load", "", `Writes the dataset (default: embedded seed) into Neo4j beside what the database
serves, switches it in with one transaction once it is complete, then removes
the old copy. A load cut short leaves the previous dataset whole and live; the
next load resumes (same dataset) or removes the unfinished copy. Loading over
a dataset of another name needs --replace (or --merge for the union).`, e)
	o.dataOptions.register(fs)
	fs.IntVar(&o.batch, "batch", 5000, "rows per transaction")
	fs.IntVar(&o.workers, "workers", 2, "relationship batches written at once")
	fs.BoolVar(&o.replace, "replace", false, "replace the dataset the database serves even if its name differs")
	fs.BoolVar(&o.merge, "merge", false, "load the union of the dataset the database serves and this one (this one's records win on equal ids)")
	fs.BoolVar(&o.withMetrics, "with-metrics", false, "then write every layer's node metrics and communities into the graph, as analyze --neo4j --write does for all dates (a streamed --data directory is read back from Neo4j for it, which holds the whole graph in memory)")
	fs.Uint64Var(&o.seed, "seed", 1, "with --with-metrics: Louvain seed")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("load takes no arguments")
	}
	if o.fromNeo4 {
		return usagef("load reads --data or the embedded dataset, not --neo4j")
	}
	if o.replace && o.merge {
		return usagef("give --replace or --merge, not both")
	}
	if !o.withMetrics {
		if err := refuseIdle(givenFlags(fs), []string{"seed"}, "without --with-metrics"); err != nil {
			return err
		}
	}
	if o.batch <= 0 || o.workers <= 0 {
		return usagef("--batch and --workers must be positive")
	}
	return runLoad(ctx, o, e)
}

func runLoad(ctx context.Context, o loadOptions, e env) error {
	// A directory of CSV files streams: it is read once and never held,
	// so a million relationships load in bounded memory.
	streamed := o.data != "" && !o.merge && !strings.EqualFold(filepath.Ext(o.data), ".xlsx")
	var d *graphmodel.Dataset
	var err error
	if streamed {
		// It holds about 100 bytes a relationship (ids for the hash and
		// the duplicate check), so the soft limit keeps the heap from
		// doubling past what it needs. Not with --with-metrics, which then
		// holds the whole graph: under the limit the collector would run
		// without pause.
		if !o.withMetrics {
			streamingMemoryLimit()
		}
		if st, serr := os.Stat(o.data); serr == nil && !st.IsDir() {
			return usagef("--data %s: not a directory (a dataset is a directory of CSV files)", o.data)
		}
		d, err = csvdir.ReadHead(o.data, iso3166.Registry())
	} else {
		d, err = o.load(ctx)
	}
	if err != nil {
		return err
	}
	s, err := o.neo4j.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.Background())
	if o.merge {
		if d, err = mergeWithLive(ctx, s, d); err != nil {
			return err
		}
	}
	start := time.Now()
	opt := neostore.LoadOptions{BatchSize: o.batch, Workers: o.workers, Replace: o.replace || o.merge, Progress: e.progress}
	var res neostore.LoadResult
	if streamed {
		res, err = s.LoadStream(ctx, d, func(fn func(*graphmodel.Relationship) error) error {
			_, _, err := csvdir.StreamAhead(ctx, o.data, iso3166.Registry(), fn)
			return err
		}, "", opt)
	} else {
		res, err = s.Load(ctx, d, opt)
	}
	var diff *neostore.DifferentDatasetError
	if errors.As(err, &diff) {
		return usagef("%v", err)
	}
	var le *neostore.LoadError
	if errors.As(err, &le) && errors.Is(err, context.Canceled) {
		// The exit line says only "interrupted"; say what the database holds.
		fmt.Fprintf(e.stderr, "leverage: %v\n", le)
	}
	if err != nil {
		return err
	}
	took := time.Since(start)
	prov := d.Provenance()
	prov.ContentHash = res.ContentHash
	fmt.Fprintf(e.stdout, "loaded %s into %s in %s: %d relationships, %d sources, %d countries (%.0f relationships/s)\n",
		prov, neostore.RedactURI(o.neo4j.uri), took.Round(time.Millisecond), res.Relationships, res.Sources, res.Countries, float64(res.Relationships)/took.Seconds())
	if res.Resumed {
		fmt.Fprintln(e.stdout, "continued the unfinished load of this dataset left by an earlier run")
	}
	if res.RemovedPartial > 0 {
		fmt.Fprintf(e.stdout, "removed an unfinished earlier load (%d relationships)\n", res.RemovedPartial)
	}
	switch p := res.Previous; {
	case p == nil:
		fmt.Fprintln(e.stdout, "the database was empty")
	case p.ContentHash == res.ContentHash:
		fmt.Fprintf(e.stdout, "replaced an identical copy (generation %s); any metrics written by analyze --write went with it\n", p.Generation)
	default:
		fmt.Fprintf(e.stdout, "replaced %s; any metrics written by analyze --write went with it\n", p)
	}
	total, err := s.Count(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "database now holds %d relationships, %d sources, %d countries (generation %s)\n",
		total.Relationships, total.Sources, total.Countries, res.Generation)
	if o.withMetrics {
		if streamed {
			// Only the head was held; the analysis needs the graph.
			if d, err = s.Read(ctx, iso3166.Registry()); err != nil {
				return fmt.Errorf("the load is complete, but reading it back for --with-metrics failed: %w", err)
			}
		}
		if err := writeMetrics(ctx, s, d, analysis.Window{}, o.seed, network.DefaultSettings(), neostore.DefaultAnalysis, true, e); err != nil {
			return fmt.Errorf("the load is complete, but writing its metrics failed (analyze --neo4j --write retries): %w", err)
		}
	}
	return nil
}

// mergeWithLive is the union of the dataset the database serves and d,
// named for both; d's record wins where an id is in both.
func mergeWithLive(ctx context.Context, s *neostore.Store, d *graphmodel.Dataset) (*graphmodel.Dataset, error) {
	st, err := s.Status(ctx)
	if err != nil || st.Live == nil {
		return d, err
	}
	live, err := s.Read(ctx, iso3166.Registry())
	if err != nil {
		return nil, fmt.Errorf("--merge: reading the dataset the database serves: %w", err)
	}
	return mergeDatasets(live, d)
}

func mergeDatasets(base, add *graphmodel.Dataset) (*graphmodel.Dataset, error) {
	out := &graphmodel.Dataset{Meta: add.Meta}
	if base.Meta.Name != add.Meta.Name {
		out.Meta = graphmodel.Meta{Name: base.Meta.Name + "+" + add.Meta.Name,
			Description: fmt.Sprintf("union of %s %s and %s %s (leverage load --merge)", base.Meta.Name, base.Meta.Version, add.Meta.Name, add.Meta.Version),
			Updated:     add.Meta.Updated}
	}
	out.Countries = unionByKey(base.Countries, add.Countries, func(c graphmodel.Country) graphmodel.Code { return c.Code })
	out.Sources = unionByKey(base.Sources, add.Sources, func(s graphmodel.Source) string { return s.Key })
	out.Relationships = unionByKey(base.Relationships, add.Relationships, func(r graphmodel.Relationship) string { return r.Key })
	reg, err := iso3166.Registry().With(out.Countries)
	if err != nil {
		return nil, fmt.Errorf("--merge: %w", err)
	}
	out.Registry = reg
	if err := out.Validate(); err != nil {
		return nil, fmt.Errorf("--merge: the union is not a valid dataset: %w", err)
	}
	return out, nil
}

// unionByKey is base then add, in order, with a record of add replacing the
// record of base that has its key in base's place.
func unionByKey[T any, K comparable](base, add []T, key func(T) K) []T {
	at := map[K]int{}
	var out []T
	for _, set := range [][]T{base, add} {
		for _, x := range set {
			if i, ok := at[key(x)]; ok {
				out[i] = x
				continue
			}
			at[key(x)] = len(out)
			out = append(out, x)
		}
	}
	return out
}
