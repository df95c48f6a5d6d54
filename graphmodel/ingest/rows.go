// Package ingest turns outside tables into leverage relationships: person-
// level removal records (one row per removal) aggregated per receiving
// country, nationality and month, and journalists' tracker tables (one row
// per destination or flight). Every input row is accounted for: aggregated,
// imported, skipped as blank, or rejected with its row number and reason.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
	"github.com/leverage-project/leverage/internal/textbound"
	"github.com/leverage-project/leverage/internal/xlsxguard"
)

// RowReader yields a table's rows one at a time; Row numbers are 1-based
// as a person sees them in the file (CSV line of the record's start, or
// spreadsheet row).
type RowReader interface {
	Next() (cells []string, row int, err error) // io.EOF at the end
	Close() error
}

// OpenContext opens a CSV or xlsx file by extension; sheet picks the xlsx
// sheet (default: the first). Its checks of an xlsx file (see openXLSX)
// stop once ctx is done. Only regular files are opened.
func OpenContext(ctx context.Context, path, sheet string) (RowReader, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return openXLSX(ctx, path, sheet)
	}
	f, err := safeio.Open(path)
	if err != nil {
		return nil, err
	}
	// The bound of every ingested CSV, streamed or read whole (the
	// tracker path read any size).
	if st, err := f.Stat(); err == nil && st.Size() > MaxCSVBytes {
		f.Close()
		return nil, fmt.Errorf("%d bytes, more than the %d an ingested CSV may hold: %w", st.Size(), MaxCSVBytes, safeio.ErrTooLarge)
	}
	return newCSVReader(f), nil
}

// csvReader reports the blank lines encoding/csv skips as empty rows, so
// they are counted like any other row.
type csvReader struct {
	f       io.Closer
	r       *csv.Reader
	bound   *textbound.Reader
	prevEnd int // last line of the previous record
	pending []string
	blanks  int // blank rows still to report before pending
	line    int
}

func newCSVReader(f io.ReadCloser) *csvReader {
	bound := textbound.NewReader(f, textbound.MaxRecord)
	br := bufio.NewReaderSize(bound, 1<<20)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	if b, _ := br.Peek(sniffBytes); len(b) > 0 {
		r.Comma = sniffDelimiter(b)
	}
	r.FieldsPerRecord = -1 // trackers are ragged; missing cells are empty
	r.ReuseRecord = true
	r.LazyQuotes = true
	return &csvReader{f: f, r: r, bound: bound}
}

func (c *csvReader) Next() ([]string, int, error) {
	if c.blanks > 0 {
		c.blanks--
		return nil, c.line - c.blanks - 1, nil
	}
	if c.pending != nil {
		rec := c.pending
		c.pending = nil
		return rec, c.line, nil
	}
	rec, err := c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.prevEnd = pe.Line
			return nil, pe.StartLine, fmt.Errorf("line %d: %w", pe.StartLine, pe.Err)
		}
		if errors.Is(err, textbound.ErrTooLong) {
			return nil, c.prevEnd + 1, fmt.Errorf("line %d: %w (%w)", c.prevEnd+1, err, graphmodel.ErrInvalid)
		}
		return nil, 0, err
	}
	c.bound.Mark(c.r.InputOffset())
	line, _ := c.r.FieldPos(0)
	lastLine, _ := c.r.FieldPos(len(rec) - 1)
	end := lastLine + strings.Count(rec[len(rec)-1], "\n")
	gap := line - c.prevEnd - 1
	c.prevEnd = end
	c.line = line
	if gap > 0 {
		c.blanks = gap - 1
		c.pending = rec
		return nil, line - gap, nil
	}
	return rec, line, nil
}

func (c *csvReader) Close() error { return c.f.Close() }

// sniffBytes is how much of a CSV file sniffDelimiter looks at.
const sniffBytes = 64 << 10

// sniffDelimiter tells the field separator of a CSV file from its first
// lines: a comma, or the semicolon or tab that Excel and LibreOffice write
// where the decimal mark is a comma (Spanish, French, German, Portuguese
// settings). The separator is the one that splits the most lines into the
// same number of fields (more than one); quoted text is skipped, and a
// tie goes to the comma.
func sniffDelimiter(b []byte) rune {
	lines := splitSniffLines(b)
	best, bestScore := ',', 0
	for _, d := range []byte{',', ';', '\t'} {
		counts := map[int]int{}
		for _, l := range lines {
			if n := countOutsideQuotes(l, d); n > 0 {
				counts[n]++
			}
		}
		score := 0
		for _, c := range counts {
			score = max(score, c)
		}
		if score > bestScore {
			best, bestScore = rune(d), score
		}
	}
	return best
}

func splitSniffLines(b []byte) [][]byte {
	var out [][]byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			out = append(out, l)
		}
		if len(out) == 30 {
			break
		}
	}
	if len(out) > 1 && len(b) == sniffBytes {
		out = out[:len(out)-1] // the last line may be cut
	}
	return out
}

func countOutsideQuotes(l []byte, d byte) int {
	n, quoted := 0, false
	for _, c := range l {
		switch {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// Bounds on ingested files, documented in the README.
var (
	// XLSXLimits bound an ingested workbook.
	XLSXLimits = xlsxguard.Default
	// MaxCSVBytes bounds an ingested CSV file read whole by the parallel
	// path (a billion bytes is some ten million removal records).
	MaxCSVBytes int64 = 4 << 30
)

type xlsxReader struct {
	f    *excelize.File
	rows *excelize.Rows
	row  int
}

// openXLSX checks the file with xlsxguard first, so a cell past 32,767
// characters, a damaged or truncated sheet or a repeated row fails naming
// Sheet!Cell instead of exhausting memory or losing rows.
func openXLSX(ctx context.Context, path, sheet string) (*xlsxReader, error) {
	if f, err := safeio.Open(path); err != nil {
		return nil, err
	} else {
		f.Close()
	}
	if err := xlsxguard.CheckFile(ctx, path, XLSXLimits); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: XLSXLimits.TotalBytes})
	if err != nil {
		return nil, fmt.Errorf("not a readable xlsx workbook: %v: %w", err, graphmodel.ErrInvalid)
	}
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		f.Close()
		return nil, fmt.Errorf("%s: no sheet %q (sheets: %s)", path, sheet, strings.Join(f.GetSheetList(), ", "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &xlsxReader{f: f, rows: rows}, nil
}

func (x *xlsxReader) Next() ([]string, int, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, 0, err
		}
		return nil, 0, io.EOF
	}
	x.row++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	return cells, x.row, err
}

func (x *xlsxReader) Close() error {
	x.rows.Close()
	return x.f.Close()
}
