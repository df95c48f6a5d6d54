package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
)

// Result is a workbook read back: the dataset, and the cells import saw
// but did not take as typed (an edited derived column, an extra column, a
// date finer than its precision), each with its Sheet!Cell.
type Result struct {
	Dataset  *graphmodel.Dataset
	Warnings []*graphmodel.FieldError
	// Unread are the sheets import does not read (the analysis sheets,
	// computed from the data, and any sheet a user added), so a report
	// can say that edits there change nothing. About is read for the
	// dataset's identity and is not listed.
	Unread []string
}

// ReadContext reads a workbook (ours, or an NGO's corrected copy of it)
// back into a dataset; see ReadReportContext, whose warnings it drops.
func ReadContext(ctx context.Context, r io.Reader, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	res, err := ReadReportContext(ctx, r, base)
	if err != nil {
		return nil, err
	}
	return res.Dataset, nil
}

// ReadReportContext reads Countries (every row: dataset records, and
// reference rows that were edited or added), every Relationships row
// (continuation sheets included) and every Sources row, plus the dataset
// identity from About. Headers match ignoring case and punctuation, as
// ingest's do; vocabulary cells ignore case. Sheets are read row by row,
// never whole. Every problem of every sheet is reported in one run as
// Sheet!Cell: field: problem, up to graphmodel.MaxErrors, and then no
// dataset is returned; a formula, a logical or an error value in a cell
// import reads is such a problem, since its cached result is not what was
// typed. The dataset passes the checks validate applies, through the same
// functions. The file is checked first (see openChecked): bounded, and
// every row readable; reading stops between rows once ctx is done.
func ReadReportContext(ctx context.Context, r io.Reader, base *graphmodel.Registry) (*Result, error) {
	rd := &reader{ctx: ctx, base: base, rows: map[string]rowPos{}}
	f, raw, scans, err := openChecked(ctx, r, rd.readSheet)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd.f, rd.scans = f, scans
	// The check sees the parts under xl/worksheets/; a sheet the workbook
	// keeps elsewhere is scanned on its own.
	unscanned := func(sheet string) bool { _, ok := scans[sheet]; return !ok && rd.readSheet(sheet) }
	if zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw))); err == nil {
		rest, err := scanMarks(zr, unscanned)
		if err != nil {
			return nil, fmt.Errorf("not a readable xlsx workbook: %w", err)
		}
		maps.Copy(rd.scans, rest)
	}
	d := rd.read()
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	var unread []string
	for _, sheet := range f.GetSheetList() {
		if !rd.readSheet(sheet) && sheet != aboutSpec.name {
			unread = append(unread, sheet)
		}
	}
	return &Result{Dataset: d, Warnings: rd.warns, Unread: unread}, nil
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
					if p, ok := r.rowOf(d, fe.Record); ok {
						fe.Cell = fmt.Sprintf("%s!A%d", p.sheet, p.line)
					}
				}
				r.errs = append(r.errs, e)
			}
		}
	}
	return d
}

type reader struct {
	f       *excelize.File
	ctx     context.Context
	base    *graphmodel.Registry
	errs    graphmodel.ErrorList
	warns   []*graphmodel.FieldError
	scans   map[string]sheetScan // sheet -> its formula, logical and error cells, and row count
	rows    map[string]rowPos    // source id -> its row, for whole-dataset checks
	relRows []rowPos             // the row of each relationship read, in order
	// derived cells of Countries and Sources, checked once the
	// relationships they count are read
	derived []derivedCell
	// interned holds one copy of each short repeated value (codes, types,
	// statuses, source ids): each cell arrives as its own string, and at
	// 200,000 rows the copies would be tens of megabytes.
	interned map[string]string
}

type rowPos struct {
	sheet string
	line  int
}

// rowOf finds the row a record was read from (only on the error path, so
// a scan is fine).
func (r *reader) rowOf(d *graphmodel.Dataset, key string) (rowPos, bool) {
	if p, ok := r.rows[key]; ok {
		return p, true
	}
	for i := range d.Relationships {
		if d.Relationships[i].Key == key && i < len(r.relRows) {
			return r.relRows[i], true
		}
	}
	return rowPos{}, false
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
		var idx map[string]int // spec column name -> index, so cells are found without folding names per row
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
				idx = map[string]int{}
				for _, c := range spec.columns {
					if i, ok := col[normHeader(c.name)]; ok {
						idx[c.name] = i
					}
				}
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
			v := &rowView{r: r, spec: spec, sheet: sheet, line: line, col: col, idx: idx, cells: cells, marks: r.scans[sheet].marks}
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
	idx   map[string]int // spec column name -> column index
	cells []string
	marks sheetMarks
	id    string
}

func (v *rowView) ref(i int) string {
	c, _ := excelize.CoordinatesToCellName(i+1, v.line)
	return c
}

// index finds a column by its spec name.
func (v *rowView) index(name string) (int, bool) {
	if i, ok := v.idx[name]; ok {
		return i, true
	}
	i, ok := v.col[normHeader(name)]
	return i, ok
}

func (v *rowView) cell(name string) string {
	i, ok := v.index(name)
	if !ok {
		return fmt.Sprintf("%s!%d", v.sheet, v.line)
	}
	return v.sheet + "!" + v.ref(i)
}

// raw is the cell's text as stored, untrimmed.
func (v *rowView) raw(name string) string {
	i, ok := v.index(name)
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
