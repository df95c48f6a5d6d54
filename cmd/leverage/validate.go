package main

import (
	"context"
	"fmt"

	"github.com/leverage-project/leverage/analysis"
)

type validateOptions struct {
	dataOptions
}

func init() {
	register(verb{name: "validate", summary: "check a dataset and print a summary, or every problem with its position", run: validateMain})
}

func validateMain(ctx context.Context, args []string, e env) error {
	var o validateOptions
	fs := newFlags("validate", "", "Reads the dataset (default: embedded seed), checks every field and cross-reference,\nand prints a summary. Problems are listed as FILE:LINE:COLUMN: RECORD: FIELD: PROBLEM\nand the exit code is 3.", e)
	o.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("validate takes no arguments (use --data DIR)")
	}
	return runValidate(ctx, o, e)
}

func runValidate(ctx context.Context, o validateOptions, e env) error {
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	if err := d.Validate(); err != nil {
		return err
	}
	var state string
	if o.fromNeo4 {
		if state, err = neo4jState(ctx, o.dataOptions, d); err != nil {
			return err
		}
	}
	s := analysis.Summarize(d)
	fmt.Fprintf(e.stdout, "dataset: %s\n", describe(d))
	fmt.Fprintf(e.stdout, "valid: %d relationships, %d sources, %d actors (%d countries)\n",
		s.Relationships, s.Sources, s.Actors, s.Countries)
	fmt.Fprint(e.stdout, state)
	return nil
}
