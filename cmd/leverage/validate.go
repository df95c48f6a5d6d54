package main

import (
	"context"
	"fmt"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
)

type validateOptions struct {
	dataOptions
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
	fmt.Fprintf(e.stdout, "valid: %d relationships, %d sources (%d independent accounts), %d actors (%d countries)\n",
		s.Relationships, s.Sources, independentAccounts(d), s.Actors, s.Countries)
	// Warnings do not change the exit code: the data is valid, but a
	// reader citing a confirmed claim should know what it rests on.
	warnings := d.Warnings()
	for _, w := range warnings {
		fmt.Fprintf(e.stdout, "warning: %s\n", w)
	}
	if len(warnings) > 0 {
		fmt.Fprintf(e.stdout, "%d warning(s): a source needs a URL or a word on why there is none; confidence confirmed needs an official source or two independent accounts (README: Confidence)\n", len(warnings))
	}
	fmt.Fprint(e.stdout, state)
	return nil
}

// independentAccounts counts the dataset's sources once per independent
// account (a republication or restatement joins its original's).
func independentAccounts(d *graphmodel.Dataset) int {
	keys := make([]string, len(d.Sources))
	for i, s := range d.Sources {
		keys[i] = s.Key
	}
	return d.Lineage().Independent(keys)
}
