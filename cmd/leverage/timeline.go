package main

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/leverage-project/leverage/graphmodel"
	"text/tabwriter"

	"github.com/leverage-project/leverage/analysis"
)

type timelineOptions struct {
	dataOptions
	windowOptions
	format string
}

func init() {
	register(verb{name: "timeline", summary: "monthly counts of approaches, agreements, receptions, payments", run: timelineMain})
}

func timelineMain(ctx context.Context, args []string, e env) error {
	var o timelineOptions
	fs := newFlags("timeline", "", "Counts events per month. Relationships dated only to a quarter or a year are\nplaced in the period's first month and counted again under 'coarse'.", e)
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
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Dataset    string                `json:"dataset"`
			Provenance graphmodel.Provenance `json:"provenance"`
			Window     string                `json:"window"`
			Months     []analysis.Month      `json:"months"`
		}{describe(d), d.Provenance(), windowLabel(w), months})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(e.stdout, "dataset: %s\nwindow: %s\n\n", describe(d), windowLabel(w))
	fmt.Fprintf(tw, "month\tapproaches\tagreements\treceptions\tpeople\tpayments\tleverage\tcourt_blocks\tcoarse\t\n")
	for _, m := range months {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", m.Month, m.Approaches, m.Agreements, m.Receptions, m.People, m.Payments, m.Leverage, m.Blocks, m.Coarse)
	}
	return tw.Flush()
}
