package main

import (
	"context"
	"fmt"
	"io"
	"strings"
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
	totals := analysis.TotalsOf(d, w)
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, struct {
			reportHeader
			Months []analysis.Month      `json:"months"`
			Totals analysis.WindowTotals `json:"totals"`
		}{headerOf(d, w), months, totals}, "  ")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(e.stdout, "dataset: %s\nwindow: %s\ncounting events (alternative accounts of one event once); people: at least, beside receptions of unknown size\n\n", describe(d), windowLabel(w))
	fmt.Fprintf(tw, "period\tapproaches\tagreements\treceptions\tpeople\tunknown_size\tpayments\tleverage\tcourt_blocks\tlifted\t\n")
	for _, m := range months {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", m.Label, m.Approaches, m.Agreements, m.Receptions, m.People, m.UnknownSize, m.Payments, m.Leverage, m.Blocks, m.Lifts)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeTotals(e.stdout, w, totals)
}

// writeTotals prints a window's totals under the one definition
// (analysis.Totals), the certain apart from the possible when the window
// has bounds.
func writeTotals(out io.Writer, w analysis.Window, t analysis.WindowTotals) error {
	line := func(label string, x analysis.Totals) {
		fmt.Fprintf(out, "%s: %s\n", label, totalsText(x))
	}
	fmt.Fprintln(out)
	if w.IsOpen() {
		line("totals", t.Certain)
		return nil
	}
	line("certainly in the window", t.Certain)
	line("possibly in it (period overlaps its edge)", t.Possible)
	return nil
}

// totalsText says a Totals in one line, unknown sizes apart.
func totalsText(x analysis.Totals) string {
	var paid []string
	for _, p := range x.Paid {
		paid = append(paid, fmt.Sprintf("%d %s", p.Count, p.Key))
	}
	money := ""
	if len(paid) > 0 {
		money = " (" + strings.Join(paid, ", ") + ")"
	}
	reception := "receptions"
	if x.UnknownSize == 1 {
		reception = "reception"
	}
	return fmt.Sprintf("%d approaches, %d agreements, %d receptions: at least %d people, plus %d %s of unknown size; %d payments%s; %d leverage; %d court blocks, %d lifted",
		x.Approaches, x.Agreements, x.Receptions, x.People, x.UnknownSize, reception, x.Payments, money, x.Leverage, x.Blocks, x.Lifts)
}
