package workbook

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/ingest"
	"github.com/leverage-project/leverage/internal/termsafe"
)

// checkMarks reports a formula, logical or error value in any column
// import reads, and says whether the row is clean of them.
func (v *rowView) checkMarks() bool {
	if len(v.marks) == 0 {
		return true
	}
	clean := true
	for _, c := range v.spec.columns {
		if derivedColumn(v.spec.name, c.name) {
			continue
		}
		i, ok := v.idx[c.name]
		if !ok {
			continue
		}
		m, ok := v.marks[v.ref(i)]
		if !ok {
			continue
		}
		field := strings.ToLower(c.name)
		cell := v.sheet + "!" + v.ref(i)
		switch {
		case m.isFormula:
			why := graphmodel.Because("formula_shared", "holds a formula; import never takes a formula's result: type the value itself (as text, if it starts with =)")
			if m.formula != "" {
				why = graphmodel.Because("formula", "holds the formula =%s; import never takes a formula's result: type the value itself (as text, if it starts with =)", m.formula)
			}
			v.r.fail(&graphmodel.FieldError{Cell: cell, Field: field, Err: why})
		case m.boolean:
			v.r.fail(&graphmodel.FieldError{Cell: cell, Field: field, Err: graphmodel.Because("logical_value", "holds the logical value %s, not a %s", boolText(v.cells, i), kindWord(c.kind))})
		case m.errorValue:
			v.r.fail(&graphmodel.FieldError{Cell: cell, Field: field, Err: graphmodel.Because("error_value", "holds the error value %s", v.cells[min(i, len(v.cells)-1)])})
		default:
			continue
		}
		clean = false
	}
	return clean
}

func boolText(cells []string, i int) string {
	if i < len(cells) && cells[i] == "1" {
		return "TRUE"
	}
	return "FALSE"
}

func kindWord(k colKind) string {
	switch k {
	case kInt, kFloat, kUSD:
		return "number"
	case kDate, kMonth, kModelDate:
		return "date"
	}
	return "text value (type it with a leading ' to keep it as text)"
}

// number reads a whole number; Excel stores numbers as floats, and people
// type "1,100".
func (v *rowView) number(name, field string) (int64, bool) {
	s := strings.ReplaceAll(v.text(name), ",", "")
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f != math.Trunc(f) || f > 1<<53 {
		excerpt := termsafe.Excerpt(v.text(name))
		if _, ok := v.index(name + " qualifier"); ok && strings.ContainsAny(s, "0123456789") && strings.IndexFunc(s, unicode.IsLetter) >= 0 {
			// "about 300", "at least 1,100": what a volunteer writes; the
			// word has a cell of its own.
			v.fail(name, field, graphmodel.Because("not_number_qualifier", "%s is not a whole, non-negative number: type the number alone, in digits, and pick its qualifier (about, at least, up to) in %s", excerpt, v.cell(name+" qualifier")))
			return 0, false
		}
		v.fail(name, field, graphmodel.Because("not_number", "%s is not a whole, non-negative number", excerpt))
		return 0, false
	}
	return int64(f), true
}

// date reads a date cell (an Excel serial, or text in the forms ingest
// reads: 2025-03-15, 2025-03, 2025-Q1, 2025, 15 March 2025, 3/15/2025, Mar
// 2025) and its precision column into a model date. The precision column
// says how coarse the date is; a date finer than it (2025-03-15 on a month
// row) is an edit the user made, so the date keeps its own precision and a
// warning names the cell. The result goes through graphmodel.ParseDate,
// the parser validate's readers use, so both accept the same dates.
func (v *rowView) date(name, precName, field string) graphmodel.Period {
	if raw := v.text(name); strings.ContainsAny(raw, "/?~%") && !numericDate.MatchString(raw) {
		// EDTF text: a period or a qualified date, read as the CSV reader
		// reads it. Its precision column is derived from it: a word that
		// is no precision is an error, another precision a warning.
		p, err := graphmodel.ParsePeriod(raw)
		if err != nil {
			v.fail(name, field, err)
			return p
		}
		switch prec := v.word(precName); {
		case prec == "" || prec == p.Kind():
		case !periodKinds[prec]:
			v.fail(precName, field+" precision", graphmodel.Because("unknown_precision", "%q is not day, month, quarter, year, interval, before or after", prec))
		default:
			v.warn(precName, field+" precision", graphmodel.Because("precision_not_read", "%q not read: the precision of %s is %s", prec, raw, p.Kind()))
		}
		return p
	}
	return graphmodel.On(v.oneDate(name, precName, field))
}

