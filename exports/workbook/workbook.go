// Package workbook writes the NGO workbook: one xlsx file an analyst can
// open in Excel or LibreOffice, filter, cite, correct and send back, and
// reads a corrected copy back into the model.
//
// Every sheet holds one table starting at A1 with a single frozen header
// row and an autofilter; no cells are merged. Dates are real dates, counts
// and amounts real numbers with formats, and each qualifier sits beside the
// number it qualifies. Text cells are strings in the Text number format,
// so nothing typed or stored there is ever evaluated as a formula, even
// after an edit. Large sheets stream through excelize's StreamWriter and
// continue on numbered sheets past Excel's row limit.
package workbook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
)

// ExcelMaxRows is Excel's row limit per sheet, header included.
const ExcelMaxRows = 1048576

// Options tune Write.
type Options struct {
	// Generated is the document time the About sheet and document
	// properties state. Left zero, it is SOURCE_DATE_EPOCH when that is set
	// (reproducible-builds.org convention), else the first instant of the
	// dataset's Updated date, else 2000-01-01: never the wall clock, so the
	// same input gives the same bytes whenever it is exported.
	Generated time.Time
	// Window is the analysis window (open: all dates).
	Window analysis.Window
	// Seed seeds Louvain.
	Seed uint64
	// Results are the analysis the analysis sheets show, computed once by
	// the caller (analysis.NewResults over the same dataset, Window and
	// Seed) and shared with whatever else it writes; nil: the workbook
	// makes its own from Window and Seed.
	Results *analysis.Results
	// MaxRows overrides ExcelMaxRows (tests use small values to exercise
	// continuation sheets).
	MaxRows int
	// Progress receives one unit per relationship row written.
	Progress graphmodel.Progress
	// Lang writes the sheets import reads, the Data dictionary and every
	// country name in another language (see Lang); "" is English.
	Lang Lang
	// SkipAnalysis leaves out the analysis sheets (hubs, patterns, profiles,
	// communities, timeline, dependencies), for raw data exports at scale.
	SkipAnalysis bool
	// Stream, if set, supplies the relationships instead of the dataset's
	// slice, one at a time (the *Relationship may be reused), so a dataset
	// larger than memory can be exported; it needs SkipAnalysis. Count is
	// how many it will yield.
	Stream      func(fn func(*graphmodel.Relationship) error) error
	StreamCount int
	// Context, if set, stops the write between rows once it is done, and
	// WriteFile then leaves the target as it was.
	Context context.Context
}

// Write writes the workbook for d to w.
func Write(w io.Writer, d *graphmodel.Dataset, opt Options) error {
	if opt.MaxRows <= 1 || opt.MaxRows > ExcelMaxRows {
		opt.MaxRows = ExcelMaxRows
	}
	if opt.Generated.IsZero() {
		t, err := DocumentTime(d)
		if err != nil {
			return err
		}
		opt.Generated = t
	}
	opt.Progress = graphmodel.OrNop(opt.Progress)
	if opt.Stream != nil && !opt.SkipAnalysis {
		return errors.New("workbook: streamed relationships need SkipAnalysis")
	}
	b, err := newBuilder(d, opt)
	if err != nil {
		return err
	}
	defer b.f.Close()
	if err := b.build(); err != nil {
		return err
	}
	if err := opt.context().Err(); err != nil {
		return err
	}
	tmp, err := os.CreateTemp("", "leverage-workbook-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := b.f.Write(tmp); err != nil {
		return err
	}
	return Canonicalize(w, tmp)
}

// DocumentTime is the time a workbook of d states when Options.Generated
// is not given: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else
// the start of d.Meta.Updated, else 2000-01-01T00:00:00Z.
func DocumentTime(d *graphmodel.Dataset) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || sec < 0 || sec > 253402300799 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds since 1970 before year 10000", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	if !d.Meta.Updated.IsZero() {
		return d.Meta.Updated.Start().UTC(), nil
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), nil
}

