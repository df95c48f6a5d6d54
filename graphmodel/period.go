package graphmodel

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DateQualifier is EDTF's level-1 qualification of a whole date: the source is
// unsure of it (?), gives it roughly (~), or both (%). Bounds ignore it:
// the period a qualified date stands for is the unqualified date's, and
// the qualifier travels with it for readers to weigh.
type DateQualifier uint8

const (
	QualNone             DateQualifier = iota
	Uncertain                          // ?
	Approximate                        // ~
	UncertainApproximate               // %
)

var qualifierMarks = [...]string{"", "?", "~", "%"}

// String returns the EDTF mark: "", "?", "~" or "%".
func (q DateQualifier) String() string {
	if int(q) < len(qualifierMarks) {
		return qualifierMarks[q]
	}
	return fmt.Sprintf("DateQualifier(%d)", q)
}

// Period is when an event happened, as far as the sources allow: one date
// at its precision ("2025-05"), or an interval whose ends are dates or
// open ("2025-01-20/2025-05", "../2023-12" for "before 2024",
// "../2025-05" for "by May 2025", "2025-02/.." for "since February").
// It is written in EDTF, the Library of Congress's Extended Date/Time
// Format adopted as ISO 8601-2 (https://www.loc.gov/standards/datetime/),
// levels 0 and 1, plus this project's legacy quarter "2025-Q2".
//
// The zero Period means "no date".
type Period struct {
	// From is the single date, or the interval's first end (zero: open).
	From Date
	// To is the interval's last end (zero: open); zero for a single date.
	To               Date
	FromQual, ToQual DateQualifier
	// Interval says the period was written with '/'.
	Interval bool
}

// On is the period of one date; By is "on or before d" (../d); Since is
// "on or after d" (d/..); Between is the interval from a to b.
func On(d Date) Period         { return Period{From: d} }
func By(d Date) Period         { return Period{To: d, Interval: true} }
func Since(d Date) Period      { return Period{From: d, Interval: true} }
func Between(a, b Date) Period { return Period{From: a, To: b, Interval: true} }

// IsZero reports whether p is "no date".
func (p Period) IsZero() bool { return !p.Interval && p.From.IsZero() }

// OpenStart and OpenEnd report an interval end the sources leave open.
func (p Period) OpenStart() bool { return p.Interval && p.From.IsZero() }
func (p Period) OpenEnd() bool   { return p.Interval && p.To.IsZero() }

// Single returns the date of a period that is one date.
func (p Period) Single() (Date, bool) { return p.From, !p.Interval && !p.From.IsZero() }

// Qualified reports whether either end carries an EDTF qualifier.
func (p Period) Qualified() bool { return p.FromQual != QualNone || p.ToQual != QualNone }

// Precision is the single date's precision; an interval's is that of its
// coarser closed end, and PrecisionNone when both ends are open.
func (p Period) Precision() Precision {
	if !p.Interval {
		return p.From.Precision
	}
	switch {
	case p.From.IsZero():
		return p.To.Precision
	case p.To.IsZero():
		return p.From.Precision
	}
	return min(p.From.Precision, p.To.Precision)
}

// Kind names the period's form for outputs that keep a precision column:
// the single date's precision ("day", "month", "quarter", "year"), or
// "interval", "before" (open start) or "after" (open end).
func (p Period) Kind() string {
	switch {
	case !p.Interval:
		return p.From.Precision.String()
	case p.From.IsZero():
		return "before"
	case p.To.IsZero():
		return "after"
	}
	return "interval"
}

// EndOfTime stands for an open end: Start of an open start is the zero
// time.Time, End of an open end is EndOfTime, so comparisons need no case
// of their own.
var EndOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// Start is the earliest instant the event may have happened (inclusive,
// UTC): the first instant of From; the zero time.Time when the start is
// open or p is zero.
func (p Period) Start() time.Time { return p.From.Start() }

// End is the first instant after the latest the event may have happened
// (exclusive, UTC): the end of To (of From for a single date); EndOfTime
// when the end is open; the zero time.Time when p is zero.
func (p Period) End() time.Time {
	switch {
	case p.IsZero():
		return time.Time{}
	case !p.Interval:
		return p.From.End()
	case p.To.IsZero():
		return EndOfTime
	}
	return p.To.End()
}

