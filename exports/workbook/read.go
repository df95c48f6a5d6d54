package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/ingest"
)

// Read reads a workbook (ours, or an NGO's corrected copy of it) back into
// a dataset; see ReadReport, whose warnings it drops.
func Read(r io.Reader, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	res, err := ReadReport(r, base)
	if err != nil {
		return nil, err
	}
	return res.Dataset, nil
}

// Result is a workbook read back: the dataset, and the cells import saw
// but did not take as typed (an edited derived column, an extra column, a
// date finer than its precision), each with its Sheet!Cell.
type Result struct {
	Dataset  *graphmodel.Dataset
	Warnings []*graphmodel.FieldError
}

// ReadReport reads Countries (every row: dataset records, and reference
// rows that were edited or added), every Relationships row (continuation
// sheets included) and every Sources row, plus the dataset identity from
// About. Headers match ignoring case and punctuation, as ingest's do;
// vocabulary cells ignore case. Sheets are read row by row, never whole.
// Every problem of every sheet is reported in one run as Sheet!Cell:
// field: problem, up to graphmodel.MaxErrors, and then no dataset is
// returned; a formula, a logical or an error value in a cell import reads
// is such a problem, since its cached result is not what was typed. The
// dataset passes the checks validate applies, through the same functions.
func ReadReport(r io.Reader, base *graphmodel.Registry) (*Result, error) {
	return ReadReportContext(context.Background(), r, base)
}

// ReadContext is Read that stops between rows once ctx is done.
func ReadContext(ctx context.Context, r io.Reader, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	res, err := ReadReportContext(ctx, r, base)
	if err != nil {
		return nil, err
	}
	return res.Dataset, nil
}

// ReadReportContext is ReadReport that stops between rows once ctx is
// done. The file is checked first (see openChecked): bounded, and every
// row readable.
func ReadReportContext(ctx context.Context, r io.Reader, base *graphmodel.Registry) (*Result, error) {
	f, raw, err := openChecked(ctx, r)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd := &reader{f: f, ctx: ctx, base: base, rows: map[string]string{}}
	if zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw))); err == nil {
		rd.marks, err = scanMarks(zr, rd.readSheet)
		if err != nil {
			return nil, fmt.Errorf("not a readable xlsx workbook: %w", err)
		}
	}
	d := rd.read()
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	return &Result{Dataset: d, Warnings: rd.warns}, nil
}

func (r *reader) read() *graphmodel.Dataset {
	d := &graphmodel.Dataset{}
	d.Meta = r.meta()
	d.Countries = r.countries()
	reg, err := r.base.With(d.Countries)
	if err != nil {
		r.fail(&graphmodel.FieldError{Cell: countriesSpec.name, Err: err})
		reg = r.base
	}
	d.Registry = reg
	d.Sources = r.sources()
	d.Relationships = r.relationships(d.Registry, d.Sources)
	r.checkDerivedCounts(d)
	if len(r.errs) == 0 {
		// Validate's checks beyond the per-row ones (line-ID collisions),
		// placed on the row they concern.
		if err := d.Validate(); err != nil {
			var list graphmodel.ErrorList
			if !errors.As(err, &list) {
				list = graphmodel.ErrorList{err}
			}
			for _, e := range list {
				var fe *graphmodel.FieldError
				if errors.As(e, &fe) && fe.Cell == "" {
					fe.Cell = r.rows[fe.Record]
				}
				r.errs = append(r.errs, e)
			}
		}
	}
	return d
}

type reader struct {
	f     *excelize.File
	ctx   context.Context
	base  *graphmodel.Registry
	errs  graphmodel.ErrorList
	warns []*graphmodel.FieldError
	marks map[string]sheetMarks // sheet -> formula, logical and error cells
	rows  map[string]string     // record key -> Sheet!A<row>, for whole-dataset checks
	// derived cells of Countries and Sources, checked once the
	// relationships they count are read
	derived []derivedCell
}

func (r *reader) warn(e *graphmodel.FieldError) {
	if len(r.warns) < graphmodel.MaxErrors {
		r.warns = append(r.warns, e)
	}
}

// readSheet says whether import reads the sheet's cells.
func (r *reader) readSheet(sheet string) bool {
	for _, s := range []sheetSpec{countriesSpec, relationshipsSpec, sourcesSpec} {
		if sheet == s.name || strings.HasPrefix(sheet, s.name+" (") {
			return true
		}
	}
	return false
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
			if r.cancelled(sheet, line) {
				break
			}
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				r.fail(&graphmodel.FieldError{Cell: fmt.Sprintf("%s!A%d", sheet, line), Err: err})
				break
			}
			if line == 1 {
				col = r.header(spec, sheet, cells)
				missing := false
				for _, req := range required {
					if _, ok := col[normHeader(req)]; !ok {
						r.fail(&graphmodel.FieldError{Cell: sheet + "!1:1", Field: req, Err: errors.New("required column missing")})
						missing = true
					}
				}
				if missing {
					break
				}
				continue
			}
			if blank(cells) {
				continue
			}
			v := &rowView{r: r, spec: spec, sheet: sheet, line: line, col: col, cells: cells, marks: r.marks[sheet]}
			if v.checkMarks() {
				fn(v)
			}
		}
		r.iteratorFailed(rows, sheet, line)
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
	spec  sheetSpec
	sheet string
	line  int
	col   map[string]int // normalised header -> column index
	cells []string
	marks sheetMarks
	id    string
}

