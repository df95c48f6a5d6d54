package workbook

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/xlsxguard"
)

// ReadLimits bound what Read accepts; see xlsxguard.Default for the
// figures (the README lists them).
var ReadLimits = xlsxguard.Default

// openChecked reads the workbook into memory (excelize does anyway) up to
// the file bound, checks every sheet with xlsxguard (sizes, cell lengths,
// row order, XML errors), and only then hands it to excelize. The check's
// pass also finds the marks of the cells of the sheets wanted names, so
// that import reads each sheet's XML twice (guard, excelize), not three
// times.
func openChecked(ctx context.Context, r io.Reader, wanted func(sheet string) bool) (*excelize.File, []byte, map[string]sheetScan, error) {
	b, err := xlsxguard.ReadAll(r, ReadLimits)
	if err != nil {
		return nil, nil, nil, err
	}
	watchers := map[string]*marksWatcher{}
	watch := func(sheet string) xlsxguard.CellWatcher {
		if !wanted(sheet) {
			return nil
		}
		w := &marksWatcher{scan: sheetScan{marks: sheetMarks{}}}
		watchers[sheet] = w // a sheet checked over again starts afresh
		return w
	}
	if err := xlsxguard.CheckBytesWatching(ctx, b, ReadLimits, watch); err != nil {
		return nil, nil, nil, err
	}
	scans := map[string]sheetScan{}
	for sheet, w := range watchers {
		scans[sheet] = w.scan
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true,
		UnzipSizeLimit: ReadLimits.TotalBytes, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("not a readable xlsx workbook: %v: %w", err, graphmodel.ErrInvalid)
	}
	return f, b, scans, nil
}

// cancelled reports (once) that the read stopped at sheet!line.
func (r *reader) cancelled(sheet string, line int) bool {
	if line%1024 != 0 || r.ctx == nil {
		return false
	}
	if err := r.ctx.Err(); err != nil {
		r.errs = append(r.errs[:0], err)
		return true
	}
	return false
}

// iteratorFailed records an error the row iterator met: every row the
// sheet holds is read, or the read fails naming where it stopped.
func (r *reader) iteratorFailed(rows *excelize.Rows, sheet string, line int) {
	if err := rows.Error(); err != nil {
		r.fail(&graphmodel.FieldError{Cell: fmt.Sprintf("%s!A%d", sheet, line+1), Err: fmt.Errorf("row cannot be read: %w", err)})
	}
}

// marksWatcher collects a sheet's marks (see cellMark) as xlsxguard's
// check passes over its cells.
type marksWatcher struct {
	scan sheetScan
	cur  string
}

func (w *marksWatcher) Row() { w.scan.rows++ }

func (w *marksWatcher) Cell(ref, typ string) {
	w.cur = ref
	switch typ {
	case "b":
		m := w.scan.marks[ref]
		m.boolean = true
		w.scan.marks[ref] = m
	case "e":
		m := w.scan.marks[ref]
		m.errorValue = true
		w.scan.marks[ref] = m
	}
}

func (w *marksWatcher) Formula(text string) {
	m := w.scan.marks[w.cur]
	m.isFormula, m.formula = true, text
	w.scan.marks[w.cur] = m
}
