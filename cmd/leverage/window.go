package main

import (
	"flag"
	"fmt"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
)

// windowOptions are the time cut every analysis verb accepts.
type windowOptions struct {
	asOf, from, to, knownBy string
	strict                  bool
}

func (o *windowOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.asOf, "as-of", "", "only relationships dated on or before `DATE` (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; a month means its end)")
	fs.StringVar(&o.from, "from", "", "only relationships whose date overlaps `DATE` or later")
	fs.StringVar(&o.to, "to", "", "only relationships whose date overlaps up to `DATE` (inclusive)")
	fs.BoolVar(&o.strict, "strict", false, "with --as-of/--from/--to/--known-by: only relationships certainly in the window, whose whole period lies in it (a claim dated 2025 is not in --as-of 2025-03-15); without it, those possibly in it (their period overlaps the window's edge) are in too, and totals show the two apart")
	fs.StringVar(&o.knownBy, "known-by", "", "only relationships first reported on or before `DATE` (what a reader of the sources knew then), by report date instead of event date; with --from, first reported from that day")
}

// window turns the flags into an analysis window. A coarse date stands for
// its whole period: --to 2025-03 ends on 31 March, --from 2025-03 starts on 1 March.
func (o windowOptions) window() (analysis.Window, error) {
	var w analysis.Window
	n := 0
	for _, v := range []string{o.asOf, o.to, o.knownBy} {
		if v != "" {
			n++
		}
	}
	if n > 1 {
		return w, usagef("give one of --as-of, --to and --known-by")
	}
	end := o.to
	if o.asOf != "" {
		end = o.asOf
	}
	if o.knownBy != "" {
		end = o.knownBy
		w.Known = true
	}
	if end != "" {
		d, err := graphmodel.ParseDate(end)
		if err != nil || d.IsZero() {
			return w, usagef("--as-of/--to/--known-by: %v", err)
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