func (v *rowView) ref(i int) string {
	c, _ := excelize.CoordinatesToCellName(i+1, v.line)
	return c
}

func (v *rowView) cell(name string) string {
	i, ok := v.col[normHeader(name)]
	if !ok {
		return fmt.Sprintf("%s!%d", v.sheet, v.line)
	}
	return v.sheet + "!" + v.ref(i)
}

// raw is the cell's text as stored, untrimmed.
func (v *rowView) raw(name string) string {
	i, ok := v.col[normHeader(name)]
	if !ok || i >= len(v.cells) {
		return ""
	}
	return v.cells[i]
}

func (v *rowView) text(name string) string { return strings.TrimSpace(v.raw(name)) }

// word is a vocabulary cell (type, status, …): case is not significant.
func (v *rowView) word(name string) string { return strings.ToLower(v.text(name)) }

// note is free text kept exactly as typed, leading tabs and line breaks
// included, so an unchanged note never reads as modified; only a cell of
// nothing but spaces is empty.
func (v *rowView) note(name string) string {
	s := v.raw(name)
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return s
}

func (v *rowView) fail(name, field string, err error) {
	v.r.fail(&graphmodel.FieldError{Cell: v.cell(name), Record: v.id, Field: field, Err: err})
}

func (v *rowView) warn(name, field string, err error) {
	v.r.warn(&graphmodel.FieldError{Cell: v.cell(name), Record: v.id, Field: field, Err: err})
}

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
		i, ok := v.col[normHeader(c.name)]
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
			what := "a formula"
			if m.formula != "" {
				what = fmt.Sprintf("the formula =%s", m.formula)
			}
			v.r.fail(&graphmodel.FieldError{Cell: cell, Field: field, Err: fmt.Errorf("holds %s; import never takes a formula's result: type the value itself (as text, if it starts with =)", what)})
		case m.boolean:
			v.r.fail(&graphmodel.FieldError{Cell: cell, Field: field, Err: fmt.Errorf("holds the logical value %s, not a %s", boolText(v.cells, i), kindWord(c.kind))})
		case m.errorValue:
			v.r.fail(&graphmodel.FieldError{Cell: cell, Field: field, Err: fmt.Errorf("holds the error value %s", v.cells[min(i, len(v.cells)-1)])})
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
		v.fail(name, field, fmt.Errorf("%q is not a whole, non-negative number", v.text(name)))
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
func (v *rowView) date(name, precName, field string) graphmodel.Date {
	raw := v.text(name)
	prec := v.word(precName)
	if raw == "" {
		if prec != "" {
			v.fail(name, field, errors.New("precision given without a date"))
		}
		return graphmodel.Date{}
	}
	var given graphmodel.Date // what the cell says, at its own precision
	if isSerial(raw) {
		f, _ := strconv.ParseFloat(raw, 64)
		t, err := excelize.ExcelDateToTime(f, false)
		if err != nil || f < 1 {
			v.fail(name, field, fmt.Errorf("%q is not a date", raw))
			return graphmodel.Date{}
		}
		y, m, day := t.Date()
		given = graphmodel.DayDate(y, int(m), day)
	} else {
		d, err := graphmodel.ParseDate(raw)
		if err != nil {
			if d2, err2 := ingest.ParseDate(raw); err2 == nil {
				d, err = d2, nil
			}
		}
		if err != nil {
			v.fail(name, field, err)
			return graphmodel.Date{}
		}
		given = d
	}
	out := given
	if prec != "" {
		p, ok := precisions[prec]
		if !ok {
			v.fail(precName, field+" precision", fmt.Errorf("%q is not day, month, quarter or year", prec))
			return graphmodel.Date{}
		}
		coarse := atPrecision(given.Start(), p)
		switch {
		case given.Precision <= p || coarse.Start().Equal(given.Start()):
			out = coarse
		default:
			out = given
			v.warn(name, field, fmt.Errorf("%s is finer than the row's precision %q; read as %s, precision %s (set %s to change it)",
				given, prec, given, given.Precision, v.cell(precName)))
		}
	}
	checked, err := graphmodel.ParseDate(out.String())
	if err != nil {
		v.fail(name, field, err)
		return graphmodel.Date{}
	}
	return checked
}

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

