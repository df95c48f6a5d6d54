package workbook

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/exports/table"
	"github.com/leverage-project/leverage/graphmodel"
)

// builder writes one workbook.
type builder struct {
	f       *excelize.File
	d       *graphmodel.Dataset
	opt     Options
	st      styles
	written map[string][]string // spec name -> sheets actually used (continuations)
	rows    map[string]int      // spec name -> data rows written
	// Counted during the relationships pass, shown on Countries and Sources.
	out, in map[graphmodel.Code]int
	cited   map[string]int
	lin     *graphmodel.Lineage  // computed once from the sources (lineage())
	ref     *graphmodel.Registry // the reference table, for translated names (refName)
}

// lineage partitions the sources into independent accounts, once.
func (b *builder) lineage() *graphmodel.Lineage {
	if b.lin == nil {
		b.lin = b.d.Lineage()
	}
	return b.lin
}

func newBuilder(d *graphmodel.Dataset, opt Options) (*builder, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &builder{f: f, d: d, opt: opt, st: st, written: map[string][]string{}, rows: map[string]int{}}, nil
}

// tableWriter streams one sheetSpec's rows, starting a continuation sheet
// whenever a sheet is full.
type tableWriter struct {
	b     *builder
	spec  sheetSpec
	total int // rows the table will hold, known up front: the autofilter
	// must be set before a sheet is streamed, since excelize copies the
	// sheet's settings when its StreamWriter starts
	done int
	// prepare, if set, runs on each new sheet before streaming starts, for
	// settings excelize cannot add to a streamed sheet (hyperlinks); it gets
	// the index of the first row the sheet will hold and how many.
	prepare func(sheet string, first, rows int) error
	sw      *excelize.StreamWriter
	sheet   string
	part    int
	row     int // next row number on the current sheet (1-based)
	cells   []any
}

func (b *builder) table(spec sheetSpec, total int) (*tableWriter, error) {
	return b.tableWith(spec, total, nil)
}

func (b *builder) tableWith(spec sheetSpec, total int, prepare func(sheet string, first, rows int) error) (*tableWriter, error) {
	t := &tableWriter{b: b, spec: spec, total: total, prepare: prepare, cells: make([]any, len(spec.columns))}
	return t, t.startSheet()
}

func continuationName(base string, part int) string {
	if part == 1 {
		return base
	}
	s := fmt.Sprintf("%s (%d)", base, part)
	if len(s) > 31 {
		s = s[len(s)-31:]
	}
	return s
}