// numericDate is a day-month-year date written with slashes (05/03/2025,
// 3/15/2025): not an EDTF period, read by oneDate with the date order.
var numericDate = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}$`)

// oneDate reads a date cell that holds one date (a serial or text) and its
// precision column.
func (v *rowView) oneDate(name, precName, field string) graphmodel.Date {
	raw := v.text(name)
	prec := v.word(precName)
	if raw == "" {
		if prec != "" {
			v.fail(name, field, graphmodel.Because("precision_without_date", "precision given without a date"))
		}
		return graphmodel.Date{}
	}
	var given graphmodel.Date // what the cell says, at its own precision
	if isSerial(raw) {
		f, _ := strconv.ParseFloat(raw, 64)
		t, err := excelize.ExcelDateToTime(f, false)
		if err != nil || f < 1 {
			v.fail(name, field, graphmodel.Because("not_a_date", "%s is not a date", termsafe.Excerpt(raw)))
			return graphmodel.Date{}
		}
		y, m, day := t.Date()
		given = graphmodel.DayDate(y, int(m), day)
	} else {
		d, err := graphmodel.ParseDate(raw)
		if err != nil {
			d2, err2 := ingest.ParseDate(raw)
			var amb *ingest.AmbiguousDateError
			if errors.As(err2, &amb) && v.r.opt.DateOrder != ingest.DateOrderUnset {
				d2, err2 = ingest.ParseDateIn(raw, v.r.opt.DateOrder)
				if err2 == nil {
					v.r.note(&graphmodel.FieldError{Cell: v.cell(name), Record: v.id, Field: field, Typed: raw,
						Done: "read as " + d2.String(), Err: graphmodel.Because("date_order", "%q read %s, as --date-order %s says", raw, v.r.opt.DateOrder.Describe(), v.r.opt.DateOrder)})
				}
			}
			switch {
			case err2 == nil:
				d, err = d2, nil
			case amb != nil:
				err = err2
			}
		}
		if err != nil {
			v.fail(name, field, err)
			return graphmodel.Date{}
		}
		given = d
	}
	out := given
	if periodKinds[prec] && precisions[prec] == 0 {
		// The row held a period (interval, before, after) and the cell now
		// holds one date: the user replaced the period, so the date stands
		// at its own precision and the stale precision word is said, not
		// refused.
		v.r.warn(&graphmodel.FieldError{Cell: v.cell(precName), Record: v.id, Field: field + " precision", Typed: prec, Done: "read as " + given.String(),
			Err: graphmodel.Because("period_precision_one_date", "%q is a period's precision, but %s holds one date; read as %s, precision %s", prec, v.cell(name), given, given.Precision)})
		prec = ""
	}
	if prec != "" {
		p, ok := precisions[prec]
		if !ok {
			v.fail(precName, field+" precision", graphmodel.Because("unknown_date_precision", "%s is not day, month, quarter or year", termsafe.Excerpt(prec)))
			return graphmodel.Date{}
		}
		coarse := atPrecision(given.Start(), p)
		switch {
		case given.Precision <= p || coarse.Start().Equal(given.Start()):
			out = coarse
		default:
			out = given
			v.r.warn(&graphmodel.FieldError{Cell: v.cell(name), Record: v.id, Field: field, Typed: raw, Done: "read as " + given.String(), Err: graphmodel.Because("finer_than_precision", "%s is finer than the row's precision %q (%s); read as %s, precision %s; to keep the %s, give its first day",
				given, prec, v.cell(precName), given, given.Precision, prec)})
		}
	}
	checked, err := graphmodel.ParseDate(out.String())
	if err != nil {
		v.fail(name, field, err)
		return graphmodel.Date{}
	}
	return checked
}

// periodKinds are the words a precision cell may hold (Period.Kind).
var periodKinds = map[string]bool{"day": true, "month": true, "quarter": true, "year": true, "interval": true, "before": true, "after": true}

var precisions = map[string]graphmodel.Precision{"day": graphmodel.Day, "month": graphmodel.Month, "quarter": graphmodel.Quarter, "year": graphmodel.Year}

// isSerial tells an Excel date serial from text: a number that is not a
// four-digit year (a year typed into a date cell stays a year).
func isSerial(s string) bool {
	if len(s) == 4 {
		if _, err := strconv.Atoi(s); err == nil {
			return false
		}
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func atPrecision(t time.Time, p graphmodel.Precision) graphmodel.Date {
	y, m, day := t.Date()
	switch p {
	case graphmodel.Month:
		return graphmodel.MonthDate(y, int(m))
	case graphmodel.Quarter:
		return graphmodel.QuarterDate(y, (int(m)-1)/3+1)
	case graphmodel.Year:
		return graphmodel.YearDate(y)
	}
	return graphmodel.DayDate(y, int(m), day)
}