// WriteFile writes the workbook to path through a temporary file in the
// same directory, renamed into place only when complete and only if
// opt.Context is not done: a crash or Ctrl-C never leaves a half-written
// workbook under the final name, and never replaces the previous one.
func WriteFile(path string, d *graphmodel.Dataset, opt Options) error {
	return safeio.WriteFile(opt.context(), path, func(w io.Writer) error { return Write(w, d, opt) })
}

func (o Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// colKind says how a column's values are stored and formatted.
type colKind int

const (
	kText colKind = iota
	kInt
	kFloat
	kDate
	kMonth
	kURL
	kScore     // a score: float with scoreDigits significant digits
	kModelDate // a model date's text, stored as its first day shown at its precision
	kWrapped   // long text, wrapped
	kUSD       // whole US dollars
	kAny       // stored as the value's own type: text, number or time
)

type column struct {
	name  string
	kind  colKind
	width float64
	doc   string
}

// sheetSpec is one sheet's table; the Data dictionary sheet is made from
// these, so documentation and columns cannot drift apart.
type sheetSpec struct {
	name    string
	about   string
	columns []column
}

func (s sheetSpec) index(name string) int {
	for i, c := range s.columns {
		if c.name == name {
			return i
		}
	}
	panic(fmt.Sprintf("workbook: sheet %s has no column %s", s.name, name))
}

// styles are the cell styles shared by every sheet.
type styles struct {
	header, text, wrapped, integer, float, date, month, year, dateTime, link, usd int
	// integerLeft and scoreLeft sit beside a label (About), not in a column
	// of figures.
	integerLeft, scoreLeft int
	// sig[d] shows a number with d decimals; score picks d so every score
	// shows four significant digits, whatever its magnitude.
	sig [12]int
}

// scoreDigits is how many significant digits scores (PageRank, HITS,
// betweenness, closeness, modularity) show; the cell keeps the full value.
const scoreDigits = 4

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	custom := func(format string, align *excelize.Alignment) int {
		return mk(&excelize.Style{CustomNumFmt: &format, Alignment: align})
	}
	top := &excelize.Alignment{Vertical: "top"}
	left := &excelize.Alignment{Vertical: "top", Horizontal: "left"}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, NumFmt: 49})
	s.text = mk(&excelize.Style{NumFmt: 49, Alignment: top})
	s.wrapped = mk(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.integer = mk(&excelize.Style{NumFmt: 3, Alignment: top}) // #,##0
	s.float = custom("0.000000", top)
	s.integerLeft = mk(&excelize.Style{NumFmt: 3, Alignment: left})
	scoreFormat := "0." + strings.Repeat("0", scoreDigits)
	s.scoreLeft = custom(scoreFormat, left)
	s.usd = custom(`#,##0" USD"`, top)
	s.date = custom("yyyy-mm-dd", left)
	s.month = custom("yyyy-mm", left)
	s.year = custom("yyyy", left)
	s.dateTime = custom("yyyy-mm-dd hh:mm:ss", left)
	s.link = mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Color: "1F4E9E", Underline: "single"}})
	for d := range s.sig {
		format := "0"
		if d > 0 {
			format += "." + strings.Repeat("0", d)
		}
		s.sig[d] = custom(format, top)
	}
	return s, err
}

// score is the style that shows x with scoreDigits significant digits.
func (s styles) score(x float64) int {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return s.sig[scoreDigits-1]
	}
	d := scoreDigits - 1 - int(math.Floor(math.Log10(math.Abs(x))))
	return s.sig[max(0, min(d, len(s.sig)-1))]
}

// dateStyle shows a date to the precision it has (a quarter shows its
// first month).
func (s styles) dateStyle(p graphmodel.Precision) int {
	switch p {
	case graphmodel.Month, graphmodel.Quarter:
		return s.month
	case graphmodel.Year:
		return s.year
	}
	return s.date
}
