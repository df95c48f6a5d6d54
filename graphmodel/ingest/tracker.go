package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// tracker turns each data row into received relationships: one from the
// nationality when the row names exactly one, otherwise one for the total
// from ZZ (unspecified nationalities) plus one without a count per named
// nationality, as the curated seed records mixed groups.
type tracker struct {
	opt  Options
	res  *Result
	seen map[string]int
}

func newTracker(opt Options, res *Result) *tracker {
	return &tracker{opt: opt, res: res, seen: map[string]int{}}
}

var footer = regexp.MustCompile(`(?i)^(read more|source|sources|note|notes|updated|last updated|see also|more|total|totals|grand total|http|www\.|©|copyright|\*)`)

func (t *tracker) row(n int, v rowView) {
	dest := v.get("destination")
	filled := 0
	for _, c := range v.cells {
		if strings.TrimSpace(c) != "" {
			filled++
		}
	}
	if dest == "" || footer.MatchString(dest) {
		t.res.reject(n, "not a data row (footer, total or link)", v.cells)
		return
	}
	to, ok := t.opt.Registry.Resolve(dest)
	if !ok {
		if filled <= 2 {
			t.res.reject(n, "not a data row (footer, total or link)", v.cells)
		} else {
			t.res.reject(n, fmt.Sprintf("unknown destination country %q", dest), v.cells)
		}
		return
	}
	rawDate := v.get("date")
	if rawDate == "" {
		t.res.reject(n, "no date", v.cells)
		return
	}
	date, err := ParseDate(rawDate)
	if err != nil {
		t.res.reject(n, err.Error(), v.cells)
		return
	}
	if reason := t.badNumbers(v, date); reason != "" {
		t.res.reject(n, reason, v.cells)
		return
	}
	content := strings.Join(v.cells, "\x1f")
	if first, dup := t.seen[content]; dup {
		t.res.reject(n, fmt.Sprintf("duplicate of row %d", first), v.cells)
		return
	}
	t.seen[content] = n
	var notes []string
	if end := v.get("date_end"); end != "" {
		if e, err := ParseDate(end); err == nil {
			notes = append(notes, "through "+e.String())
		} else {
			notes = append(notes, fmt.Sprintf("end date as given: %q", end))
		}
	}
	count, cerr := ParseCount(v.get("number"))
	if cerr != nil {
		notes = append(notes, fmt.Sprintf("number as given: %q", v.get("number")))
	}
	if cerr == nil { // the notes may contradict the number or qualify it (notes.go)
		var problem string
		if count, problem = reconcileNoteCount(t.opt.Registry, v.get("number"), count, v.get("notes")); problem != "" {
			t.res.reject(n, problem, v.cells)
			return
		}
	}
	nats, unresolved := Nationalities(t.opt.Registry, v.get("nationalities"))
	for _, u := range unresolved {
		t.res.Accounting.Unresolved[u]++
	}
	if len(unresolved) > 0 {
		notes = append(notes, "nationalities as given: "+v.get("nationalities"))
	}
	if note := v.get("notes"); note != "" {
		notes = append(notes, note)
	}
	if u := v.get("source_url"); u != "" {
		notes = append(notes, "source: "+u)
	}
	src := t.opt.Source
	base := strings.ToLower(fmt.Sprintf("%s-trk-%s-%s-%s", src.Key, to, date, shortHash(content)))
	note := fmt.Sprintf("Tracker row %d: removal to %s", n, t.opt.Registry.Name(to))
	if len(notes) > 0 {
		note += "; " + strings.Join(notes, "; ")
	}
	mk := func(key string, from graphmodel.Code, c graphmodel.Count, extra string) graphmodel.Relationship {
		return graphmodel.Relationship{Key: key, Type: graphmodel.Received, FromCountry: from, ToCountry: to, Date: graphmodel.On(date),
			Status: graphmodel.Completed, Count: c, Confidence: t.opt.Confidence, Sources: []string{src.Key}, Note: note + extra}
	}
	t.res.Accounting.Used++
	if len(nats) == 1 && len(unresolved) == 0 {
		t.res.Relationships = append(t.res.Relationships, mk(base, nats[0], count, ""))
		return
	}
	// The total goes to ZZ; named nationalities are recorded without a
	// count, so their numbers are never double counted.
	t.res.Relationships = append(t.res.Relationships, mk(base, "ZZ", count, " (total for the row)"))
	for _, c := range nats {
		if c == to || c == "ZZ" {
			continue
		}
		t.res.Relationships = append(t.res.Relationships, mk(base+"-"+strings.ToLower(string(c)), c, graphmodel.Count{}, " (a nationality named in the row; count in the row total)"))
	}
}

func (t *tracker) finish() {}

// badNumbers returns why a row's numbers cannot stand, or "": a negative
// or impossibly large count, or a range that ends before it starts. Such a
// row is rejected rather than imported with the number dropped or flipped.
func (t *tracker) badNumbers(v rowView, start graphmodel.Date) string {
	// Reasons end in the quoted value, so the summary groups them.
	raw := v.get("number")
	switch _, err := ParseCount(raw); {
	case errors.Is(err, ErrNegativeCount):
		return fmt.Sprintf("number removed is negative %q", raw)
	case errors.Is(err, ErrCountTooLarge):
		return fmt.Sprintf("number removed is more than the largest count accepted (%d) %q", graphmodel.MaxCount, raw)
	}
	if rawEnd := v.get("date_end"); rawEnd != "" {
		if end, err := ParseDate(rawEnd); err == nil && !end.End().After(start.Start()) {
			return fmt.Sprintf("date range ends before it starts %q", start.String()+" to "+end.String())
		}
	}
	return ""
}