func (t *tableWriter) startSheet() error {
	if t.sw != nil {
		if err := t.finishSheet(); err != nil {
			return err
		}
	}
	t.part++
	t.sheet = continuationName(t.b.opt.Lang.T(t.spec.name), t.part)
	if t.sheet != t.b.opt.Lang.T(aboutSpec.name) {
		if _, err := t.b.f.NewSheet(t.sheet); err != nil {
			return err
		}
	}
	rows := min(t.total-t.done, t.b.opt.MaxRows-1)
	last, _ := excelize.CoordinatesToCellName(len(t.spec.columns), max(rows, 0)+1)
	// The stream writer copies <dimension> from the sheet as it stands, and
	// readers such as openpyxl's read_only mode read only that range: it
	// must be the real one, known here since the row count is.
	if err := t.b.f.SetSheetDimension(t.sheet, "A1:"+last); err != nil {
		return err
	}
	if err := t.b.f.AutoFilter(t.sheet, "A1:"+last, nil); err != nil {
		return err
	}
	if err := t.b.pageSetup(t.spec, t.sheet); err != nil {
		return err
	}
	if t.prepare != nil {
		if err := t.prepare(t.sheet, t.done, rows); err != nil {
			return err
		}
	}
	if err := t.b.dropDowns(t.spec, t.sheet); err != nil {
		return err
	}
	sw, err := t.b.f.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	t.sw = sw
	for i, c := range t.spec.columns {
		if err := sw.SetColWidth(i+1, i+1, t.b.colWidth(t.spec, c)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(t.spec.columns))
	for i, c := range t.spec.columns {
		header[i] = excelize.Cell{StyleID: t.b.st.header, Value: t.b.opt.Lang.T(c.name)}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	t.row = 2
	t.b.written[t.spec.name] = append(t.b.written[t.spec.name], t.sheet)
	return nil
}

// cancelCheckRows is how often a sheet's rows look at the context: often
// enough to stop within milliseconds, rarely enough to cost nothing.
const cancelCheckRows = 1024

// add writes one row; values follow the spec's columns.
func (t *tableWriter) add(values ...any) error {
	if t.row > t.b.opt.MaxRows {
		if err := t.startSheet(); err != nil {
			return err
		}
	}
	for i, v := range values {
		if s, ok := v.(string); ok && t.b.opt.Lang != "" && vocabularyOf(t.spec.name, t.spec.columns[i].name) != nil {
			v = t.b.opt.Lang.Word(s)
		}
		t.cells[i] = t.cell(t.spec.columns[i], v, i)
	}
	for i := len(values); i < len(t.cells); i++ {
		t.cells[i] = nil
	}
	if t.done%cancelCheckRows == 0 {
		if err := t.b.opt.context().Err(); err != nil {
			return err
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, t.row)
	var opts []excelize.RowOpts
	if h := t.wrappedHeight(values); h > 0 {
		opts = append(opts, excelize.RowOpts{Height: h})
	}
	if err := t.sw.SetRow(cell, t.cells, opts...); err != nil {
		return err
	}
	t.row++
	t.done++
	t.b.rows[t.spec.name]++
	return nil
}

func (t *tableWriter) cell(c column, v any, col int) any {
	if v == nil {
		return nil
	}
	st := t.b.st
	if cell, ok := v.(excelize.Cell); ok {
		return cell
	}
	switch c.kind {
	case kScore:
		if x, ok := v.(float64); ok {
			return excelize.Cell{StyleID: st.score(x), Value: x}
		}
	case kModelDate:
		if s, ok := v.(string); ok {
			if s == "" {
				return nil
			}
			if d, err := graphmodel.ParseDate(s); err == nil {
				return excelize.Cell{StyleID: st.dateStyle(d.Precision), Value: d.Start()}
			}
		}
	case kUSD:
		switch x := v.(type) {
		case int64:
			return excelize.Cell{StyleID: st.usd, Value: x}
		case int:
			return excelize.Cell{StyleID: st.usd, Value: int64(x)}
		}
	case kWrapped:
		if s, ok := v.(string); ok && s != "" {
			return excelize.Cell{StyleID: st.wrapped, Value: table.TruncateCell(s)}
		}
	case kInt:
		switch x := v.(type) {
		case int64:
			return excelize.Cell{StyleID: st.integer, Value: x}
		case int:
			return excelize.Cell{StyleID: st.integer, Value: int64(x)}
		}
	case kFloat:
		if x, ok := v.(float64); ok {
			if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
				return excelize.Cell{StyleID: st.integer, Value: x}
			}
			return excelize.Cell{StyleID: st.score(x), Value: x}
		}
	case kDate, kMonth:
		if x, ok := v.(time.Time); ok {
			if x.IsZero() {
				return nil
			}
			style := st.date
			if c.kind == kMonth {
				style = st.month
			}
			return excelize.Cell{StyleID: style, Value: x}
		}
	case kAny:
		switch x := v.(type) {
		case int:
			return excelize.Cell{StyleID: st.integerLeft, Value: int64(x)}
		case int64:
			return excelize.Cell{StyleID: st.integerLeft, Value: x}
		case float64:
			return excelize.Cell{StyleID: st.scoreLeft, Value: x}
		case time.Time:
			return excelize.Cell{StyleID: st.dateTime, Value: x}
		case string:
			if x == "" {
				return nil
			}
			return excelize.Cell{StyleID: st.wrapped, Value: table.TruncateCell(x)}
		}
	case kURL:
		s := fmt.Sprint(v)
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: st.link, Value: table.TruncateCell(s)}
	}
	s, ok := v.(string)
	if !ok {
		s = fmt.Sprint(v)
	}
	if s == "" {
		return nil
	}
	return excelize.Cell{StyleID: st.text, Value: table.TruncateCell(s)}
}

func (t *tableWriter) finishSheet() error {
	if t.done > t.total {
		return fmt.Errorf("workbook: sheet %s got %d rows, announced %d", t.spec.name, t.done, t.total)
	}
	return t.sw.Flush()
}

// close flushes the last sheet.
func (t *tableWriter) close() error { return t.finishSheet() }

// colName returns the column letter of the named column of spec.
func colName(spec sheetSpec, name string) string {
	c, _ := excelize.ColumnNumberToName(spec.index(name) + 1)
	return c
}

// colWidth is a column's width: the spec's, widened so the longest word
// of its header (in the workbook's language) fits on one line, since a
// wrapped header otherwise breaks mid-word, and for an ID column so the
// longest id fits (up to maxIDWidth).
func (b *builder) colWidth(spec sheetSpec, c column) float64 {
	w := c.width
	if w == 0 {
		w = 14
	}
	for _, word := range strings.Fields(b.opt.Lang.T(c.name)) {
		// bold header characters run about 15% wider than body text
		w = max(w, float64(utf8.RuneCountInString(word))*1.15+2)
	}
	if c.name == "ID" {
		w = max(w, min(float64(b.longestID(spec))+2, maxIDWidth))
	}
	return w
}

// maxIDWidth caps an ID column's width; a longer id wraps.
const maxIDWidth = 48

// longestID is the length of the longest id a data sheet shows (0 for a
// streamed export, which does not hold them).
func (b *builder) longestID(spec sheetSpec) int {
	n := 0
	switch spec.name {
	case relationshipsSpec.name:
		for i := range b.d.Relationships {
			n = max(n, utf8.RuneCountInString(b.d.Relationships[i].Key))
		}
	case sourcesSpec.name:
		for i := range b.d.Sources {
			n = max(n, utf8.RuneCountInString(b.d.Sources[i].Key))
		}
	}
	return n
}

// fitWidth is the widest table (in column-width units) printed one page
// wide: A4 landscape holds about 130 units at 100%, so up to fitWidth
// prints at 68% or more, still readable. A wider data sheet prints as
// many pages wide as it takes fitWidth units each, its ID column and
// header row on each page, pages ordered across then down so a row's
// parts follow each other. Analysis sheets stay one page wide: their
// charts sit right of the table.
const fitWidth = 190

// pageSetup makes a sheet print as people expect a table to: landscape,
// as wide as one page when that stays readable (see fitWidth), the
// header row on every page, the sheet name and page number in the
// footer. It goes on before streaming, like every sheet setting.
func (b *builder) pageSetup(spec sheetSpec, sheet string) error {
	f := b.f
	total := 0.0
	for _, c := range spec.columns {
		total += b.colWidth(spec, c)
	}
	readable := total > fitWidth && (spec.name == relationshipsSpec.name || spec.name == sourcesSpec.name)
	landscape, wide, tall, a4 := "landscape", 1, 0, 9
	layout := &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall, Size: &a4}
	titles := "'" + sheet + "'!$1:$1"
	if readable {
		order, pages := "overThenDown", int(math.Ceil(total/fitWidth))
		layout = &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &pages, FitToHeight: &tall, Size: &a4, PageOrder: &order}
		titles = "'" + sheet + "'!$A:$A,'" + sheet + "'!$1:$1"
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&L&A&R" + b.opt.Lang.T("Page &P of &N")}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}

// lineHeight is the height in points of one line of the default 11 pt
// font; maxRowHeight is the tallest row Excel allows.
const (
	lineHeight   = 15.0
	maxRowHeight = 409.0
)

// wrappedHeight is the row height that shows every line of the row's
// wrapped text, or 0 when one line does. Streamed rows carry no computed
// height, and LibreOffice and Excel keep the stored one on opening, so
// without it wrapped lines would print over the next row.
func (t *tableWriter) wrappedHeight(values []any) float64 {
	lines := 1
	for i, v := range values {
		c := t.spec.columns[i]
		s, ok := v.(string)
		if !ok || (c.kind != kWrapped && c.kind != kAny) {
			continue
		}
		width := c.width
		if width == 0 {
			width = 14
		}
		perLine := max(1, int(width*1.1)-1)
		n := 0
		for _, para := range strings.Split(s, "\n") {
			n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0
	}
	return min(maxRowHeight, float64(lines)*lineHeight)
}
