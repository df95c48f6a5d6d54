package xlsxguard

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/leverage-project/leverage/graphmodel"
)

// ErrNotWorkbook marks a file that is not an xlsx (zip) archive at all.
var ErrNotWorkbook = fmt.Errorf("not an xlsx workbook (not a zip archive): %w", graphmodel.ErrInvalid)

// CheckFile checks the xlsx file at path.
func CheckFile(ctx context.Context, path string, lim Limits) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return ErrNotWorkbook
		}
		return err
	}
	defer zr.Close()
	st, err := os.Stat(path)
	if err == nil && st.Size() > lim.FileBytes {
		return &graphmodel.FieldError{File: path, Err: fmt.Errorf("%d bytes, more than %d: %w", st.Size(), lim.FileBytes, ErrTooLarge)}
	}
	return Check(ctx, &zr.Reader, lim)
}

// ReadAll reads a workbook from r into memory, up to lim.FileBytes.
func ReadAll(r io.Reader, lim Limits) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, lim.FileBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > lim.FileBytes {
		return nil, &graphmodel.FieldError{Cell: "workbook", Err: fmt.Errorf("more than %d bytes: %w", lim.FileBytes, ErrTooLarge)}
	}
	return b, nil
}

type bytesReaderAt []byte

func (b bytesReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// CellWatcher follows the cells of one worksheet as the check passes over
// it, so a reader that must know more of a cell than its value (is it a
// formula, a logical, an error?) needs no pass of its own.
type CellWatcher interface {
	// Row is called at each <row>.
	Row()
	// Cell is called at each <c>, with its reference (given, or implied
	// by its place) and its t attribute.
	Cell(ref, typ string)
	// Formula is called at the end of each <f> of the current cell, with
	// its text ("" for the followers of a shared formula).
	Formula(text string)
}

// CheckBytesWatching is CheckBytes that also reports the cells of every
// worksheet for which watch returns a watcher. watch may be called again
// for a sheet whose check starts over; the latest watcher alone sees the
// whole sheet, and only once the check has passed.
func CheckBytesWatching(ctx context.Context, b []byte, lim Limits, watch func(sheet string) CellWatcher) error {
	zr, err := zip.NewReader(bytesReaderAt(b), int64(len(b)))
	if err != nil {
		return ErrNotWorkbook
	}
	return check(ctx, zr, lim, watch)
}
