package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

type statsOptions struct {
	dataOptions
	format string
}

func statsMain(ctx context.Context, args []string, e env) error {
	var o statsOptions
	fs := newFlags("stats", "", "Counts the dataset's relationships by type, status, confidence and instrument,\nsums people and money, and lists every actor with its relationships in and out.", e)
	o.register(fs)
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("stats takes no arguments")
	}
	if o.format != "table" && o.format != "json" {
		return usagef("--format must be table or json, not %q", o.format)
	}
	return runStats(ctx, o, e)
}

func runStats(ctx context.Context, o statsOptions, e env) error {
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	s := analysis.Summarize(d)
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, struct {
			Dataset     string                `json:"dataset"`
			Provenance  graphmodel.Provenance `json:"provenance"`
			ContentHash string                `json:"content_hash"`
			Meta        graphmodel.Meta       `json:"meta"`
			analysis.Summary
		}{describe(d), d.Provenance(), d.ContentHash(), d.Meta, s}, "  ")
	}
	return writeStatsTable(e.stdout, describe(d), s)
}

func writeStatsTable(w io.Writer, dataset string, s analysis.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "dataset: %s\n", dataset)
	fmt.Fprintf(tw, "%d relationships, %d sources, %d actors (%d countries)\n", s.Relationships, s.Sources, s.Actors, s.Countries)
	section := func(title string, rows []analysis.Tally) {
		fmt.Fprintf(tw, "\n%s\tcount\n", title)
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%d\n", r.Key, r.Count)
		}
	}
	section("type", s.ByType)
	section("status", s.ByStatus)
	section("confidence", s.ByConfidence)
	section("instrument", s.ByInstrument)
	section("people (sum of counts, each event once, by type; received: receptions only)", s.PeopleByType)
	section("money paid (sum, each event once, by currency)", s.MoneyByCurrency)
	fmt.Fprintf(tw, "\ntotals (events): %s\n", totalsText(s.Totals))
	fmt.Fprintf(tw, "\ncode\tname\tregion\tout\tin\ttotal\n")
	for _, a := range s.ByActor {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\n", a.Code, a.Name, a.Region, a.Out, a.In, a.Total)
	}
	return tw.Flush()
}
