package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/leverage-project/leverage/exports/table"
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

// paramList collects repeated --param name=value flags.
type paramList []string

func (p *paramList) String() string     { return strings.Join(*p, ",") }
func (p *paramList) Set(v string) error { *p = append(*p, v); return nil }

func init() {
	register(verb{name: "query", summary: "run Cypher (a named library query or your own) against Neo4j, read-only by default", run: queryMain})
}

func queryMain(ctx context.Context, args []string, e env) error {
	var o queryOptions
	fs := newFlags("query", "[NAME]", `Runs a named query from the library (leverage query --list) or your own Cypher
(--cypher or --file) and prints the result. Queries run read-only: one that
would write is refused unless --write is given. Values go in as parameters:
--param country=PA (integers, true/false and null are typed; quote nothing).`, e)
	o.neo4j.register(fs)
	fs.BoolVar(&o.list, "list", false, "list the named queries")
	fs.StringVar(&o.cypher, "cypher", "", "Cypher `text` to run")
	fs.StringVar(&o.file, "file", "", "read Cypher from `FILE`")
	fs.Var(&o.params, "param", "query parameter `name=value` (repeatable)")
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table, csv, json or xlsx")
	fs.StringVar(&o.out, "out", "", "write to `FILE` (required for xlsx); default stdout")
	fs.BoolVar(&o.write, "write", false, "allow the query to write")
	fs.DurationVar(&o.timeout, "timeout", 60*time.Second, "stop the query after this long")
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
	params, err := parseParams(o.params)
	if err != nil {
		return err
	}
	s, err := o.neo4j.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.Background())
	res, err := s.Query(ctx, cypher, params, neostore.QueryOptions{Write: o.write, Timeout: o.timeout})
	if err != nil {
		return err
	}
	t := table.Table{Columns: res.Columns, Rows: res.Rows}
	if o.out == "" {
		return table.Write(e.stdout, t, o.format)
	}
	return writeFileAtomic(o.out, func(f *os.File) error {
		w := bufio.NewWriter(f)
		if err := table.Write(w, t, o.format); err != nil {
			return err
		}
		return w.Flush()
	})
}

func parseParams(list []string) (map[string]any, error) {
	out := map[string]any{}
	for _, p := range list {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return nil, usagef("--param %q: want name=value", p)
		}
		switch {
		case v == "true" || v == "false":
			out[k] = v == "true"
		case v == "null":
			out[k] = nil
		default:
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				out[k] = n
			} else if f, err := strconv.ParseFloat(v, 64); err == nil && strings.ContainsAny(v, ".eE") {
				out[k] = f
			} else {
				out[k] = v
			}
		}
	}
	return out, nil
}
