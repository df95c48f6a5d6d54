// Package xlsxguard checks an xlsx file before a spreadsheet library reads
// it, so a hostile or damaged workbook fails with the sheet and cell at
// fault instead of exhausting memory or losing rows in silence.
//
// excelize's row iterator ignores XML errors: a sheet cut short, an error
// mid-row or an undefined entity ends the iteration as if the sheet were
// complete, and a duplicated <row r="3"> is read twice. It also holds each
// cell's text whole, however long. Check streams every worksheet and the
// shared strings through a strict XML decoder whose input is bounded per
// text run and per tag, and requires rows and cells in increasing order.
package xlsxguard

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/xmlbound"
)

// Limits bound what a workbook may hold.
type Limits struct {
	// FileBytes bounds the xlsx file itself (it is read into memory).
	FileBytes int64
	// SheetBytes bounds the uncompressed size of one worksheet or of the
	// shared strings; TotalBytes all parts together.
	SheetBytes, TotalBytes int64
	// OtherPartBytes bounds every other part (styles, workbook, themes),
	// which readers hold in memory whole.
	OtherPartBytes int64
	// CellChars bounds one cell's text, in characters.
	CellChars int
	// Rows bounds the rows of one sheet.
	Rows int
	// SharedStrings bounds the items of the shared strings, which excelize
	// holds whole (some 100 bytes each) from the first cell that uses one:
	// a 160 KB file of two million tiny items took 200 MB and 25 s, so
	// tens of millions took the machine's memory.
	SharedStrings int
}

// Default is Excel's own limits where it has them (32,767 characters a
// cell, 1,048,576 rows a sheet) and sizes well past any real dataset's
// workbook (a million relationships make about 400 MB of sheet XML).
var Default = Limits{
	FileBytes:      1 << 30,
	SheetBytes:     4 << 30,
	TotalBytes:     16 << 30,
	OtherPartBytes: 64 << 20,
	CellChars:      32767,
	Rows:           1048576,
	SharedStrings:  1 << 22,
}

// maxTagBytes bounds one tag with its attributes; real ones are tiny.
const maxTagBytes = 64 << 10

// maxDepth bounds element nesting; a worksheet nests six deep.
const maxDepth = 64

// checkEvery is how many XML tokens pass between looks at the context.
const checkEvery = 1 << 14

// ErrTooLarge marks a workbook past one of its Limits.
var ErrTooLarge = errors.New("past the bound for workbooks")

// Check checks the workbook zr: part sizes, then every worksheet and the
// shared strings. Problems are *graphmodel.FieldError naming the cell
// (Sheet!B7), the row (Sheet!A7) or the part.
func Check(ctx context.Context, zr *zip.Reader, lim Limits) error {
	return check(ctx, zr, lim, nil)
}

func check(ctx context.Context, zr *zip.Reader, lim Limits, watch func(sheet string) CellWatcher) error {
	if err := checkPartNames(zr); err != nil {
		return err
	}
	parts := map[string]*zip.File{}
	var total uint64
	for _, f := range zr.File {
		name := f.Name
		parts[name] = f
		total += f.UncompressedSize64
		limit := lim.OtherPartBytes
		if isSheetPart(name) {
			limit = lim.SheetBytes
		}
		if f.UncompressedSize64 > uint64(limit) {
			return &graphmodel.FieldError{Cell: name, Err: fmt.Errorf("%d bytes uncompressed, more than %d: %w", f.UncompressedSize64, limit, ErrTooLarge)}
		}
	}
	if parts["xl/workbook.xml"] == nil {
		return &graphmodel.FieldError{Cell: "xl/workbook.xml", Err: fmt.Errorf("missing: the file is a zip archive but not an xlsx workbook: %w", graphmodel.ErrInvalid)}
	}
	if total > uint64(lim.TotalBytes) {
		return &graphmodel.FieldError{Cell: "workbook", Err: fmt.Errorf("%d bytes uncompressed, more than %d: %w", total, lim.TotalBytes, ErrTooLarge)}
	}
	long := map[int]int{} // shared string index -> characters, past the bound
	if f, ok := parts["xl/sharedStrings.xml"]; ok {
		fresh := func() visitor { clear(long); return &sharedStrings{lim: lim, long: long} }
		if err := scanPart(ctx, f, lim, "shared strings", fresh); err != nil {
			return err
		}
	}
	names, err := sheetNames(parts)
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		name := f.Name
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		sheet := names[name]
		if sheet == "" {
			sheet = name
		}
		fresh := func() visitor {
			w := &worksheet{sheet: sheet, lim: lim, long: long}
			if watch != nil {
				w.watch = watch(sheet)
			}
			return w
		}
		if err := scanPart(ctx, f, lim, sheet, fresh); err != nil {
			return err
		}
	}
	return nil
}

