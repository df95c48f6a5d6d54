package workbook

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
)

// Read reads a workbook (ours, or an NGO's corrected copy of it) back into
// a dataset: the Countries rows marked dataset, every Relationships row
// (continuation sheets included) and every Sources row, plus the dataset
// identity from About. Sheets are read row by row, never whole. Problems
// are reported as Sheet!Cell: field: problem, all of them up to
// graphmodel.MaxErrors, and then no dataset is returned.
func Read(r io.Reader, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("not a readable xlsx workbook: %w", err)
	}
	defer f.Close()
	rd := &reader{f: f}
	d := &graphmodel.Dataset{}
	d.Meta = rd.meta()
	d.Countries = rd.countries()
	if len(rd.errs) == 0 {
		reg, err := base.With(d.Countries)
		if err != nil {
			rd.errs = append(rd.errs, &graphmodel.FieldError{Cell: countriesSpec.name, Err: err})
		}
		d.Registry = reg
	}
	d.Sources = rd.sources()
	if len(rd.errs) == 0 {
		d.Relationships = rd.relationships(d.Registry, d.Sources)
	}
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	return d, nil
}

type reader struct {
	f    *excelize.File
	errs graphmodel.ErrorList
}

func (r *reader) fail(e *graphmodel.FieldError) {
	if len(r.errs) < graphmodel.MaxErrors {
		r.errs = append(r.errs, e)
	}
}

// sheetRows iterates the data rows of a spec's sheets (continuations
// included), calling fn with a row accessor.
func (r *reader) sheetRows(spec sheetSpec, required []string, fn func(row *rowView)) {
	sheets := r.sheetsOf(spec.name)
	if len(sheets) == 0 {
		r.fail(&graphmodel.FieldError{Cell: spec.name, Err: errors.New("sheet missing")})
		return
	}
	for _, sheet := range sheets {
		rows, err := r.f.Rows(sheet)
		if err != nil {
			r.fail(&graphmodel.FieldError{Cell: sheet, Err: err})
			return
		}
		col := map[string]int{}
		line := 0
		for rows.Next() {
			line++
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				r.fail(&graphmodel.FieldError{Cell: fmt.Sprintf("%s!A%d", sheet, line), Err: err})
				break
			}
			if line == 1 {
				for i, h := range cells {
					col[strings.TrimSpace(h)] = i
				}
				for _, req := range required {
					if _, ok := col[req]; !ok {
						r.fail(&graphmodel.FieldError{Cell: sheet + "!1:1", Field: req, Err: errors.New("required column missing")})
					}
				}
				if len(r.errs) > 0 {
					break
				}
				continue
			}
			if blank(cells) {
				continue
			}
			fn(&rowView{r: r, sheet: sheet, line: line, col: col, cells: cells})
		}
		rows.Close()
	}
}

func (r *reader) sheetsOf(base string) []string {
	var out []string
	for _, s := range r.f.GetSheetList() {
		if s == base || strings.HasPrefix(s, base+" (") {
			out = append(out, s)
		}
	}
	return out
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// rowView reads typed values from one row, reporting problems by cell.
type rowView struct {
	r     *reader
	sheet string
	line  int
	col   map[string]int
	cells []string
	id    string
}

func (v *rowView) cell(name string) string {
	i, ok := v.col[name]
	if !ok {
		return fmt.Sprintf("%s!%d", v.sheet, v.line)
	}
	c, _ := excelize.CoordinatesToCellName(i+1, v.line)
	return v.sheet + "!" + c
}

func (v *rowView) text(name string) string {
	i, ok := v.col[name]
	if !ok || i >= len(v.cells) {
		return ""
	}
	return strings.TrimSpace(v.cells[i])
}

func (v *rowView) fail(name, field string, err error) {
	v.r.fail(&graphmodel.FieldError{Cell: v.cell(name), Record: v.id, Field: field, Err: err})
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
		v.fail(name, field, fmt.Errorf("%q is not a whole, non-negative number", v.text(name)))
		return 0, false
	}
	return int64(f), true
}

// date reads a date cell (an Excel serial number, or text typed as
// YYYY-MM-DD) and its precision column into a model date.
func (v *rowView) date(name, precName, field string) graphmodel.Date {
	raw := v.text(name)
	prec := strings.ToLower(v.text(precName))
	if raw == "" {
		if prec != "" {
			v.fail(name, field, errors.New("precision given without a date"))
		}
		return graphmodel.Date{}
	}
	var t time.Time
	if f, err := strconv.ParseFloat(raw, 64); err == nil {
		t, err = excelize.ExcelDateToTime(f, false)
		if err != nil {
			v.fail(name, field, fmt.Errorf("%q is not a date", raw))
			return graphmodel.Date{}
		}
	} else {
		d, err := graphmodel.ParseDate(raw)
		if err != nil {
			v.fail(name, field, err)
			return graphmodel.Date{}
		}
		if prec == "" {
			return d
		}
		t = d.Start()
	}
	y, m, day := t.Date()
	switch prec {
	case "day", "":
		return graphmodel.DayDate(y, int(m), day)
	case "month":
		return graphmodel.MonthDate(y, int(m))
	case "quarter":
		return graphmodel.QuarterDate(y, (int(m)-1)/3+1)
	case "year":
		return graphmodel.YearDate(y)
	}
	v.fail(precName, field+" precision", fmt.Errorf("%q is not day, month, quarter or year", prec))
	return graphmodel.Date{}
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *reader) meta() graphmodel.Meta {
	var m graphmodel.Meta
	if len(r.sheetsOf(aboutSpec.name)) == 0 {
		return m
	}
	r.sheetRows(aboutSpec, []string{"Item", "Value"}, func(v *rowView) {
		val := v.text("Value")
		switch v.text("Item") {
		case "Dataset":
			if val != "(unnamed)" {
				m.Name = val
			}
		case "Dataset version":
			m.Version = val
		case "Dataset description":
			m.Description = val
		case "License":
			m.License = val
		case "How to cite":
			m.Citation = strings.TrimSuffix(strings.TrimSuffix(val, citeSuffix), " ")
		case "Dataset updated":
			d, err := graphmodel.ParseDate(val)
			if err != nil {
				v.fail("Value", "dataset updated", err)
			}
			m.Updated = d
		}
	})
	return m
}

