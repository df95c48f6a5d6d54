// Package collect gathers everything the briefing shows: the views, hubs,
// patterns, profiles, dependencies and timeline of one analysis.Results
// (the same the workbook and graph files take), and the counts as of the
// end of every month for the slider. It is the only place the briefing
// calls analysis.
package collect

import (
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/graphmodel"
)

// Results returns what briefing.Write needs from the analysis res (of a
// dataset already cut to res.Window by the caller, as the other exports
// are), adding the slider's month-by-month counts. res.Seed seeds the
// layout.
func Results(res *analysis.Results) briefing.Results {
	d, w := res.Dataset, res.Window
	r := briefing.Results{
		Dataset:      d,
		Provenance:   d.Provenance(),
		Window:       w,
		Generated:    d.Meta.Updated.Start(),
		Counted:      analysis.Counted(d.Relationships),
		Patterns:     res.Patterns(),
		Profiles:     res.Profiles(),
		Dependencies: res.Dependencies(),
		Timeline:     res.Timeline(),
		Seed:         res.Seed,
	}
	for _, l := range analysis.Layers {
		layer := res.Layer(l)
		g := layer.Graph
		lr := briefing.LayerResult{Layer: l, Types: l.Types(), Hubs: layer.Hubs, Edges: g.EdgeList()}
		for i := 0; i < g.Len(); i++ {
			lr.Nodes = append(lr.Nodes, g.Name(i))
		}
		r.Layers = append(r.Layers, lr)
	}
	for _, m := range Months(d, w) {
		end := m.AddDate(0, 1, -1)
		if !w.To.IsZero() && end.After(w.To) {
			end = w.To
		}
		mr := snapshot(d, analysis.Window{From: w.From, To: end})
		mr.Month = m.Format("2006-01")
		r.Months = append(r.Months, mr)
	}
	r.Whole = snapshot(d, w)
	r.Story = DefaultStory(r)
	return r
}

// Months lists the slider's months: the first day of every month from the
// earliest month- or day-dated relationship in w to the latest start of any
// dated one. A claim dated only to a quarter or a year sets no first month
// of its own (that would put it in January, and open the slider on months
// nothing happened in); it is in every window that overlaps its period, so
// it shows from the first month it overlaps. Only when every claim is
// coarse do they set the range.
func Months(d *graphmodel.Dataset, w analysis.Window) []time.Time {
	var first, firstCoarse, last time.Time
	for i := range d.Relationships {
		rd := d.Relationships[i].Date
		if rd.IsZero() || !w.Contains(&d.Relationships[i]) {
			continue
		}
		s := rd.Start()
		if rd.OpenStart() {
			// "By May 2025" has no first month; its last is the one known.
			s = rd.End().AddDate(0, 0, -1)
		}
		s = time.Date(s.Year(), s.Month(), 1, 0, 0, 0, 0, time.UTC)
		if rd.Precision() >= graphmodel.Month {
			if first.IsZero() || s.Before(first) {
				first = s
			}
		} else if firstCoarse.IsZero() || s.Before(firstCoarse) {
			firstCoarse = s
		}
		if s.After(last) {
			last = s
		}
	}
	if first.IsZero() {
		first = firstCoarse
	}
	if first.IsZero() {
		return nil
	}
	if !w.From.IsZero() {
		f := time.Date(w.From.Year(), w.From.Month(), 1, 0, 0, 0, 0, time.UTC)
		if f.After(first) {
			first = f
		}
	}
	if !w.To.IsZero() {
		// A claim only possibly in the window ("by May 2025" as of March)
		// does not stretch the slider past the window's end.
		if t := time.Date(w.To.Year(), w.To.Month(), 1, 0, 0, 0, 0, time.UTC); t.Before(last) {
			last = t
		}
	}
	var out []time.Time
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	return out
}

// snapshot is the analysis of one window, as the counts panel and the map
// show it.
func snapshot(d *graphmodel.Dataset, w analysis.Window) briefing.MonthResult {
	rels, _, counted := analysis.SelectEvents(d, w)
	within := analysis.WithinGroups(rels)
	mr := briefing.MonthResult{
		Relationships: len(rels),
		Matches:       len(analysis.FindAll(d, w)),
		Nodes:         map[analysis.Layer]int{},
		Edges:         map[analysis.Layer]int{},
		Countries:     map[graphmodel.Code]briefing.CountryMeasures{},
	}
	for _, l := range analysis.Layers {
		// As analyze counts them: the graph paths run through, without
		// placeholders (groups, unspecified nationalities).
		g := analysis.View(d, l, w).Structural()
		mr.Nodes[l], mr.Edges[l] = g.Len(), g.Edges()
	}
	tot := analysis.TotalsOf(d, w).All()
	mr.UnknownSize, mr.Payments, mr.Agreements = tot.UnknownSize, tot.Payments, tot.Agreements
	answers := map[graphmodel.Code]analysis.Answer{}
	for _, a := range analysis.Answers(d, w) {
		answers[a.Country] = a
	}
	for i := range rels {
		rel := &rels[i]
		if p := rel.Date.Precision(); p != graphmodel.PrecisionNone && p < graphmodel.Month {
			mr.Coarse++
		}
		c := mr.Countries[rel.ToCountry]
		switch rel.Type {
		case graphmodel.Received:
			if counted[i] && !within[i] && analysis.IsReception(rel) {
				c.Received += rel.Count.Value
				mr.People += rel.Count.Value
				if rel.Count.IsZero() {
					c.UnknownSize++
				}
			}
		case graphmodel.Approached:
			c.Approached++
			// The answer in force, from the country's own statements by
			// event time (analysis.Answers): a status, or disputed, or
			// no_answer.
			if a, ok := answers[rel.ToCountry]; ok {
				c.Latest = graphmodel.Status(a.Label())
			}
		case graphmodel.Paid:
			if counted[i] {
				c.Paid += rel.Money.Amount
				if c.PaidIn == nil {
					c.PaidIn = map[string]int64{}
				}
				c.PaidIn[rel.Money.Currency] += rel.Money.Amount
			}
		default:
			continue
		}
		mr.Countries[rel.ToCountry] = c
	}
	return mr
}
