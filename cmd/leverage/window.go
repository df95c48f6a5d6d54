package main

import (
	"flag"
	"fmt"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
)

// windowOptions are the time cut every analysis verb accepts.
type windowOptions struct {
	asOf, from, to string
	strict         bool
}

func (o *windowOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.asOf, "as-of", "", "only relationships dated on or before `DATE` (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; a month means its end)")
	fs.StringVar(&o.from, "from", "", "only relationships whose date overlaps `DATE` or later")
	fs.StringVar(&o.to, "to", "", "only relationships whose date overlaps up to `DATE` (inclusive)")
	fs.BoolVar(&o.strict, "strict", false, "with --as-of/--from/--to: only relationships whose whole dated period lies in the window (a claim dated 2025 is not in --as-of 2025-03-15); without it, a period that overlaps the window is in")
}

// window turns the flags into an analysis window. A coarse date stands for
// its whole period: --to 2025-03 ends on 31 March, --from 2025-03 starts on 1 March.
func (o windowOptions) window() (analysis.Window, error) {
	var w analysis.Window
	if o.asOf != "" && o.to != "" {
		return w, usagef("give --as-of or --to, not both")
	}
	end := o.to
	if o.asOf != "" {
		end = o.asOf
	}
	if end != "" {
		d, err := graphmodel.ParseDate(end)
		if err != nil || d.IsZero() {
			return w, usagef("--as-of/--to: %v", err)
		}
		w.To = d.End().AddDate(0, 0, -1)
	}
	if o.from != "" {
		d, err := graphmodel.ParseDate(o.from)
		if err != nil || d.IsZero() {
			return w, usagef("--from: %v", err)
		}
		w.From = d.Start()
	}
	if !w.From.IsZero() && !w.To.IsZero() && w.To.Before(w.From) {
		return w, usagef("--from %s is after the end %s", o.from, end)
	}
	w.Strict = o.strict
	return w, nil
}

func windowLabel(w analysis.Window) string {
	if w.IsOpen() {
		return "all dates"
	}
	return w.String()
}

func checkFormat(f string) error {
	if f != "table" && f != "json" {
		return usagef("--format must be table or json, not %q", f)
	}
	return nil
}

func f6(x float64) string { return fmt.Sprintf("%.6f", x) }
