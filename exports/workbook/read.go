package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/ingest"
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
	// Notes are cells read under a rule the user chose (a numeric date
	// read by ReadOptions.DateOrder), so a report can say so per cell.
	Notes []*graphmodel.FieldError
	// More counts findings past MaxFindings: counted, not kept.
	More int
	// Options are the options the workbook was read with.
	Options ReadOptions

	// About maps each Meta field read from the About sheet to its cell
	// ("Name": "About!B2"); nil when the workbook has no About sheet.
	About map[string]string

	relRows  []rowPos // aligned with Dataset.Relationships as read
	srcRows  map[string]rowPos
	ctryRows map[string]rowPos
	cols     map[string]map[string]int // sheet -> spec column name -> index
	relByKey map[string]rowPos         // built on first use
}

// CellOf names the cell of a record's column ("Relationships!H12"), or its
// row's first cell when column is "" or not on the sheet; sheet is the
// record's base sheet (Relationships, Sources or Countries) and key its id
// or code. It returns "" for a record not read from the workbook.
func (res *Result) CellOf(sheet, key, column string) string {
	var p rowPos
	var ok bool
	switch sheet {
	case relationshipsSpec.name:
		if res.relByKey == nil {
			res.relByKey = make(map[string]rowPos, len(res.relRows))
			for i, rp := range res.relRows {
				if i < len(res.Dataset.Relationships) {
					res.relByKey[res.Dataset.Relationships[i].Key] = rp
				}
			}
		}
		p, ok = res.relByKey[key]
	case sourcesSpec.name:
		p, ok = res.srcRows[key]
	case countriesSpec.name:
		p, ok = res.ctryRows[key]
	}
	if !ok {
		return ""
	}
	i, ok := res.cols[p.sheet][column]
	if !ok {
		i = 0
	}
	c, _ := excelize.CoordinatesToCellName(i+1, p.line)
	return p.sheet + "!" + c
}

// ReadOptions are the choices a user makes about reading a workbook.
type ReadOptions struct {
	// DateOrder reads numeric text dates with two readings (05/03/2025);
	// unset, such a cell is an error naming both readings.
	DateOrder ingest.DateOrder
}

// MaxFindings bounds the errors, warnings and notes one read keeps (so
// memory stays bounded on a hostile file); past it they are only counted
// (Result.More, ReadError.More).
const MaxFindings = 100_000

// ReadError is the error of a workbook that could not be imported: every
// problem found, up to MaxFindings, and how many more there were.
type ReadError struct {
	List graphmodel.ErrorList
	More int
	// Warnings and Notes found on the way, for a full report.
	Warnings, Notes []*graphmodel.FieldError
}

func (e *ReadError) Error() string {
	s := e.List.Error()
	if e.More > 0 {
		s += fmt.Sprintf("\n  … and %d more problems not kept (limit %d)", e.More, MaxFindings)
	}
	return s
}

// Unwrap lets errors.As find the list and IsInvalid see it.
func (e *ReadError) Unwrap() error { return e.List }

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
	return ReadReportWith(ctx, r, base, ReadOptions{})
}

// ReadReportWith is ReadReportContext with the user's reading choices.
func ReadReportWith(ctx context.Context, r io.Reader, base *graphmodel.Registry, opt ReadOptions) (*Result, error) {
	rd := &reader{ctx: ctx, base: base, rows: map[string]rowPos{}, opt: opt}
	f, raw, scans, err := openChecked(ctx, r, rd.readSheet)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd.f, rd.scans = f, scans
	rd.lang = langOf(f.GetSheetList())
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
		return nil, &ReadError{List: rd.errs, More: rd.more, Warnings: rd.warns, Notes: rd.notes}
	}
	var unread []string
	for _, sheet := range f.GetSheetList() {
		if !rd.readSheet(sheet) && canonicalSheet(sheet) != aboutSpec.name {
			unread = append(unread, sheet)
		}
	}
	return &Result{Dataset: d, Warnings: rd.warns, Unread: unread, Notes: rd.notes, More: rd.more, Options: opt,
		About: rd.about, relRows: rd.relRows, srcRows: rd.rows, ctryRows: rd.ctryRows, cols: rd.cols}, nil
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
	if len(r.errs) == 0 {
		// With a row refused, the counts would be compared with rows
		// that were not imported: every Out, In and Cited by of its
		// countries and sources would look edited.
		r.checkDerivedCounts(d)
	}
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
	f        *excelize.File
	ctx      context.Context
	base     *graphmodel.Registry
	opt      ReadOptions
	lang     Lang // the workbook's language, told by its sheet names
	errs     graphmodel.ErrorList
	warns    []*graphmodel.FieldError
	notes    []*graphmodel.FieldError
	kept     int                       // errors, warnings and notes kept, up to MaxFindings
	more     int                       // findings past MaxFindings, counted only
	scans    map[string]sheetScan      // sheet -> its formula, logical and error cells, and row count
	rows     map[string]rowPos         // source id -> its row, for whole-dataset checks
	relRows  []rowPos                  // the row of each relationship read, in order
	ctryRows map[string]rowPos         // country code -> its row
	about    map[string]string         // Meta field -> its About cell; nil without an About sheet
	cols     map[string]map[string]int // sheet -> spec column name -> index
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

