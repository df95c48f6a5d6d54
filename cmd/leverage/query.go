package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/leverage-project/leverage/exports/table"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/graphmodel/neostore"
	"github.com/leverage-project/leverage/internal/safeio"
)

type queryOptions struct {
	neo4j   neo4jOptions
	list    bool
	cypher  string
	file    string
	name    string
	params  paramList
	format  string
	out     string
	write   bool
	timeout time.Duration
}

func queryMain(ctx context.Context, args []string, e env) error {
	var o queryOptions
	fs := newFlags("query", "[NAME]", `Runs a named query from the library (leverage query --list) or your own Cypher
(--cypher or --file) and prints the result. Queries run read-only: one that
would write is refused unless --write is given. Values go in as parameters:
--param country=PA. A parameter the query uses must be given, and every
--param must be used. PROFILE and EXPLAIN print the server's plan to stderr.

`+paramHelp, e)
	o.neo4j.register(fs)
	fs.BoolVar(&o.list, "list", false, "list the named queries")
	fs.StringVar(&o.cypher, "cypher", "", "Cypher `text` to run")
	fs.StringVar(&o.file, "file", "", "read Cypher from `FILE`")
	fs.Var(&o.params, "param", "query parameter `name=value` (repeatable)")
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table, csv, json or xlsx")
	fs.StringVar(&o.out, "out", "", "write to `FILE` (required for xlsx); default stdout")
	fs.BoolVar(&o.write, "write", false, "allow the query to write")
	fs.DurationVar(&o.timeout, "timeout", 60*time.Second, "stop the query after this long; 0 means no limit")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("query takes at most one NAME")
	}
	o.name = fs.Arg(0)
	sources := 0
	for _, s := range []string{o.name, o.cypher, o.file} {
		if s != "" {
			sources++
		}
	}
	if !o.list && sources != 1 {
		return usagef("give exactly one of NAME, --cypher or --file (or --list)")
	}
	if o.timeout < 0 {
		return usagef("--timeout %s is negative (0 means no limit)", o.timeout)
	}
	if o.format == "xlsx" && o.out == "" {
		return usagef("--format xlsx needs --out FILE")
	}
	valid := false
	for _, f := range table.Formats {
		valid = valid || f == o.format
	}
	if !valid {
		return usagef("--format must be one of %v", table.Formats)
	}
	return runQuery(ctx, o, e)
}

func runQuery(ctx context.Context, o queryOptions, e env) error {
	if o.list {
		for _, q := range neostore.Library() {
			fmt.Fprintf(e.stdout, "%s — %s\n  %s\n", q.Name, q.Title, q.Description)
			for _, p := range q.Params {
				fmt.Fprintf(e.stdout, "  --param %s\n", p)
			}
		}
		return nil
	}
	cypher := o.cypher
	switch {
	case o.name != "":
		q, err := neostore.LookupQuery(o.name)
		if err != nil {
			return usagef("%v", err)
		}
		cypher = q.Cypher
	case o.file != "":
		b, err := safeio.ReadFile(o.file, 1<<20) // a regular file: a FIFO would hang
		if err != nil {
			return err
		}
		cypher = string(b)
	}
	params, given, err := parseParams(o.params)
	if err != nil {
		return err
	}
	if err := checkParams(cypher, params); err != nil {
		return err
	}
	// --timeout bounds the whole exchange with the server (connecting,
	// planning, running), so a server that accepts and never answers
	// cannot hold the run longer either.
	nctx := ctx
	if o.timeout > 0 {
		var cancel context.CancelFunc
		nctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	timedOut := func(err error) error {
		var te *neostore.TimeoutError
		// The deadline, not nctx.Err: the probe's socket deadline is the
		// same instant and may fire before the context's timer does.
		d, ok := nctx.Deadline()
		if ctx.Err() == nil && ok && !time.Now().Before(d) && !errors.As(err, &te) {
			return &neostore.TimeoutError{Timeout: o.timeout, Client: true}
		}
		return err
	}
	s, err := o.neo4j.open(nctx)
	if err != nil {
		return timedOut(err)
	}
	defer s.Close(context.Background())
	var (
		prov graphmodel.Provenance
		sum  neostore.Summary
	)
	// One pin covers the provenance and every row: the output names the
	// dataset its rows came from, and a replace that lands before the
	// first row is written makes the whole read start again.
	err = s.Pinned(nctx, func(pin neostore.Pin) error {
		var err error
		if prov, err = s.DatasetProvenance(nctx); err != nil {
			return err
		}
		about := &table.About{Provenance: prov, Query: o.name, Statement: cypher, Parameters: given, Database: s.Config().String()}
		opts := neostore.QueryOptions{Write: o.write, Timeout: o.timeout}
		if !o.write {
			opts.Pin = &pin
		}
		// Rows go to the output as they arrive (see streamQuery); to a
		// file through the atomic writer, so a query that fails half way
		// leaves nothing, and on stdout they may stop short, with the
		// error on stderr.
		write := func(w io.Writer) error {
			bw := bufio.NewWriterSize(w, 64<<10)
			var err error
			sum, err = streamQuery(nctx, s, cypher, params, opts, o.format, about, bw)
			// Rows written before a failure are real rows: they go out
			// too (to a file they are discarded with it).
			if ferr := bw.Flush(); err == nil {
				err = ferr
			}
			return err
		}
		if o.out == "" {
			return write(safeio.ContextWriter(ctx, e.stdout))
		}
		return safeio.WriteFile(ctx, o.out, buffered(write))
	})
	if err != nil {
		return timedOut(err)
	}
	if sum.Plan != "" {
		fmt.Fprint(e.stderr, sum.Plan)
	}
	if sum.Updated && prov.ContentHash != "" {
		// Hash what the database holds now, so this output and every later
		// one says whether it is still the dataset as loaded.
		what := "cypher"
		if o.name != "" {
			what = o.name
		}
		if _, err := s.RecordChange(ctx, iso3166.Registry(), "query --write "+what+" at "+time.Now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
		if prov, err = s.DatasetProvenance(ctx); err != nil {
			return err
		}
		if prov.Diverged {
			fmt.Fprintf(e.stderr, "note: this query changed the database; it no longer holds exactly %s %s (sha256:%s) as loaded: now %s\n",
				prov.DatasetName, prov.DatasetVersion, prov.ContentHash, prov.CurrentContentHash)
		} else {
			fmt.Fprintf(e.stderr, "note: this query wrote to the database, but the dataset's content is unchanged (sha256:%s, as loaded)\n", prov.ContentHash)
		}
	}
	return nil
}
