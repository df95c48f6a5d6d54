package ingest

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/leverage-project/leverage/graphmodel"
)

// LinkMode says what a merge does with an added claim that may be another
// account of a claim already in the dataset.
type LinkMode string

const (
	// LinkAuto links a decisive match to the existing claim's event and
	// lists every other candidate for review.
	LinkAuto LinkMode = "auto"
	// LinkReview links nothing and lists every candidate.
	LinkReview LinkMode = "review"
	// LinkNone neither links nor looks.
	LinkNone LinkMode = "none"
)

// ParseLinkMode reads the --link option.
func ParseLinkMode(s string) (LinkMode, error) {
	switch m := LinkMode(s); m {
	case LinkAuto, LinkReview, LinkNone:
		return m, nil
	}
	return "", fmt.Errorf("%q is not auto, review or none", s)
}

// AutoLinkScore is the least score at which LinkAuto links a candidate.
const AutoLinkScore = 0.9

// Match is one candidate pairing of an added claim with existing ones.
type Match struct {
	New      string   // key of the added relationship
	Existing []string // keys of the existing relationship(s) it may repeat
	Why      string
	Score    float64 // 0..1, see Link
	Linked   bool    // true when Link set the shared event
}

// Link looks, for each relationship of d whose key is in added, for the
// claims already in d that may be other accounts of the same event, and
// returns them in the order of d. Claims citing one of the added claim's
// own sources are never candidates (a re-ingest of the same file).
//
// The rule. An existing claim e is a candidate for an added claim n when
//
//   - they have the same type, from and to;
//   - their dates overlap at their precisions (2025-02 contains 2025-02-12),
//     where a claim whose note says "reported by" or "reported late" is
//     dated by its report and so stands for any time up to its date's end;
//   - their counts are compatible with their qualifiers: exact v is [v, v],
//     about v is [0.8v, 1.2v], at_least v is [v, ∞), up_to v is [0, v],
//     and the intervals intersect.
//
// Its score is 0.5 + 0.5·min/max of the two face values when both have a
// count, 0.75 when either lacks one, and 0.25 when the counts are
// incompatible (listed, never linked). With LinkAuto an added claim is
// linked when exactly one existing event (a claim's event, or the claim
// itself when it has none) scores at least AutoLinkScore: both then carry
// that event ("ev-" + the existing key when it had none), so the
// analysis counts one of them. Every other candidate is listed.
//
// Two cases are listed but never linked, because an event joins claims
// with the same endpoints only: an added total without nationalities (from
// ZZ) against existing counted claims from named nationalities into the
// same receiver, and an added named nationality's count against an
// existing total from ZZ. Either may count the same people twice.
func Link(d *graphmodel.Dataset, added map[string]bool, mode LinkMode) []Match {
	if mode == LinkNone || len(added) == 0 {
		return nil
	}
	rels := d.Relationships
	var matches []Match
	for i := range rels {
		n := &rels[i]
		if !added[n.Key] {
			continue
		}
		var cands []Match
		events := map[string]bool{}
		var best *graphmodel.Relationship
		for j := range rels {
			e := &rels[j]
			if added[e.Key] || sharesSource(n, e) {
				continue
			}
			if m, ok := sameEventCandidate(n, e); ok {
				cands = append(cands, m)
				if m.Score >= AutoLinkScore {
					events[eventOf(e)] = true
					if best == nil {
						best = e
					}
				}
			}
		}
		if m, ok := nationalityCandidate(n, rels, added); ok {
			cands = append(cands, m)
		}
		if mode == LinkAuto && len(events) == 1 {
			if best.Event == "" {
				best.Event = "ev-" + best.Key
			}
			n.Event = best.Event
			for k := range cands {
				if cands[k].Score >= AutoLinkScore && len(cands[k].Existing) == 1 {
					cands[k].Linked = true
				}
			}
		}
		matches = append(matches, cands...)
	}
	return matches
}

func eventOf(r *graphmodel.Relationship) string {
	if r.Event != "" {
		return r.Event
	}
	return "ev-" + r.Key
}

func sharesSource(a, b *graphmodel.Relationship) bool {
	for _, s := range a.Sources {
		for _, t := range b.Sources {
			if s == t {
				return true
			}
		}
	}
	return false
}

