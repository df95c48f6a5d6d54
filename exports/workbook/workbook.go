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
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
)

// ExcelMaxRows is Excel's row limit per sheet, header included.
const ExcelMaxRows = 1048576

// Options tune Write.
type Options struct {
	// Generated is the time the About sheet and document properties state;
	// fixed in tests so the same input gives the same bytes.
	Generated time.Time
	// Window is the analysis window (open: all dates).
	Window analysis.Window
	// Seed seeds Louvain.
	Seed uint64
	// MaxRows overrides ExcelMaxRows (tests use small values to exercise
	// continuation sheets).
	MaxRows int
	// Progress receives one unit per relationship row written.
	Progress graphmodel.Progress
	// SkipAnalysis leaves out the analysis sheets (hubs, patterns, profiles,
	// communities, timeline, dependencies), for raw data exports at scale.
	SkipAnalysis bool
	// Stream, if set, supplies the relationships instead of the dataset's
	// slice, one at a time (the *Relationship may be reused), so a dataset
	// larger than memory can be exported; it needs SkipAnalysis. Count is
	// how many it will yield.
	Stream      func(fn func(*graphmodel.Relationship) error) error
	StreamCount int
}

// Write writes the workbook for d to w.
func Write(w io.Writer, d *graphmodel.Dataset, opt Options) error {
	if opt.MaxRows <= 1 || opt.MaxRows > ExcelMaxRows {
		opt.MaxRows = ExcelMaxRows
	}
	if opt.Generated.IsZero() {
		opt.Generated = time.Now().UTC()
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

// WriteFile writes the workbook to path through a temporary file in the
// same directory, renamed into place only when complete: a crash or Ctrl-C
// never leaves a half-written workbook under the final name.
func WriteFile(path string, d *graphmodel.Dataset, opt Options) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	// CreateTemp makes the file private (0600); the workbook is for sharing.
	if err = tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = Write(tmp, d, opt); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
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
	header, text, integer, float, date, month, link int
}

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
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, NumFmt: 49})
	s.text = mk(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}})
	s.integer = mk(&excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}}) // #,##0
	fmtFloat := "0.000000"
	s.float = mk(&excelize.Style{CustomNumFmt: &fmtFloat, Alignment: &excelize.Alignment{Vertical: "top"}})
	fmtDate := "yyyy-mm-dd"
	s.date = mk(&excelize.Style{CustomNumFmt: &fmtDate, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	fmtMonth := "yyyy-mm"
	s.month = mk(&excelize.Style{CustomNumFmt: &fmtMonth, Alignment: &excelize.Alignment{Horizontal: "left"}})
	s.link = mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Color: "1F4E9E", Underline: "single"}})
	return s, err
}
