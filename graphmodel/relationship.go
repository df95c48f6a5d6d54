package graphmodel

import (
	"hash/fnv"

	"gonum.org/v1/gonum/graph"
)

// Source is a document a claim rests on.
type Source struct {
	Key       string // stable id, e.g. "nyt-2025-06-deal-making"
	Publisher string
	Title     string // as the document gives it, or our description (see Availability)
	Published Date
	Kind      SourceKind
	URL       string // optional
	// Domain is the publisher's web domain ("nytimes.com"), optional; two
	// sources on one domain are not thereby one report.
	Domain string
	// Republishes is the key of the source this one is a republication of
	// (the same report, possibly edited): never an independent account.
	Republishes string
	// DerivedFrom lists the sources this one restates or reaches us through
	// (a summary restating a report; a statement known only as a report
	// quotes it). See Independence.
	DerivedFrom []string
	// Availability says what the stored copy lacks, e.g. "no headline in the
	// stored copy; the title is descriptive", so the title never carries it.
	Availability string
	Note         string // our own words: what the document is, caveats
}

// Relationship is one dated, sourced claim: one line of the multigraph.
// A country approached twice has two Relationships, never one overwritten.
type Relationship struct {
	Key string // stable id; never reused for a different claim
	// Event groups claims about one event that sources report differently
	// (El Salvador paid "about $5 million" or "up to $15 million"). Claims
	// sharing an Event are alternatives: their counts and amounts are never
	// added together. Empty for a claim no other claim competes with.
	Event       string
	Type        RelType
	FromCountry Code
	ToCountry   Code
	// Date is the event's period: when the thing happened, as far as the
	// sources allow, never the date it was reported (see Period).
	Date Period
	// Reported is when the claim was reported, given only when that is not
	// its sources' published dates (a tracker's scrape or export date).
	// Empty: one report date per source, its Published. See ReportDates.
	Reported   Period
	Status     Status
	StatedBy   Speaker // approached only: whose account the status is
	Instrument Instrument
	PaymentTie PaymentTie // paid only: what a source ties the payment to
	Count      Count
	// PartOf is the key of another claim whose count includes this one's
	// people: Afghans among the roughly 300 Panama received in February.
	// Same type and receiver; the claim it names has a count and is part
	// of nothing itself. Sums count the group once and this claim's people
	// never beside it, so a nationality row with no number of its own is
	// not a reception of unknown size. Empty for a claim counted alone.
	PartOf     string
	Money      Money
	Confidence Confidence
	Sources    []string // Source keys, at least one
	Note       string   // the fact in our own words
}

var _ graph.Line = Relationship{}

// From returns the tail of the line.
func (r Relationship) From() graph.Node { return r.FromCountry }

// To returns the head of the line.
func (r Relationship) To() graph.Node { return r.ToCountry }

// ReversedLine returns a copy with From and To swapped, as graph.Line requires.
func (r Relationship) ReversedLine() graph.Line {
	r.FromCountry, r.ToCountry = r.ToCountry, r.FromCountry
	return r
}

// ID returns a line ID derived from Key alone (63-bit FNV-1a), stable across
// runs and datasets. Dataset.Validate rejects the astronomically rare
// collision rather than let two lines share an ID.
func (r Relationship) ID() int64 { return KeyID(r.Key) }

// KeyID is the stable 63-bit ID of a string key.
func KeyID(key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int64(h.Sum64() &^ (1 << 63))
}

// Weight is the relationship's weight in a weighted view: the count of
// people when given, else the amount of money, else 0, unknown (never an
// invented 1; analysis.Layer.Weight is what the views use). Qualified
// numbers are taken at face value ("up to 50" weighs 50).
func (r Relationship) Weight() float64 {
	switch {
	case r.Count.Value > 0:
		return float64(r.Count.Value)
	case r.Money.Amount > 0:
		return float64(r.Money.Amount)
	}
	return 0
}

// HasTimeFields reports whether r sets any of the fields dataset 1.2.0
// added (reported, stated_by, payment_tie); writers and hashes leave them
// out of datasets that use none, so older datasets keep their bytes.
func (r Relationship) HasTimeFields() bool {
	return !r.Reported.IsZero() || r.StatedBy != SpeakerNone || r.PaymentTie != TieUnknown
}

// HasPartOf reports whether r sets PartOf, the field dataset 1.3.0 added;
// writers and hashes leave it out of datasets that use none, so older
// datasets keep their bytes.
func (r Relationship) HasPartOf() bool { return r.PartOf != "" }

// ReportDates returns when the claim was reported: Reported when given,
// else the Published date of each of its sources found by lookup, in
// source order. A report date bounds the event from above: whatever was
// reported had happened (or been planned) by then.
func (r Relationship) ReportDates(lookup func(key string) (Source, bool)) []Period {
	if !r.Reported.IsZero() {
		return []Period{r.Reported}
	}
	out := make([]Period, 0, len(r.Sources))
	for _, k := range r.Sources {
		if s, ok := lookup(k); ok && !s.Published.IsZero() {
			out = append(out, On(s.Published))
		}
	}
	return out
}

// FirstReported returns the earliest instant by which the claim is
// certainly known (the earliest End of its report dates), and false when
// it has none. "Known by t" is FirstReported <= t.
func (r Relationship) FirstReported(lookup func(key string) (Source, bool)) (Period, bool) {
	var best Period
	found := false
	for _, p := range r.ReportDates(lookup) {
		if !found || p.End().Before(best.End()) {
			best, found = p, true
		}
	}
	return best, found
}