func isSheetPart(name string) bool {
	return name == "xl/sharedStrings.xml" || strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml")
}

// visitor follows one part's tokens; where names the current position.
type visitor interface {
	start(e xml.StartElement) error
	end(e xml.EndElement) error
	text(b []byte) error
	where() string
}

// scanPart checks one part with the visitor fresh makes: first through
// fastScan, and if that is unsure, again through the strict decoder,
// which alone words a refusal.
func scanPart(ctx context.Context, f *zip.File, lim Limits, label string, fresh func() visitor) error {
	rc, err := f.Open()
	if err != nil {
		return &graphmodel.FieldError{Cell: label, Err: err}
	}
	err = fastScan(ctx, rc, lim, fresh())
	rc.Close()
	if !errors.Is(err, errUnsure) {
		return err
	}
	return strictScan(ctx, f, lim, label, fresh())
}

// strictScan checks one part through encoding/xml's strict decoder.
func strictScan(ctx context.Context, f *zip.File, lim Limits, label string, v visitor) error {
	rc, err := f.Open()
	if err != nil {
		return &graphmodel.FieldError{Cell: label, Err: err}
	}
	defer rc.Close()
	br := xmlbound.NewReader(rc, int64(lim.CellChars)*8, maxTagBytes, func(inTag bool, limit int64) error {
		if inTag {
			return fmt.Errorf("a tag of more than %d bytes: %w", limit, ErrTooLarge)
		}
		return fmt.Errorf("a text of more than %d bytes, longer than any cell may be: %w", limit, ErrTooLarge)
	})
	dec := xml.NewDecoder(br)
	dec.Strict = true
	fail := func(err error) error {
		if br.Err() != nil {
			err = br.Err()
		}
		return &graphmodel.FieldError{Cell: v.where(), Err: err}
	}
	var open []string // element names from the root down: ends must match
	sawRoot := false
	for n := 0; ; n++ {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(fmt.Errorf("damaged XML: %w", err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) > maxDepth {
				return fail(fmt.Errorf("elements nested more than %d deep: %w", maxDepth, ErrTooLarge))
			}
			open = append(open, t.Name.Local)
			sawRoot = true
			if err := v.start(t); err != nil {
				return fail(err)
			}
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name.Local {
				want := "nothing"
				if len(open) > 0 {
					want = "</" + open[len(open)-1] + ">"
				}
				return fail(fmt.Errorf("damaged XML: </%s> where %s should end", t.Name.Local, want))
			}
			open = open[:len(open)-1]
			if err := v.end(t); err != nil {
				return fail(err)
			}
		case xml.CharData:
			if err := v.text(t); err != nil {
				return fail(err)
			}
		case xml.Directive:
			// A DTD can define entities; none belongs in a workbook.
			return fail(errors.New("a DOCTYPE or other directive; workbooks have none"))
		}
	}
	if len(open) != 0 || !sawRoot {
		return &graphmodel.FieldError{Cell: v.where(), Err: errors.New("the part ends before its elements close (truncated file); the rows after here would be lost")}
	}
	return nil
}

