package neostore

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel"
)

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// countryRows are every actor the relationships use plus every record the
// dataset defines; the latter keep their record verbatim for read-back.
func (s *Store) countryRows(d *graphmodel.Dataset) []map[string]any {
	used := map[graphmodel.Code]bool{}
	var order []graphmodel.Code
	add := func(c graphmodel.Code) {
		if !used[c] {
			used[c] = true
			order = append(order, c)
		}
	}
	records := map[graphmodel.Code]graphmodel.Country{}
	for _, c := range d.Countries {
		add(c.Code)
		records[c.Code] = c
	}
	for _, r := range d.Relationships {
		add(r.FromCountry)
		add(r.ToCountry)
	}
	rows := make([]map[string]any, 0, len(order))
	for i, code := range order {
		c, _ := d.Registry.Country(code)
		props := map[string]any{
			"name": c.Name, "kind": string(c.Kind), "region": c.Region, "alpha3": c.Alpha3,
			"aliases": nonNil(c.Aliases), "demonyms": nonNil(c.Demonyms), "has_record": false,
		}
		if rec, ok := records[code]; ok {
			raw, _ := json.Marshal(rec)
			props["has_record"] = true
			props["record"] = string(raw)
			props["record_seq"] = int64(i)
		}
		rows = append(rows, map[string]any{"code": string(code), "props": props})
	}
	return rows
}

// registryRows are every actor of d's registry, records first: a
// streamed load cannot know in advance which ones its relationships use.
func (s *Store) registryRows(d *graphmodel.Dataset) []map[string]any {
	used := &graphmodel.Dataset{Countries: d.Countries, Registry: d.Registry}
	for _, code := range d.Registry.Codes() {
		used.Relationships = append(used.Relationships, graphmodel.Relationship{FromCountry: code, ToCountry: code})
	}
	return s.countryRows(used)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sourceRow(seq int, s graphmodel.Source) map[string]any {
	props := map[string]any{
		"id": s.Key, "seq": int64(seq), "publisher": s.Publisher, "title": s.Title,
		"published": s.Published.String(), "published_precision": s.Published.Precision.String(),
		"kind": string(s.Kind), "url": s.URL, "note": s.Note,
		"domain": s.Domain, "republishes": s.Republishes, "derived_from": nonNil(s.DerivedFrom), "availability": s.Availability,
	}
	if !s.Published.IsZero() {
		props["published_start"] = neo4j.DateOf(s.Published.Start())
	}
	return map[string]any{"id": s.Key, "props": props}
}

// A relationship row is a list, not a map: at a million relationships
// the rows waiting in batches are most of a load's memory, and a list of
// 19 values is a quarter of the size of the equivalent map. Positions:
// id, from, to, then relProps in order.
const (
	rowID = iota
	rowFrom
	rowTo
	rowProps
)

// relProps are the relationship properties besides id, in row order.
// campaign says whether the claim is the dataset's campaign's
// (graphmodel.Dataset.Campaign), so the Cypher patterns leave other pressing
// states' claims out as the Go ones do.
// date_start and date_end bound the event's period (null: open on that
// side); reported is the claim's own report date as written, and
// reported_start and reported_end bound its first report (its own, else
// the earliest of its sources' published dates), for "known by" queries;
// part_of is the id of the counted claim whose people include this one's.
var relProps = []string{"seq", "date", "date_start", "date_end", "date_precision", "event", "status", "instrument",
	"count", "count_qualifier", "amount", "currency", "amount_qualifier", "confidence", "sources", "note",
	"reported", "reported_start", "reported_end", "stated_by", "payment_tie", "campaign", "part_of"}

var relSetClause = func() string {
	parts := make([]string, len(relProps))
	for i, p := range relProps {
		parts[i] = fmt.Sprintf("r.%s = row[%d]", p, rowProps+i)
	}
	return strings.Join(parts, ", ")
}()

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// relRow is r as a row. Every position is always filled; nil removes a
// property left by an earlier version of the relationship.
func relRow(seq int, r *graphmodel.Relationship, lookup func(string) (graphmodel.Source, bool), campaign func(*graphmodel.Relationship) bool) []any {
	var count, countQ, amount, currency, amountQ any
	start, end := periodBounds(r.Date)
	first, _ := r.FirstReported(lookup)
	repStart, repEnd := periodBounds(first)
	if !r.Count.IsZero() {
		count, countQ = r.Count.Value, string(r.Count.Qualifier)
	}
	if !r.Money.IsZero() {
		amount, currency, amountQ = r.Money.Amount, r.Money.Currency, string(r.Money.Qualifier)
	}
	return []any{r.Key, string(r.FromCountry), string(r.ToCountry),
		int64(seq), r.Date.String(), start, end, r.Date.Kind(), orNil(r.Event), orNil(string(r.Status)),
		orNil(string(r.Instrument)), count, countQ, amount, currency, amountQ, string(r.Confidence), nonNil(r.Sources), r.Note,
		orNil(r.Reported.String()), repStart, repEnd, orNil(string(r.StatedBy)), orNil(string(r.PaymentTie)), campaign(r), orNil(r.PartOf)}
}

// periodBounds are p's first and last day as Neo4j dates; an open side,
// or a zero period, has no DATE: null says "no bound known".
func periodBounds(p graphmodel.Period) (start, end any) {
	if !p.IsZero() && !p.OpenStart() {
		start = neo4j.DateOf(p.Start())
	}
	if !p.IsZero() && !p.OpenEnd() {
		end = neo4j.DateOf(p.End().AddDate(0, 0, -1))
	}
	return start, end
}

// campaignList is meta's campaign as a Neo4j list (never null, so a
// reload clears an earlier campaign).
func campaignList(cs []graphmodel.Code) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}
