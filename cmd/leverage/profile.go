package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

type profileOptions struct {
	dataOptions
	windowOptions
	format  string
	country string
}

func profileMain(ctx context.Context, args []string, e env) error {
	var o profileOptions
	fs := newFlags("profile", "COUNTRY", "Shows what was applied to COUNTRY (code, name, alias or demonym), how it answered,\nwhat it asked for, what people moved through it, and the patterns it is in.", e)
	o.dataOptions.register(fs)
	o.windowOptions.register(fs)
	fs.StringVar(&o.format, "format", "table", "output `FORMAT`: table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("profile needs exactly one COUNTRY")
	}
	o.country = fs.Arg(0)
	if err := checkFormat(o.format); err != nil {
		return err
	}
	return runProfile(ctx, o, e)
}

func runProfile(ctx context.Context, o profileOptions, e env) error {
	w, err := o.window()
	if err != nil {
		return err
	}
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	code, err := resolveCountry(d, o.country)
	if err != nil {
		return err
	}
	p := analysis.ProfileOf(d, code, w)
	if o.format == "json" {
		return jsonsafe.Encode(e.stdout, struct {
			reportHeader
			analysis.Profile
		}{headerOf(d, w), p}, "  ")
	}
	out := e.stdout
	lin := d.Lineage()
	fmt.Fprintf(out, "dataset: %s\nwindow: %s\n\n%s (%s), %s\n", describe(d), windowLabel(w), p.Name, p.Country, p.Region)
	if p.First == "" {
		fmt.Fprintf(out, "no relationships in this window\n")
		return nil
	}
	answer := string(p.Outcome)
	switch p.Answer {
	case analysis.Disputed:
		answer = "disputed (its own statements in force disagree; see approaches)"
	case analysis.NoAnswer:
		answer = "no answer of its own reported"
	}
	fmt.Fprintf(out, "dated %s to %s; its answer in force (its own statements, by event time): %s\n", p.First, p.Last, orNone(answer))
	fmt.Fprintf(out, "instruments: %s\n", orNone(strings.Join(p.Instruments, ", ")))
	if p.PeopleIn > 0 || p.UnknownIn > 0 {
		fmt.Fprintf(out, "people received (face value, each event once): %s\n", atLeast(p.PeopleIn, p.UnknownIn))
	}
	for cur, amt := range p.MoneyIn {
		fmt.Fprintf(out, "paid to it: %d %s (sum of claims, which may overlap)\n", amt, cur)
	}
	for _, sec := range []struct {
		title string
		ev    []analysis.Evidence
	}{{"approaches", p.Approaches}, {"leverage and payments", p.Leverage}, {"concessions it sought", p.Concessions},
		{"people it received", p.Received}, {"its nationals elsewhere and onward returns", p.Sent}, {"other", p.Other}} {
		if len(sec.ev) == 0 {
			continue
		}
		fmt.Fprintf(out, "\n%s:\n", sec.title)
		for _, ev := range sec.ev {
			st := ""
			if ev.Status != "" {
				st = " [" + string(ev.Status) + "]"
			}
			fmt.Fprintf(out, "  %s %s %s->%s%s: %s (%s)\n", ev.Date, ev.Type, ev.From, ev.To, st, ev.Note, sourcesText(lin, ev.Sources))
		}
	}
	if len(p.Patterns) > 0 {
		fmt.Fprintf(out, "\npatterns:\n")
		for _, m := range p.Patterns {
			fmt.Fprintf(out, "  %s: %s\n", m.Pattern, m.Summary)
		}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// atLeast says a sum of people with receptions of unknown size apart:
// "at least 200, plus 1 reception of unknown size"; just "200" when every
// size is known.
func atLeast(n int64, unknown int) string {
	plural := "s"
	if unknown == 1 {
		plural = ""
	}
	switch {
	case unknown == 0:
		return fmt.Sprint(n)
	case n == 0:
		return fmt.Sprintf("unknown (%d reception%s, size not given)", unknown, plural)
	case unknown == 1:
		return fmt.Sprintf("at least %d, plus 1 reception of unknown size", n)
	}
	return fmt.Sprintf("at least %d, plus %d receptions of unknown size", n, unknown)
}
