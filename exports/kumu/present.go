package kumu

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/exports/graphdata"
)

// What a Kumu user presents: connections labelled to read from tail to
// head, a sentence for each, the years as tags for Kumu's filters and
// tagged timeline, sources and licence as fields, context claims and
// placeholder actors told apart.

// arrowLabels are the connection labels, read from From to To: the
// dataset's direction for every type (for received, nationality →
// receiver: "Afghanistan — nationals received by → Panama").
var arrowLabels = map[string]string{
	"approached":          "pressed",
	"received":            "nationals received by",
	"paid":                "paid",
	"travel_ban_leverage": "travel-ban leverage on",
	"other_leverage":      "leverage on",
	"concession_sought":   "asked a concession of",
	"onward_return":       "sent people on to",
	"transit":             "waypoint to",
	"removal_blocked":     "removal blocked by a court to",
	"migration_context":   "context: nationals living in",
}

// arrowLabel is the label of one connection; a received loop (the same
// code at both ends) is a return of a country's own citizens.
func arrowLabel(e graphdata.Edge) string {
	if e.Type == "received" && e.Source == e.Target {
		return "own citizens returned to"
	}
	if l, ok := arrowLabels[e.Type]; ok {
		return l
	}
	return strings.ReplaceAll(e.Type, "_", " ")
}

// sentence says a connection in words, subject first: "Panama received
// nationals of Afghanistan (2025-02, completed)".
func sentence(e graphdata.Edge, name func(string) string) string {
	from, to := name(e.Source), name(e.Target)
	var s string
	switch {
	case e.Type == "received" && e.Source == e.Target:
		s = fmt.Sprintf("%s received its own citizens back", to)
	case e.Type == "received":
		s = fmt.Sprintf("%s received nationals of %s", to, from)
	case e.Type == "migration_context":
		s = fmt.Sprintf("Context: nationals of %s living in or crossing %s", from, to)
	default:
		s = fmt.Sprintf("%s %s %s", from, arrowLabel(e), to)
	}
	var detail []string
	if e.HasCount {
		q := e.CountQualifier
		if q == "exact" {
			q = ""
		}
		detail = append(detail, strings.TrimSpace(strings.ReplaceAll(q, "_", " ")+" "+strconv.FormatInt(e.Count, 10)+" people"))
	}
	for _, x := range []string{e.Date, e.Status} {
		if x != "" {
			detail = append(detail, strings.ReplaceAll(x, "_", " "))
		}
	}
	if len(detail) > 0 {
		s += " (" + strings.Join(detail, ", ") + ")"
	}
	return s
}

// claimKind separates context claims from the deportation network.
func claimKind(e graphdata.Edge) string {
	if e.Type == "migration_context" {
		return "context"
	}
	return "deportation"
}

// years are the years a connection's period covers, each a tag, as
// Kumu's tagged-timeline control reads them (it filters by years in the
// Tags field and asks for every year an item was present, docs.kumu.io
// guides/controls/tagged-timeline-control). A period with an open start
// ("by 2024") gets none: which years it covers is not known. An open end
// gives its first year only. A period spanning more than maxYears years
// is not spread over the timeline either.
func years(e graphdata.Edge) []string {
	if e.Start.IsZero() {
		return nil
	}
	first, last := e.Start.Year(), e.Start.Year()
	if !e.End.IsZero() {
		last = e.End.AddDate(0, 0, -1).Year()
	}
	if last < first || last-first >= maxYears {
		return []string{strconv.Itoa(first)}
	}
	var out []string
	for y := first; y <= last; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// maxYears bounds the year tags of one connection.
const maxYears = 50

// endDate is the last day of a connection's period (End is exclusive).
func endDate(e graphdata.Edge) string {
	if e.End.IsZero() {
		return ""
	}
	return e.End.AddDate(0, 0, -1).Format("2006-01-02")
}

func startDate(e graphdata.Edge) string {
	if e.Start.IsZero() {
		return ""
	}
	return e.Start.Format("2006-01-02")
}

// sourceFields are the titles (with publisher) and URLs of a connection's
// sources, "|"-separated as Kumu lists are.
func sourceFields(g graphdata.Graph, keys string) (titles, urls string) {
	var ts, us []string
	for _, k := range strings.Split(keys, "; ") {
		s, ok := g.Sources[k]
		if !ok {
			continue
		}
		t := s.Title
		if s.Publisher != "" {
			t = s.Publisher + ": " + t
		}
		ts = append(ts, t)
		if s.URL != "" {
			us = append(us, s.URL)
		}
	}
	return strings.Join(ts, "|"), strings.Join(us, "|")
}

// readMe is the third sheet (readMeSheet): what the fields are, the licence, and the
// Kumu styling that sets placeholders and context claims apart (Kumu
// reads Elements and Connections; styles are pasted into a map's
// Advanced Editor).
func readMe(g graphdata.Graph) [][]any {
	p := g.Provenance
	return [][]any{
		{"Dataset", fmt.Sprintf("%s %s (sha256:%s)", p.DatasetName, p.DatasetVersion, p.ContentHash)},
		{"License", g.License},
		{"How to cite", g.Citation},
		{"Import", "Kumu reads the Elements and Connections sheets of this file and skips this one, whose name ends in (ignore); ID columns make a re-import update the map in place."},
		{"Connections", "Label reads from From to To (\"nationals received by\": the From country's nationals went to the To country); Summary says each claim in a sentence; Kind is deportation or context (migration_context claims), to filter the context out."},
		{"Timeline", fmt.Sprintf("Every year a claim's period covers is a tag and in the %s field, for Kumu's tagged-timeline control (it filters by years in Tags); a period with an open start (\"by 2024\") has none. %s and %s are the period's first and last days (YYYY-MM-DD), ordinary fields, which the timeline control does not read.", fieldYear, fieldStart, fieldEnd)},
		{"Placeholders", "ZZ (unspecified nationalities) and GRP_… (unnamed groups) are not countries: Type Placeholder, tag placeholder."},
		{"Kumu styles (paste into the Advanced Editor)", kumuStyles},
	}
}

// kumuStyles draws placeholders small, grey and square, and context
// claims dashed and grey, in Kumu's decoration syntax.
const kumuStyles = `element[type="Placeholder"] { color: #bbbbbb; shape: square; size: 20; }
connection[kind="context"] { color: #999999; pattern: dashed; }`
