package graphmodel

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Precision is how much of a Date the source actually gives.
type Precision uint8

const (
	PrecisionNone Precision = iota
	Year
	Quarter
	Month
	Day
)

var precisionNames = [...]string{"none", "year", "quarter", "month", "day"}

func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return fmt.Sprintf("Precision(%d)", p)
}

// Date is a calendar date known to some precision. "Late March 2025" is
// {2025, 3, 0, Month}: the note keeps the "late", the date keeps what can be
// compared. For Quarter precision Month holds the quarter's first month.
// The zero Date means "no date".
type Date struct {
	Year      int
	Month     int
	Day       int
	Precision Precision
}

// DayDate, MonthDate, QuarterDate and YearDate build dates of each precision.
func DayDate(y, m, d int) Date    { return Date{y, m, d, Day} }
func MonthDate(y, m int) Date     { return Date{y, m, 0, Month} }
func QuarterDate(y, q int) Date   { return Date{y, 3*(q-1) + 1, 0, Quarter} }
func YearDate(y int) Date         { return Date{y, 0, 0, Year} }
func (d Date) IsZero() bool       { return d.Precision == PrecisionNone }
func (d Date) quarter() int       { return (d.Month-1)/3 + 1 }
func (d Date) Equal(o Date) bool  { return d == o }
func (d Date) Before(o Date) bool { return d.Start().Before(o.Start()) }

// String formats d as 2025-03-12, 2025-03, 2025-Q1 or 2025; the zero Date is "".
func (d Date) String() string {
	switch d.Precision {
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", d.Year, d.quarter())
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// Start is the first instant of the period d denotes, in UTC.
func (d Date) Start() time.Time {
	switch d.Precision {
	case Day:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	case Month, Quarter:
		return time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// End is the first instant after the period d denotes (exclusive), in UTC.
func (d Date) End() time.Time {
	s := d.Start()
	switch d.Precision {
	case Day:
		return s.AddDate(0, 0, 1)
	case Month:
		return s.AddDate(0, 1, 0)
	case Quarter:
		return s.AddDate(0, 3, 0)
	case Year:
		return s.AddDate(1, 0, 0)
	}
	return time.Time{}
}

// ParseDate reads the forms String writes. The empty string is the zero Date.
// Years outside 1900..2200 are refused: they are typos in this domain.
func ParseDate(s string) (Date, error) {
	d, err := parseDate(s)
	if err != nil {
		return Date{}, Because("bad_date", "date %q: %v (want YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY)", s, err)
	}
	return d, nil
}

// parseDate is ParseDate with an error that does not repeat the input,
// for callers that place it in a longer form (ParsePeriod).
func parseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	bad := func(why string) (Date, error) { return Date{}, errors.New(why) }
	if len(s) < 4 {
		return bad("too short")
	}
	y, err := digits(s[:4])
	if err != nil {
		return bad("year is not four digits")
	}
	if y < 1900 || y > 2200 {
		return bad("year out of range 1900..2200")
	}
	rest := s[4:]
	switch {
	case rest == "":
		return YearDate(y), nil
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q':
		q, err := digits(rest[2:])
		if err != nil || q < 1 || q > 4 {
			return bad("quarter must be Q1..Q4")
		}
		return QuarterDate(y, q), nil
	case len(rest) == 3 && rest[0] == '-':
		m, err := digits(rest[1:])
		if err != nil || m < 1 || m > 12 {
			return bad("month must be 01..12")
		}
		return MonthDate(y, m), nil
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		m, err1 := digits(rest[1:3])
		dd, err2 := digits(rest[4:])
		if err1 != nil || err2 != nil || m < 1 || m > 12 {
			return bad("month must be 01..12")
		}
		if dd < 1 || dd > daysIn(y, m) {
			return bad("no such day")
		}
		return DayDate(y, m, dd), nil
	}
	return bad("unrecognised form")
}

func digits(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