// Before orders periods by their earliest instant, as dates were ordered
// before periods existed; an open start sorts first.
func (p Period) Before(o Period) bool { return p.Start().Before(o.Start()) }

// Within reports whether p lies wholly inside [from, to) (certainly in);
// Overlaps whether p and [from, to) can share an instant (possibly in).
// A zero from or to is unbounded on that side.
func (p Period) Within(from, to time.Time) bool {
	return (from.IsZero() || !p.Start().Before(from)) && (to.IsZero() || !p.End().After(to)) && !p.IsZero()
}

func (p Period) Overlaps(from, to time.Time) bool {
	return !p.IsZero() && (to.IsZero() || p.Start().Before(to)) && (from.IsZero() || p.End().After(from))
}

// String writes p in EDTF; the zero Period is "".
func (p Period) String() string {
	if !p.Interval {
		return p.From.String() + p.FromQual.String()
	}
	end := func(d Date, q DateQualifier) string {
		if d.IsZero() {
			return ".."
		}
		return d.String() + q.String()
	}
	return end(p.From, p.FromQual) + "/" + end(p.To, p.ToQual)
}

// ParsePeriod reads an EDTF date or interval (levels 0 and 1 as far as
// dates to the day go) and the legacy quarter "2025-Q2". An interval end
// may be ".." (open) or empty (unknown, which for bounds is the same and
// is written back as ".."); both ends may not be. The first end may not
// start after the last ends. Seasons, unspecified digits (X), times and
// level-2 forms are refused with a message saying so. The empty string
// is the zero Period.
func ParsePeriod(s string) (Period, error) {
	if s == "" {
		return Period{}, nil
	}
	bad := func(err error) (Period, error) {
		return Period{}, Because("bad_period", "date %q: %v (want EDTF: 2025, 2025-05, 2025-05-12, 2025-01-20/2025-05, ../2025-05, 2025-02/.., with ? ~ %% after a date)", s, err)
	}
	if len(s) > 64 {
		return bad(errors.New("too long"))
	}
	a, b, isInterval := strings.Cut(s, "/")
	if !isInterval {
		d, q, err := parseQualified(a)
		if err != nil {
			return bad(err)
		}
		return Period{From: d, FromQual: q}, nil
	}
	if strings.Contains(b, "/") {
		return bad(errors.New("more than one '/'"))
	}
	p := Period{Interval: true}
	var err error
	if a != ".." && a != "" {
		if p.From, p.FromQual, err = parseQualified(a); err != nil {
			return bad(fmt.Errorf("start: %w", err))
		}
	}
	if b != ".." && b != "" {
		if p.To, p.ToQual, err = parseQualified(b); err != nil {
			return bad(fmt.Errorf("end: %w", err))
		}
	}
	if p.From.IsZero() && p.To.IsZero() {
		return bad(errors.New("both ends open says nothing; leave the date empty instead"))
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Start().Before(p.To.End()) {
		return bad(errors.New("starts after it ends"))
	}
	return p, nil
}

// parseQualified reads one date with an optional trailing qualifier.
func parseQualified(s string) (Date, DateQualifier, error) {
	q := QualNone
	if n := len(s); n > 0 {
		switch s[n-1] {
		case '?':
			q = Uncertain
		case '~':
			q = Approximate
		case '%':
			q = UncertainApproximate
		}
		if q != QualNone {
			s = s[:n-1]
		}
	}
	if strings.ContainsAny(s, "?~%") {
		return Date{}, 0, errors.New("a qualifier goes once, after the whole date (level 2's qualified parts are not read)")
	}
	if strings.ContainsAny(s, "Xx") {
		return Date{}, 0, errors.New("unspecified digits (X) are not read; give the coarser date, e.g. 2025 for 2025-XX")
	}
	if strings.ContainsAny(s, "T:") {
		return Date{}, 0, errors.New("times are not read; give the day")
	}
	if len(s) == 7 && s[4] == '-' && s[5] >= '2' && s[5] <= '4' {
		return Date{}, 0, errors.New("EDTF seasons and quarters (21-41) are not read; give the months as an interval, or the legacy 2025-Q2")
	}
	d, err := parseDate(s)
	if err != nil {
		return Date{}, 0, err
	}
	if d.IsZero() {
		return Date{}, 0, errors.New("empty date")
	}
	return d, q, nil
}
