package main

import (
	"context"
	"fmt"

	"github.com/leverage-project/leverage/graphmodel/csvdir"
)

type datasetExportOptions struct {
	dataOptions
	dir   string
	force bool
}

func datasetMain(ctx context.Context, args []string, e env) error {
	if len(args) == 0 || (args[0] != "export" && args[0] != "-h" && args[0] != "--help" && args[0] != "-help") {
		return usagef("dataset needs a sub-verb: dataset export DIR")
	}
	var o datasetExportOptions
	fs := newFlags("dataset export", "DIR", "Writes the dataset (default: embedded seed) as a directory of CSV files:\nmeta.csv, countries.csv, sources.csv, relationships.csv. Edit them and check\nyour copy with: leverage validate --data DIR", e)
	o.register(fs)
	fs.BoolVar(&o.force, "force", false, "replace the dataset files in DIR if it already holds a dataset")
	if args[0] == "export" {
		args = args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("dataset export needs exactly one DIR")
	}
	o.dir = fs.Arg(0)
	return runDatasetExport(ctx, o, e)
}

func runDatasetExport(ctx context.Context, o datasetExportOptions, e env) error {
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	release, err := (outDirCheck{dir: o.dir, force: o.force, same: sameContent(d)}).lockAndRun(ctx, e)
	if err != nil {
		return err
	}
	defer release()
	if err := csvdir.WriteDirContext(ctx, o.dir, d); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d relationships, %d sources, %d country records, from %s\n",
		o.dir, len(d.Relationships), len(d.Sources), len(d.Countries), describe(d))
	return nil
}