const citeSuffix = "Cite the underlying sources for the facts; each relationship lists them."

func (r *reader) countries() []graphmodel.Country {
	var out []graphmodel.Country
	r.sheetRows(countriesSpec, []string{"Code", "Name"}, func(v *rowView) {
		rec := strings.ToLower(v.text("Record"))
		if rec != "dataset" {
			if rec != "" && rec != "reference" {
				v.fail("Record", "record", fmt.Errorf("%q is not dataset or reference", rec))
			}
			return
		}
		c := graphmodel.Country{Code: graphmodel.Code(v.text("Code")), Name: v.text("Name"),
			Kind: graphmodel.ActorKind(v.text("Kind")), Region: v.text("Region"), Alpha3: v.text("Alpha-3"),
			Aliases: list(v.text("Aliases")), Demonyms: list(v.text("Demonyms"))}
		v.id = string(c.Code)
		if !c.Code.Valid() {
			v.fail("Code", "code", errors.New("not a code: two upper-case letters, or upper-case letters, digits and _"))
		}
		if c.Kind != "" && !c.Kind.Valid() {
			v.fail("Kind", "kind", fmt.Errorf("unknown kind %q (country, group, unspecified)", c.Kind))
		}
		out = append(out, c)
	})
	return out
}

func (r *reader) sources() []graphmodel.Source {
	var out []graphmodel.Source
	seen := map[string]bool{}
	r.sheetRows(sourcesSpec, []string{"ID", "Publisher", "Title", "Published", "Kind"}, func(v *rowView) {
		s := graphmodel.Source{Key: v.text("ID"), Publisher: v.text("Publisher"), Title: v.text("Title"),
			Kind: graphmodel.SourceKind(v.text("Kind")), URL: v.text("URL"), Note: v.text("Note"),
			Domain: v.text("Domain"), Republishes: v.text("Republishes"), DerivedFrom: list(v.text("Derived from")),
			Availability: v.text("Availability")}
		v.id = s.Key
		s.Published = v.date("Published", "Published precision", "published")
		for _, e := range s.Check(seen) {
			v.fail(sourceColumn[e.Field], e.Field, e.Err)
		}
		seen[s.Key] = true
		out = append(out, s)
	})
	return out
}

var sourceColumn = map[string]string{"id": "ID", "publisher": "Publisher", "title": "Title", "published": "Published", "kind": "Kind", "url": "URL"}

var relColumn = map[string]string{
	"id": "ID", "event": "Event", "type": "Type", "from": "From", "to": "To", "date": "Date", "status": "Status",
	"instrument": "Instrument", "count": "Count", "amount": "Amount", "confidence": "Confidence", "sources": "Sources", "note": "Note",
}

func (r *reader) relationships(reg *graphmodel.Registry, sources []graphmodel.Source) []graphmodel.Relationship {
	known := map[string]bool{}
	for _, s := range sources {
		known[s.Key] = true
	}
	var out []graphmodel.Relationship
	seen := map[string]bool{}
	r.sheetRows(relationshipsSpec, []string{"ID", "Type", "From", "To", "Date", "Confidence", "Sources", "Note"}, func(v *rowView) {
		rel := graphmodel.Relationship{
			Key: v.text("ID"), Event: v.text("Event"), Type: graphmodel.RelType(v.text("Type")),
			FromCountry: graphmodel.Code(v.text("From")), ToCountry: graphmodel.Code(v.text("To")),
			Status: graphmodel.Status(v.text("Status")), Instrument: graphmodel.Instrument(v.text("Instrument")),
			Confidence: graphmodel.Confidence(v.text("Confidence")), Sources: list(v.text("Sources")), Note: v.text("Note"),
		}
		v.id = rel.Key
		before := len(r.errs)
		rel.Date = v.date("Date", "Date precision", "date")
		if n, ok := v.number("Count", "count"); ok || v.text("Count qualifier") != "" {
			c, err := graphmodel.ParseCount(strconv.FormatInt(n, 10), v.text("Count qualifier"))
			if !ok && v.text("Count") == "" {
				err = errors.New("qualifier given without a number")
			}
			if err != nil {
				v.fail("Count qualifier", "count qualifier", err)
			}
			rel.Count = c
		}
		if n, ok := v.number("Amount", "amount"); ok || v.text("Currency") != "" || v.text("Amount qualifier") != "" {
			amount := ""
			if ok {
				amount = strconv.FormatInt(n, 10)
			}
			m, err := graphmodel.ParseMoney(amount, v.text("Currency"), v.text("Amount qualifier"))
			if err != nil {
				v.fail("Amount", "amount", err)
			}
			rel.Money = m
		}
		if len(r.errs) > before {
			return
		}
		for _, e := range rel.Check(reg, known) {
			v.fail(relColumn[e.Field], e.Field, e.Err)
		}
		if seen[rel.Key] && rel.Key != "" {
			v.fail("ID", "id", errors.New("duplicate id"))
		}
		seen[rel.Key] = true
		out = append(out, rel)
	})
	return out
}
