package collect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/graphmodel"
)

// DefaultStory is the presentation a briefing carries when the analyst
// gives none: the first month with a reception, the month the most people
// were received, the answers at the end, the money, and the whole picture.
// Every sentence is built from the counts of its own window, so it stays
// true whatever the dataset.
func DefaultStory(r briefing.Results) []briefing.StoryStep {
	d := r.Dataset
	var steps []briefing.StoryStep
	if len(r.Months) > 0 {
		first := r.Months[0]
		steps = append(steps, briefing.StoryStep{Month: first.Month, Measure: "approached", Layer: string(analysis.LayerApproach),
			Text: fmt.Sprintf("By the end of %s, %s.", first.Month, approachedText(first))})
		best := r.Months[0]
		for _, m := range r.Months {
			if m.People > best.People {
				best = m
			}
		}
		if best.People > 0 {
			steps = append(steps, briefing.StoryStep{Month: best.Month, Measure: "received", Layer: string(analysis.LayerFlow),
				Text: fmt.Sprintf("By the end of %s, %s people had been received in third countries%s.", best.Month, briefing.Number(best.People), topReceivers(d, best, 3))})
		}
	}
	steps = append(steps, briefing.StoryStep{Measure: "latest", Layer: string(analysis.LayerApproach), Types: []string{string(graphmodel.Approached)},
		Text: "Each pressed government's latest answer: " + answerText(r.Whole) + "."})
	if payers := paidText(d, r.Whole); payers != "" {
		steps = append(steps, briefing.StoryStep{Measure: "paid", Layer: string(analysis.LayerMoney), Types: []string{string(graphmodel.Paid)},
			Text: "Money paid to receiving governments: " + payers + "."})
	}
	steps = append(steps, briefing.StoryStep{Measure: "received", Layer: string(analysis.LayerAll),
		Text: fmt.Sprintf("Over all dates: %d claims, %s people received in third countries.", r.Whole.Relationships, briefing.Number(r.Whole.People))})
	return steps
}

func approachedText(m briefing.MonthResult) string {
	n := 0
	for _, c := range m.Countries {
		if c.Approached > 0 {
			n++
		}
	}
	if n == 1 {
		return "1 government had been approached"
	}
	return fmt.Sprintf("%d governments had been approached", n)
}

func topReceivers(d *graphmodel.Dataset, m briefing.MonthResult, k int) string {
	type kv struct {
		code graphmodel.Code
		n    int64
	}
	var list []kv
	for c, x := range m.Countries {
		if x.Received > 0 {
			list = append(list, kv{c, x.Received})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].code < list[j].code
	})
	if len(list) > k {
		list = list[:k]
	}
	out := ""
	for i, x := range list {
		sep := ", "
		if i == 0 {
			sep = ", most in "
		}
		out += sep + fmt.Sprintf("%s (%s)", countryName(d, x.code), briefing.Number(x.n))
	}
	return out
}

func answerText(m briefing.MonthResult) string {
	count := map[graphmodel.Status]int{}
	for _, c := range m.Countries {
		if c.Latest != "" {
			count[c.Latest]++
		}
	}
	// The answer states beside the statuses: analysis.Answer.Label.
	labels := append(append([]graphmodel.Status(nil), graphmodel.Statuses...), graphmodel.Status(analysis.Disputed), graphmodel.Status(analysis.NoAnswer))
	var parts []string
	for _, s := range labels {
		if count[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[s], strings.ReplaceAll(string(s), "_", " ")))
		}
	}
	if len(parts) == 0 {
		return "none reported"
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out += ", " + p
	}
	return out
}

func paidText(d *graphmodel.Dataset, m briefing.MonthResult) string {
	var codes []graphmodel.Code
	for c, x := range m.Countries {
		if len(x.PaidIn) > 0 {
			codes = append(codes, c)
		}
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	out := ""
	for i, c := range codes {
		if i > 0 {
			out += "; "
		}
		out += countryName(d, c) + " " + briefing.MoneyText(m.Countries[c].PaidIn)
	}
	return out
}

func countryName(d *graphmodel.Dataset, c graphmodel.Code) string {
	if ct, ok := d.Registry.Country(c); ok {
		return ct.Name
	}
	return string(c)
}
