package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

type importOptions struct {
	dataOptions // the current dataset to compare with
	file        string
	out         string
	format      string
	force       bool
}

func init() {
	register(verb{name: "import", summary: "read a (corrected) workbook back, check every cell, and report what changed", run: importMain})
}

func importMain(ctx context.Context, args []string, e env) error {
	var o importOptions
	fs := newFlags("import", "FILE.xlsx", `Reads the Countries, Relationships and Sources sheets of a workbook (for
example an NGO's corrected copy), checks every cell (errors name Sheet!Cell and
field), and reports added, removed and modified relationships against the
current dataset (default: embedded; or --data / --neo4j). --out DIR writes the
imported dataset as CSV files.`, e)
	o.dataOptions.register(fs)
	fs.StringVar(&o.out, "out", "", "write the imported dataset to `DIR`")
	fs.StringVar(&o.format, "format", "table", "report `FORMAT`: table or json")
	fs.BoolVar(&o.force, "force", false, "with --out: replace the dataset DIR holds if it is a different one")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || !strings.HasSuffix(strings.ToLower(fs.Arg(0)), ".xlsx") {
		return usagef("import needs one FILE.xlsx")
	}
	o.file = fs.Arg(0)
	if err := checkFormat(o.format); err != nil {
		return err
	}
	return runImport(ctx, o, e)
}

func runImport(ctx context.Context, o importOptions, e env) error {
	e.progress.Start("reading "+o.file, 0)
	got, err := readWorkbook(ctx, o.file)
	e.progress.Done()
	if err != nil {
		return err
	}
	cur, err := o.load(ctx)
	if err != nil {
		return err
	}
	ch := graphmodel.Diff(cur, got)
	if o.out != "" {
		if err := (outDirCheck{dir: o.out, force: o.force, same: sameContent(got)}).run(); err != nil {
			return err
		}
		if err := csvdir.WriteDirContext(ctx, o.out, got); err != nil {
			return err
		}
	}
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, struct {
			Imported string             `json:"imported"`
			Against  string             `json:"against"`
			Changes  graphmodel.Changes `json:"changes"`
		}{describe(got), describe(cur), ch}, "  ")
	}
	added, removed, modified := ch.Count()
	fmt.Fprintf(e.stdout, "imported %s: %s, valid\ncompared with %s\n", o.file, describe(got), describe(cur))
	fmt.Fprintf(e.stdout, "relationships: %d added, %d removed, %d modified, %d unchanged\n",
		added, removed, modified, len(got.Relationships)-added-modified)
	for _, c := range ch.Relationships {
		fmt.Fprintf(e.stdout, "  %-8s %s\n", c.Kind, c.Key)
		for _, f := range c.Fields {
			fmt.Fprintf(e.stdout, "           %s\n", f)
		}
	}
	for _, group := range []struct {
		name string
		ch   []graphmodel.Change
	}{{"sources", ch.Sources}, {"country records", ch.Countries}} {
		for _, c := range group.ch {
			fmt.Fprintf(e.stdout, "  %s %-8s %s %s\n", group.name, c.Kind, c.Key, strings.Join(c.Fields, "; "))
		}
	}
	if o.out != "" {
		fmt.Fprintf(e.stdout, "wrote the imported dataset to %s\n", o.out)
	}
	return nil
}

func analysisSelect(d *graphmodel.Dataset, w analysis.Window) []graphmodel.Relationship {
	return analysis.Select(d, w)
}