func attr(e xml.StartElement, name string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// sharedStrings records the index and length of every string past the
// cell bound; the worksheets then name the cells that use them.
type sharedStrings struct {
	lim   Limits
	long  map[int]int
	index int
	chars int
	in    bool
}

func (s *sharedStrings) start(e xml.StartElement) error {
	if e.Name.Local == "si" {
		s.in, s.chars = true, 0
	}
	return nil
}

func (s *sharedStrings) end(e xml.EndElement) error {
	if e.Name.Local == "si" {
		if s.lim.SharedStrings > 0 && s.index >= s.lim.SharedStrings {
			return fmt.Errorf("more than %d shared strings: %w", s.lim.SharedStrings, ErrTooLarge)
		}
		if s.chars > s.lim.CellChars {
			s.long[s.index] = s.chars
		}
		s.in = false
		s.index++
	}
	return nil
}

func (s *sharedStrings) text(b []byte) error {
	if s.in {
		s.chars += utf8.RuneCount(b)
	}
	return nil
}

func (s *sharedStrings) where() string { return fmt.Sprintf("shared string %d", s.index+1) }

// worksheet checks row order, cell order and cell lengths.
type worksheet struct {
	sheet    string
	lim      Limits
	long     map[int]int
	row      int // current row number, 1-based
	rows     int
	col      int // current cell's column, 1-based
	ref      string
	shared   bool
	chars    int
	inValue  bool
	valueBuf []byte
	watch    CellWatcher // nil: nobody asked
	formula  []byte
	inF      bool
}

func (w *worksheet) start(e xml.StartElement) error {
	switch e.Name.Local {
	case "row":
		w.rows++
		if w.rows > w.lim.Rows {
			return fmt.Errorf("more than %d rows: %w", w.lim.Rows, ErrTooLarge)
		}
		next := w.row + 1
		if r, ok := attr(e, "r"); ok {
			n, err := strconv.Atoi(r)
			if err != nil || n < 1 || n > w.lim.Rows {
				return fmt.Errorf("row number %q is not a row", r)
			}
			if n <= w.row {
				return fmt.Errorf("row %d comes after row %d; rows must be in increasing order, each once", n, w.row)
			}
			next = n
		}
		w.row, w.col, w.ref = next, 0, ""
		if w.watch != nil {
			w.watch.Row()
		}
	case "c":
		next := w.col + 1
		if r, ok := attr(e, "r"); ok {
			col, row, err := splitRef(r)
			if err != nil {
				return fmt.Errorf("cell reference %q: %v", r, err)
			}
			if row != w.row {
				return fmt.Errorf("cell %s in row %d", r, w.row)
			}
			if col <= w.col {
				return fmt.Errorf("cell %s comes after column %d; cells must be in increasing order, each once", r, w.col)
			}
			next = col
		}
		w.col, w.chars = next, 0
		w.ref = cellName(w.col, w.row)
		t, _ := attr(e, "t")
		w.shared = t == "s"
		if w.watch != nil {
			w.watch.Cell(w.ref, t)
		}
	case "f":
		w.inF, w.formula = true, w.formula[:0]
	case "v", "t":
		w.inValue, w.valueBuf = true, w.valueBuf[:0]
	}
	return nil
}

func (w *worksheet) end(e xml.EndElement) error {
	switch e.Name.Local {
	case "v", "t":
		w.inValue = false
		if e.Name.Local == "v" && w.shared {
			if i, err := strconv.Atoi(strings.TrimSpace(string(w.valueBuf))); err == nil {
				if n, ok := w.long[i]; ok {
					return fmt.Errorf("%d characters, more than a cell may hold (%d): %w", n, w.lim.CellChars, ErrTooLarge)
				}
			}
		}
	case "c":
		w.shared = false
	case "f":
		if w.watch != nil && w.inF {
			w.watch.Formula(string(w.formula))
		}
		w.inF = false
	}
	return nil
}

func (w *worksheet) text(b []byte) error {
	if w.inF && w.watch != nil {
		w.formula = append(w.formula, b...)
	}
	if !w.inValue {
		return nil
	}
	if w.shared && len(w.valueBuf) < 32 {
		w.valueBuf = append(w.valueBuf, b...)
	}
	w.chars += utf8.RuneCount(b)
	if w.chars > w.lim.CellChars {
		return fmt.Errorf("more than %d characters, more than a cell may hold: %w", w.lim.CellChars, ErrTooLarge)
	}
	return nil
}

func (w *worksheet) where() string {
	switch {
	case w.ref != "":
		return w.sheet + "!" + w.ref
	case w.row > 0:
		return fmt.Sprintf("%s!A%d", w.sheet, w.row)
	}
	return w.sheet
}

// splitRef splits "AB12" into column 28 and row 12.
func splitRef(ref string) (col, row int, err error) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > 16384 {
			return 0, 0, errors.New("column past XFD")
		}
	}
	if i == 0 || i == len(ref) {
		return 0, 0, errors.New("not a cell reference")
	}
	row, err = strconv.Atoi(ref[i:])
	if err != nil || row < 1 {
		return 0, 0, errors.New("not a cell reference")
	}
	return col, row, nil
}

func cellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(row)
}

// sheetNames maps worksheet part names to the sheet names a person sees,
// from the workbook and its relationships; parts it cannot name keep
// their part name in messages.
func sheetNames(parts map[string]*zip.File) (map[string]string, error) {
	out := map[string]string{}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			// Any namespace: the reader takes strict OOXML's too.
			RID string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodeSmall(parts["xl/workbook.xml"], &wb) != nil {
		return out, partNameError("xl/workbook.xml", "not readable as a workbook's sheet list")
	}
	if f := parts["xl/_rels/workbook.xml.rels"]; f != nil && decodeSmall(f, &rels) != nil {
		return out, partNameError("xl/_rels/workbook.xml.rels", "not readable as relationships")
	}
	target := map[string]string{}
	raw := map[string]string{}
	for _, r := range rels.Rels {
		target[r.ID] = resolveTarget("xl", r.Target)
		raw[r.ID] = r.Target
	}
	used := make([]string, 0, len(wb.Sheets))
	for _, s := range wb.Sheets {
		used = append(used, s.RID)
		if t, ok := target[s.RID]; ok {
			out[t] = s.Name
		}
	}
	return out, checkRelTargets(parts, raw, used)
}

func decodeSmall(f *zip.File, v any) error {
	if f == nil {
		return errors.New("missing")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
}
