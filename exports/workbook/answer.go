package workbook

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/ingest"
)

// The words of the answered-back workbook (import --answer-back) in the
// volunteer's language: each finding's reason, by its kind
// (graphmodel.Reason) and parameters, from one catalog per language
// (answer_xx.go), which also holds the Review sheet's words and what
// import did ("refused", "not read", …) under the keys "review:…" and
// "done:…". A kind a catalog lacks is said in English.

// answerTables are the catalogs of Langs, in their order.
var answerTables = [...]map[string]string{answerES, answerFR, answerPT}

// LangOf is the language of a workbook with these sheet names: the
// language of its Relationships sheet, "" for English.
func LangOf(sheets []string) Lang { return langOf(sheets) }

// ReasonOf is the kind and parameters of a reader's or validator's error
// when they say all of it (a Reason wrapped in more words is not one),
// nil otherwise.
func ReasonOf(err error) *graphmodel.Reason {
	var r *graphmodel.Reason
	if errors.As(err, &r) && r.Error() == err.Error() {
		return r
	}
	var amb *ingest.AmbiguousDateError
	if errors.As(err, &amb) && amb.Error() == err.Error() {
		df, mf := amb.DayFirst.Start(), amb.MonthFirst.Start()
		return graphmodel.Because("ambiguous_date", "ambiguous date %[1]q: %[2]s (day first) or %[3]s (month first); say which with --date-order dmy or mdy",
			amb.Text, df.Format("2 January 2006"), mf.Format("2 January 2006"), df.Format("2006-01-02"), mf.Format("2006-01-02"))
	}
	return nil
}

// Say words r in l: the catalog's text for its kind with its parameters
// (vocabulary words, column names and nested reasons among them in l
// too), or r's English when l or its catalog lacks the kind.
func (l Lang) Say(r *graphmodel.Reason) string {
	i := l.index()
	if i < 0 {
		return r.Error()
	}
	f, ok := answerTables[i][r.Kind]
	if !ok {
		return r.Error()
	}
	args := make([]any, len(r.Args))
	for k, a := range r.Args {
		switch x := a.(type) {
		case *graphmodel.Reason:
			args[k] = l.Say(x)
		case string:
			args[k] = x
			if wordArgs[r.Kind] {
				args[k] = l.Word(l.T(x))
			}
		case fmt.Stringer:
			args[k] = a
			if wordArgs[r.Kind] {
				args[k] = l.Word(x.String())
			}
		default:
			args[k] = a
		}
	}
	return fmt.Sprintf(f, args...)
}

// wordArgs are the kinds whose text parameters are vocabulary words or
// column names, shown in the workbook's language.
var wordArgs = map[string]bool{"changed": true, "about_changed": true, "status_not_for_type": true,
	"status_required": true, "stated_by_not_approach": true, "payment_tie_not_paid": true, "precision_not_read": true,
	"period_precision_one_date": true, "finer_than_precision": true}

// Done is what import did with a cell ("refused", "read as 2025-03-05")
// in l.
func (l Lang) Done(done string) string {
	i := l.index()
	if i < 0 {
		return done
	}
	if t, ok := answerTables[i]["done:"+done]; ok {
		return t
	}
	if rest, ok := strings.CutPrefix(done, "read as "); ok {
		return fmt.Sprintf(answerTables[i]["done:read as %s"], rest)
	}
	return done
}

// Review is one of the Review sheet's words ("Review", its headers, "%d
// more findings…") in l, filled in with args.
func (l Lang) Review(key string, args ...any) string {
	f := key
	if i := l.index(); i >= 0 {
		if t, ok := answerTables[i]["review:"+key]; ok {
			f = t
		}
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// FieldName is a finding's field (a column header, or the reader's
// lower-case field name: "count qualifier", "stated_by") as l's workbook
// heads its column.
func (l Lang) FieldName(field string) string {
	if l.index() < 0 || field == "" {
		return field
	}
	f := normHeader(strings.ReplaceAll(field, "_", " "))
	for _, spec := range []sheetSpec{relationshipsSpec, sourcesSpec, countriesSpec, aboutSpec} {
		for _, c := range spec.columns {
			if normHeader(c.name) == f {
				return l.T(c.name)
			}
		}
	}
	if t := l.T(field); t != field {
		return t
	}
	return field
}

// AnswerKinds are the finding kinds l's catalog words, sorted.
func AnswerKinds(l Lang) []string {
	i := l.index()
	if i < 0 {
		return nil
	}
	var out []string
	for k := range answerTables[i] {
		if !strings.Contains(k, ":") {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
