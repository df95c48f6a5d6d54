package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

type patternsOptions struct {
	dataOptions
	windowOptions
	format string
	list   bool
	name   string
}

func patternsMain(ctx context.Context, args []string, e env) error {
	var o patternsOptions
	fs := newFlags("patterns", "[NAME]", "Lists the matches of every pattern in the catalogue (or of NAME), each with the\nrelationships that make it and their sources. --list shows the catalogue.", e)
	o.dataOptions.register(fs)
	o.windowOptions.register(fs)
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table or json")
	fs.BoolVar(&o.list, "list", false, "list the pattern catalogue with definitions")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("patterns takes at most one pattern name")
	}
	o.name = fs.Arg(0)
	if err := checkFormat(o.format); err != nil {
		return err
	}
	return runPatterns(ctx, o, e)
}

func runPatterns(ctx context.Context, o patternsOptions, e env) error {
	if o.list {
		for _, p := range analysis.Patterns {
			fmt.Fprintf(e.stdout, "%s — %s\n  %s\n", p.Name, p.Title, p.Definition)
		}
		return nil
	}
	pats := analysis.Patterns
	if o.name != "" {
		p, err := analysis.PatternByName(o.name)
		if err != nil {
			return usagef("%v", err)
		}
		pats = []analysis.Pattern{p}
	}
	w, err := o.window()
	if err != nil {
		return err
	}
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	var all []analysis.Match
	for _, p := range pats {
		all = append(all, p.Find(d, w)...)
	}
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, struct {
			reportHeader
			Matches []analysis.Match `json:"matches"`
		}{headerOf(d, w), all}, "  ")
	}
	fmt.Fprintf(e.stdout, "dataset: %s\nwindow: %s\n", describe(d), windowLabel(w))
	lin := d.Lineage()
	for _, p := range pats {
		fmt.Fprintf(e.stdout, "\n== %s: %s\n   %s\n", p.Name, p.Title, p.Definition)
		n := 0
		for _, m := range all {
			if m.Pattern != p.Name {
				continue
			}
			n++
			fmt.Fprintf(e.stdout, "\n  %s — %s\n", m.Country, m.Summary)
			for _, ev := range m.Evidence {
				status := ""
				if ev.Status != "" {
					status = " [" + string(ev.Status) + "]"
				}
				fmt.Fprintf(e.stdout, "    %s %s %s->%s %s%s (%s)\n", ev.Key, ev.Type, ev.From, ev.To, ev.Date, status, sourcesText(lin, ev.Sources))
			}
		}
		if n == 0 {
			fmt.Fprintf(e.stdout, "\n  no matches\n")
		}
	}
	return nil
}

// sourcesText lists a claim's sources and how many independent accounts
// they are, so a reader sees that a report and its republication are one.
func sourcesText(lin *graphmodel.Lineage, sources []string) string {
	return fmt.Sprintf("%s; %d independent", strings.Join(sources, ", "), lin.Independent(sources))
}
