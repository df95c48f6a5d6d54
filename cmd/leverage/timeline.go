package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

type timelineOptions struct {
	dataOptions
	windowOptions
	format string
}

func timelineMain(ctx context.Context, args []string, e env) error {
	var o timelineOptions
	fs := newFlags("timeline", "", "Counts events per month. Relationships dated only to a quarter or a year are\ncounted in their own row (\"2025, month unknown\"), after the period's last\nmonth, never in a month. Planned receptions are not receptions.", e)
	o.dataOptions.register(fs)
	o.windowOptions.register(fs)
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("timeline takes no arguments")
	}
	if err := checkFormat(o.format); err != nil {
		return err
	}
	return runTimeline(ctx, o, e)
}

func runTimeline(ctx context.Context, o timelineOptions, e env) error {
	w, err := o.window()
	if err != nil {
		return err
	}
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	months := analysis.Timeline(d, w)
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, struct {
			reportHeader
			Months []analysis.Month `json:"months"`
		}{headerOf(d, w), months}, "  ")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(e.stdout, "dataset: %s\nwindow: %s\n\n", describe(d), windowLabel(w))
	fmt.Fprintf(tw, "period\tapproaches\tagreements\treceptions\tpeople\tpayments\tleverage\tcourt_blocks\t\n")
	for _, m := range months {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", m.Label, m.Approaches, m.Agreements, m.Receptions, m.People, m.Payments, m.Leverage, m.Blocks)
	}
	return tw.Flush()
}