// countries reads every Countries row. Rows marked dataset are the
// dataset's records; a row marked reference (or left blank) becomes one
// too when it differs from the reference table or names a code the table
// lacks, so an edit to a reference row or a new row is never dropped.
func (r *reader) countries() []graphmodel.Country {
	var out []graphmodel.Country
	r.sheetRows(countriesSpec, []string{"Code", "Name"}, func(v *rowView) {
		c := graphmodel.Country{Code: graphmodel.Code(strings.ToUpper(v.text("Code"))), Name: v.text("Name"),
			Kind: graphmodel.ActorKind(v.word("Kind")), Region: v.text("Region"), Alpha3: strings.ToUpper(v.text("Alpha-3")),
			Aliases: list(v.text("Aliases")), Demonyms: list(v.text("Demonyms"))}
		v.id = string(c.Code)
		r.rows["country:"+string(c.Code)] = v.cell("Code")
		r.derived = append(r.derived, derivedCell{v.cell("Out"), v.text("Out"), "out", derivedOut, string(c.Code)},
			derivedCell{v.cell("In"), v.text("In"), "in", derivedIn, string(c.Code)},
			derivedCell{v.cell("Total"), v.text("Total"), "total", derivedTotal, string(c.Code)})
		rec := v.word("Record")
		switch rec {
		case "dataset":
		case "", "reference":
			ref, known := r.base.Country(c.Code)
			if known && sameCountry(ref, c) {
				return
			}
			if known {
				// The reference table's own names stay; the row adds to them.
				c.Aliases = without(c.Aliases, append(ref.Aliases, ref.Name))
				c.Demonyms = without(c.Demonyms, ref.Demonyms)
			}
		default:
			v.fail("Record", "record", fmt.Errorf("%q is not dataset or reference", rec))
			return
		}
		if !c.Code.Valid() {
			v.fail("Code", "code", errors.New("not a code: two upper-case letters, or upper-case letters, digits and _"))
		}
		if c.Kind != "" && !c.Kind.Valid() {
			v.fail("Kind", "kind", fmt.Errorf("unknown kind %q (country, group, unspecified)", c.Kind))
		}
		if c.Name == "" {
			v.fail("Name", "name", errors.New("empty"))
		}
		out = append(out, c)
	})
	return out
}

// sameCountry says whether a Countries row shows the reference entry
// unchanged.
func sameCountry(ref, row graphmodel.Country) bool {
	return ref.Name == row.Name && (row.Kind == "" || ref.Kind == row.Kind) && ref.Region == row.Region &&
		ref.Alpha3 == row.Alpha3 && strings.Join(ref.Aliases, "; ") == strings.Join(row.Aliases, "; ") &&
		strings.Join(ref.Demonyms, "; ") == strings.Join(row.Demonyms, "; ")
}

func without(s, drop []string) []string {
	var out []string
	for _, x := range s {
		if !contains(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

func (r *reader) sources() []graphmodel.Source {
	var out []graphmodel.Source
	seen := map[string]bool{}
	r.sheetRows(sourcesSpec, []string{"ID", "Publisher", "Title", "Published", "Kind"}, func(v *rowView) {
		s := graphmodel.Source{Key: v.text("ID"), Publisher: v.text("Publisher"), Title: v.text("Title"),
			Kind: graphmodel.SourceKind(v.word("Kind")), URL: v.text("URL"), Note: v.note("Note"),
			Domain: v.text("Domain"), Republishes: v.text("Republishes"), DerivedFrom: list(v.text("Derived from")),
			Availability: v.text("Availability")}
		v.id = s.Key
		r.rows[s.Key] = v.cell("ID")
		r.derived = append(r.derived, derivedCell{v.cell("Cited by"), v.text("Cited by"), "cited by", derivedCited, s.Key})
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
			Key: v.text("ID"), Event: v.text("Event"), Type: graphmodel.RelType(v.word("Type")),
			FromCountry: graphmodel.Code(strings.ToUpper(v.text("From"))), ToCountry: graphmodel.Code(strings.ToUpper(v.text("To"))),
			Status: graphmodel.Status(v.word("Status")), Instrument: graphmodel.Instrument(v.word("Instrument")),
			Confidence: graphmodel.Confidence(v.word("Confidence")), Sources: list(v.text("Sources")), Note: v.note("Note"),
		}
		v.id = rel.Key
		r.rows[rel.Key] = v.cell("ID")
		for _, end := range []struct {
			col  string
			code graphmodel.Code
		}{{"From name", rel.FromCountry}, {"To name", rel.ToCountry}} {
			if got := v.text(end.col); got != "" && !knownName(reg, end.code, got) {
				v.warn(end.col, strings.ToLower(end.col), fmt.Errorf("%q not read: the column is derived from the code (%s is %q); rename a country on the Countries sheet", got, end.code, reg.Name(end.code)))
			}
		}
		before := len(r.errs)
		rel.Date = v.date("Date", "Date precision", "date")
		if n, ok := v.number("Count", "count"); ok || v.text("Count qualifier") != "" {
			c, err := graphmodel.ParseCount(strconv.FormatInt(n, 10), v.word("Count qualifier"))
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
			m, err := graphmodel.ParseMoney(amount, strings.ToUpper(v.text("Currency")), v.word("Amount qualifier"))
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

// knownName says whether name is what a derived name cell could show for
// code: its name, or a former name (a renamed country keeps its old name
// as an alias, and the other rows still show it until re-exported).
func knownName(reg *graphmodel.Registry, code graphmodel.Code, name string) bool {
	c, ok := reg.Country(code)
	if !ok {
		return name == string(code)
	}
	return name == c.Name || contains(c.Aliases, name)
}