func sameEventCandidate(n, e *graphmodel.Relationship) (Match, bool) {
	if n.Type != e.Type || n.FromCountry != e.FromCountry || n.ToCountry != e.ToCountry || !datesOverlap(n, e) {
		return Match{}, false
	}
	m := Match{New: n.Key, Existing: []string{e.Key}}
	why := []string{fmt.Sprintf("same type and endpoints (%s %s->%s)", n.Type, n.FromCountry, n.ToCountry),
		fmt.Sprintf("dates overlap (%s and %s)", dateText(n), dateText(e))}
	switch {
	case n.Count.IsZero() || e.Count.IsZero():
		m.Score = 0.75
		why = append(why, "no counts to compare")
	case CountsCompatible(n.Count, e.Count):
		a, b := float64(n.Count.Value), float64(e.Count.Value)
		m.Score = round3(0.5 + 0.5*math.Min(a, b)/math.Max(a, b))
		why = append(why, fmt.Sprintf("counts compatible (%s and %s)", n.Count, e.Count))
	default:
		m.Score = 0.25
		why = append(why, fmt.Sprintf("counts disagree (%s and %s)", n.Count, e.Count))
	}
	if n.Status != e.Status {
		why = append(why, fmt.Sprintf("status %s and %s", orDash(n.Status), orDash(e.Status)))
	}
	if e.Event != "" {
		why = append(why, "existing event "+e.Event)
	}
	m.Why = strings.Join(why, "; ")
	return m, true
}

func nationalityCandidate(n *graphmodel.Relationship, rels []graphmodel.Relationship, added map[string]bool) (Match, bool) {
	if n.Type != graphmodel.Received || n.Count.IsZero() || n.FromCountry == n.ToCountry {
		return Match{}, false
	}
	var keys []string
	var sum int64
	for j := range rels {
		e := &rels[j]
		if added[e.Key] || sharesSource(n, e) || e.Type != n.Type || e.ToCountry != n.ToCountry ||
			e.Count.IsZero() || e.FromCountry == e.ToCountry || !datesOverlap(n, e) {
			continue
		}
		if (n.FromCountry == "ZZ") != (e.FromCountry == "ZZ") {
			keys = append(keys, e.Key)
			sum += e.Count.Value
		}
	}
	if len(keys) == 0 {
		return Match{}, false
	}
	sort.Strings(keys)
	why := fmt.Sprintf("a total without nationalities (%s) against named nationalities' counts summing to %d; they may be the same people", n.Count, sum)
	if n.FromCountry != "ZZ" {
		why = fmt.Sprintf("a named nationality's count (%s) within a total without nationalities (%d); it may be part of it", n.Count, sum)
	}
	a, b := float64(n.Count.Value), float64(sum)
	return Match{New: n.Key, Existing: keys, Why: why, Score: round3(0.5 * math.Min(a, b) / math.Max(a, b))}, true
}

// CountsCompatible reports whether two counts can describe the same number
// of people given their qualifiers (intervals as documented on Link).
func CountsCompatible(a, b graphmodel.Count) bool {
	lo1, hi1 := countInterval(a)
	lo2, hi2 := countInterval(b)
	return lo1 <= hi2 && lo2 <= hi1
}

func countInterval(c graphmodel.Count) (lo, hi float64) {
	v := float64(c.Value)
	switch c.Qualifier {
	case graphmodel.About:
		return 0.8 * v, 1.2 * v
	case graphmodel.AtLeast:
		return v, math.Inf(1)
	case graphmodel.UpTo:
		return 0, v
	}
	return v, v
}

// datesOverlap reports whether the periods of a and b meet; a date the note
// marks as a report date ("reported by …") reaches back without limit.
func datesOverlap(a, b *graphmodel.Relationship) bool {
	s1, e1 := period(a)
	s2, e2 := period(b)
	return s1.Before(e2) && s2.Before(e1)
}

// period is r's event period; an open start ("../2025-10", a row dated by
// its report) reaches back without limit, and so does a legacy row whose
// note says it is dated by its report.
func period(r *graphmodel.Relationship) (time.Time, time.Time) {
	start, end := r.Date.Start(), r.Date.End()
	low := strings.ToLower(r.Note)
	if strings.Contains(low, "reported by") || strings.Contains(low, "reported late") {
		start = time.Time{}
	}
	return start, end
}

func dateText(r *graphmodel.Relationship) string {
	if s, _ := period(r); s.IsZero() {
		if r.Date.OpenStart() {
			return "by " + r.Date.To.String() + ", a report date"
		}
		return "by " + r.Date.String() + ", a report date"
	}
	return r.Date.String()
}

func orDash(s graphmodel.Status) string {
	if s == "" {
		return "-"
	}
	return string(s)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// WriteMatches writes the review file: one row per candidate with the
// added claim's id, the existing claim(s) it may repeat (";"-separated),
// why, the score and whether Link linked them.
func WriteMatches(w io.Writer, ms []Match) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"new_id", "existing_id", "why", "score", "decision"})
	for _, m := range ms {
		decision := "review"
		if m.Linked {
			decision = "linked"
		}
		cw.Write([]string{graphmodel.EscapeFormula(m.New), graphmodel.EscapeFormula(strings.Join(m.Existing, ";")),
			graphmodel.EscapeFormula(m.Why), strconv.FormatFloat(m.Score, 'f', 3, 64), decision})
	}
	cw.Flush()
	return cw.Error()
}
