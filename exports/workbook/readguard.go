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
// row order, XML errors), and only then hands it to excelize.
func openChecked(ctx context.Context, r io.Reader) (*excelize.File, []byte, error) {
	b, err := xlsxguard.ReadAll(r, ReadLimits)
	if err != nil {
		return nil, nil, err
	}
	if err := xlsxguard.CheckBytes(ctx, b, ReadLimits); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true,
		UnzipSizeLimit: ReadLimits.TotalBytes, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, nil, fmt.Errorf("not a readable xlsx workbook: %v: %w", err, graphmodel.ErrInvalid)
	}
	return f, b, nil
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