// keep says whether one more finding fits under MaxFindings, counting it
// otherwise.
func (r *reader) keep() bool {
	if r.kept >= MaxFindings {
		r.more++
		return false
	}
	r.kept++
	return true
}

func (r *reader) warn(e *graphmodel.FieldError) {
	if e.Done == "" {
		e.Done = "not read"
	}
	if r.keep() {
		r.warns = append(r.warns, e)
	}
}

func (r *reader) note(e *graphmodel.FieldError) {
	if r.keep() {
		r.notes = append(r.notes, e)
	}
}

// readSheet says whether import reads the sheet's cells.
func (r *reader) readSheet(sheet string) bool {
	for _, s := range []sheetSpec{countriesSpec, relationshipsSpec, sourcesSpec} {
		if isSheetOf(sheet, s.name) {
			return true
		}
	}
	return false
}

// isSheetOf says whether a sheet is base or one of its continuations
// ("Relationships (2)"), named in any language.
func isSheetOf(sheet, base string) bool {
	if sheet == base || strings.HasPrefix(sheet, base+" (") {
		return true
	}
	name := sheet
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	return canonicalSheet(name) == base
}

func (r *reader) fail(e *graphmodel.FieldError) {
	if e.Done == "" {
		e.Done = "refused"
	}
	if r.keep() {
		r.errs = append(r.errs, e)
	}
}

// sheetRows iterates the data rows of a spec's sheets (continuations
// included), calling fn with a row accessor.
func (r *reader) sheetRows(spec sheetSpec, required []string, fn func(row *rowView)) {
	sheets := r.sheetsOf(spec.name)
	if len(sheets) == 0 {
		r.fail(&graphmodel.FieldError{Cell: spec.name, Err: r.missingSheet(spec, required)})
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
				if r.cols == nil {
					r.cols = map[string]map[string]int{}
				}
				r.cols[sheet] = idx
				missing := false
				for _, req := range required {
					if _, ok := col[normHeader(req)]; !ok {
						r.fail(&graphmodel.FieldError{Cell: sheet + "!1:1", Field: req, Err: graphmodel.Because("column_missing", "required column missing")})
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

// missingSheet says a sheet is missing, listing the sheets the workbook
// has and naming one that holds the missing sheet's columns (a sheet
// renamed, or translated by hand).
func (r *reader) missingSheet(spec sheetSpec, required []string) error {
	list := r.f.GetSheetList()
	msg := fmt.Sprintf("sheet missing; the workbook has %s", quoteList(list))
	for _, sheet := range list {
		if r.readSheet(sheet) || sheet == aboutSpec.name {
			continue
		}
		rows, err := r.f.Rows(sheet)
		if err != nil {
			continue
		}
		var head []string
		if rows.Next() {
			head, _ = rows.Columns()
		}
		rows.Close()
		have := map[string]bool{}
		for _, h := range head {
			have[normHeader(h)] = true
		}
		all := len(required) > 0
		for _, req := range required {
			all = all && have[normHeader(req)]
		}
		if all {
			msg += fmt.Sprintf("; %q has its columns: if it is this sheet renamed, name it %q again", sheet, spec.name)
			break
		}
	}
	return errors.New(msg)
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	if len(q) == 0 {
		return "no sheets"
	}
	return strings.Join(q, ", ")
}

func (r *reader) sheetsOf(base string) []string {
	var out []string
	for _, s := range r.f.GetSheetList() {
		if isSheetOf(s, base) {
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

// word is a vocabulary cell (type, status, …): case is not significant,
// and a space or hyphen stands for the underscore, so "No response" and
// "at-least" read as no_response and at_least, as the drop-down shows them.
func (v *rowView) word(name string) string { return canonicalWord(vocabWord(v.text(name))) }

func vocabWord(s string) string {
	s = strings.ToLower(s)
	if !strings.ContainsAny(s, " -\u00a0") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '\u00a0' }), "_")
}

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
	v.r.fail(&graphmodel.FieldError{Cell: v.cell(name), Record: v.id, Field: field, Err: err, Typed: v.typed(name)})
}

func (v *rowView) warn(name, field string, err error) {
	v.r.warn(&graphmodel.FieldError{Cell: v.cell(name), Record: v.id, Field: field, Err: err, Typed: v.typed(name)})
}

// typed is a cell's text for a report, cut to a readable length; a date
// cell's serial number is shown as the date a spreadsheet shows.
func (v *rowView) typed(name string) string {
	s := v.text(name)
	if slices.ContainsFunc(v.spec.columns, func(c column) bool { return c.name == name && c.kind == kDate }) && isSerial(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 {
			if t, err := excelize.ExcelDateToTime(f, false); err == nil {
				return t.Format("2006-01-02")
			}
		}
	}
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}
