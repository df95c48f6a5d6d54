package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/internal/safeio"
)

// answerFrame is the colour of the thick frame around every marked cell.
const answerFrame = "7030A0"

// answerBackAuthor signs the comments import writes, so the next answer
// replaces them instead of piling up.
const answerBackAuthor = "leverage import"

// reviewNames are the names the Review sheet (every finding, with a
// link to its cell) has in each language, so an earlier answer's is
// replaced whatever its language.
func reviewNames() map[string]bool {
	out := map[string]bool{}
	for _, l := range append([]workbook.Lang{""}, workbook.Langs...) {
		out[l.Review("Review")] = true
	}
	return out
}

// typed is what a finding's cell holds as the volunteer's workbook shows
// it: a changed vocabulary value in l's word ("rechazado"), as typed.
func typed(l workbook.Lang, x finding) string {
	if x.why != nil && x.why.Kind == "changed" {
		return l.Word(x.Typed)
	}
	return x.Typed
}

// say is a finding's reason in l: its kind worded by l's catalog, or its
// English.
func say(l workbook.Lang, x finding) string {
	if x.why != nil {
		return l.Say(x.why)
	}
	return x.Why
}

// answerFill is the highlight of a cell by what import did with it:
// red refused, yellow not read or to check, green changed or added, blue
// read under a rule (a finer date, a date order), orange a duplicate.
// The shades are stronger than the workbook's own status colours, so a
// mark never passes for one.
func answerFill(done string) string {
	switch {
	case done == "refused":
		return "FF9999"
	case done == "not added":
		return "F4B183"
	case done == "changed", done == "added", done == "modified":
		return "A9D08E"
	case strings.HasPrefix(done, "read as"):
		return "9DC3E6"
	}
	return "FFD966"
}

// writeAnswerBack writes the volunteer's own workbook (src, as they sent
// it) to dst with every finding that has a cell highlighted and its
// reason in a comment on the cell, and a Review sheet, opened first, listing every
// finding with a link to its cell, so the workbook is corrected where it
// is read and sent again. Earlier answers' comments and Review sheet are
// replaced. Its words are in lang, or when lang is nil in the language of
// the workbook's own sheet names. The whole workbook is held in memory
// (excelize), which the read before it has already bounded.
func writeAnswerBack(ctx context.Context, src, dst string, lang *workbook.Lang, fs []finding, more int) error {
	if abs1, _ := filepath.Abs(src); abs1 == mustAbs(dst) {
		return usagef("--answer-back %s: give another file than the workbook read", dst)
	}
	in, err := safeio.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := excelize.OpenReader(in)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	defer f.Close()
	old := reviewNames()
	for _, s := range f.GetSheetList() {
		if old[s] {
			if err := f.DeleteSheet(s); err != nil {
				return err
			}
		}
	}
	l := workbook.LangOf(f.GetSheetList())
	if lang != nil {
		l = *lang
	}
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	if err := dropOldAnswers(f); err != nil {
		return err
	}
	byCell := map[[2]string][]finding{}
	var order [][2]string
	for _, x := range fs {
		if x.Cell == "" || !sheets[x.Sheet] || strings.Contains(x.Cell, ":") {
			continue
		}
		k := [2]string{x.Sheet, x.Cell}
		if byCell[k] == nil {
			order = append(order, k)
		}
		byCell[k] = append(byCell[k], x)
	}
	for _, k := range order {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := markCell(f, l, k[0], k[1], byCell[k]); err != nil {
			return err
		}
	}
	if err := writeReview(f, l, fs, more); err != nil {
		return err
	}
	// The notes are shown and printed (workbook.ShowNotes): a note only
	// seen by hovering is lost on paper and in a PDF sent round.
	shown := map[string][]string{}
	for _, k := range order {
		shown[k[0]] = append(shown[k[0]], k[1])
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return safeio.WriteFile(ctx, dst, func(out io.Writer) error {
		return workbook.ShowNotes(bytes.NewReader(buf.Bytes()), int64(buf.Len()), out, shown)
	})
}

// wrappedHeight is the height in points of a row whose cells wrap in
// columns of these widths (in characters), 0 when every cell fits on a
// line. Proportional text fits about 1.2 characters per width unit.
func wrappedHeight(vals []any, widths []float64) float64 {
	lines := 1
	for i, v := range vals {
		s, _ := v.(string)
		perLine := int(widths[i] * 1.2)
		if n := (utf8.RuneCountInString(s) + perLine - 1) / perLine; n > lines {
			lines = n
		}
	}
	if lines == 1 {
		return 0
	}
	return float64(lines) * 13
}

func mustAbs(p string) string {
	a, _ := filepath.Abs(p)
	return a
}

// dropOldAnswers removes the comments an earlier answer wrote.
func dropOldAnswers(f *excelize.File) error {
	for _, s := range f.GetSheetList() {
		cs, err := f.GetComments(s)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c.Author == answerBackAuthor {
				if err := f.DeleteComment(s, c.Cell); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// markCell fills a cell by the most serious finding on it, keeping its
// number format and font, and comments it with every finding's reason.
func markCell(f *excelize.File, l workbook.Lang, sheet, cell string, fs []finding) error {
	done := fs[0].Done
	for _, x := range fs {
		if x.Done == "refused" {
			done = x.Done
		}
	}
	style := &excelize.Style{}
	if id, err := f.GetCellStyle(sheet, cell); err == nil && id > 0 {
		if st, err := f.GetStyle(id); err == nil {
			style = st
		}
	}
	style.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{answerFill(done)}}
	// A status cell's conditional colour hides a fill; the frame shows
	// through it.
	style.Border = nil
	for _, side := range []string{"left", "right", "top", "bottom"} {
		style.Border = append(style.Border, excelize.Border{Type: side, Color: answerFrame, Style: 5})
	}
	id, err := f.NewStyle(style)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cell, cell, id); err != nil {
		return err
	}
	var text []string
	for _, x := range fs {
		why := say(l, x)
		line := l.Done(x.Done) + ": " + why
		if t := typed(l, x); t != "" && !strings.Contains(why, t) {
			line += " " + l.Review("(typed: %s)", t)
		}
		text = append(text, line)
	}
	body := strings.Join(text, "\n")
	if len(body) > 2000 {
		body = body[:2000] + "…"
	}
	return f.AddComment(sheet, excelize.Comment{Author: answerBackAuthor, Cell: cell, Width: 320, Height: 140,
		Paragraph: []excelize.RichTextRun{{Text: body}}})
}

// writeReview adds the Review sheet, last, as the sheet the workbook
// opens on: one row per finding, its cell a link to the cell. It is not
// moved first: excelize would leave every sheet's print titles and
// filters pointing at its old neighbour (their localSheetId).
func writeReview(f *excelize.File, l workbook.Lang, fs []finding, more int) error {
	reviewSheet := l.Review("Review")
	idx, err := f.NewSheet(reviewSheet)
	if err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	var header []any
	for _, h := range []string{"Sheet", "Cell", "Row id", "Field", "Typed", "Done", "Why"} {
		header = append(header, l.Review(h))
	}
	if err := f.SetSheetRow(reviewSheet, "A1", &header); err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	f.SetCellStyle(reviewSheet, "A1", "G1", bold)
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	link, _ := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}})
	widths := []float64{16, 9, 26, 18, 22, 16, 90}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(reviewSheet, col, col, w)
	}
	row := 2
	for _, x := range fs {
		vals := []any{x.Sheet, x.Cell, x.Record, l.FieldName(x.Field), typed(l, x), l.Done(x.Done), say(l, x)}
		// Wrapped text does not grow its row when LibreOffice prints a
		// file that gives no height: a long reason would run over the
		// next row. The height is the wrapped lines' of the longest cell.
		if h := wrappedHeight(vals, widths); h > 0 {
			f.SetRowHeight(reviewSheet, row, h)
		}
		ref, _ := excelize.CoordinatesToCellName(1, row)
		if err := f.SetSheetRow(reviewSheet, ref, &vals); err != nil {
			return err
		}
		last, _ := excelize.CoordinatesToCellName(7, row)
		f.SetCellStyle(reviewSheet, ref, last, text)
		fill, _ := f.NewStyle(&excelize.Style{NumFmt: 49, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{answerFill(x.Done)}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
		done, _ := excelize.CoordinatesToCellName(6, row)
		f.SetCellStyle(reviewSheet, done, done, fill)
		if x.Cell != "" && !strings.Contains(x.Cell, ":") {
			c, _ := excelize.CoordinatesToCellName(2, row)
			target := fmt.Sprintf("'%s'!%s", strings.ReplaceAll(x.Sheet, "'", "''"), x.Cell)
			if err := f.SetCellHyperLink(reviewSheet, c, target, "Location"); err != nil {
				return err
			}
			f.SetCellStyle(reviewSheet, c, c, link)
		}
		row++
	}
	if more > 0 {
		ref, _ := excelize.CoordinatesToCellName(1, row)
		f.SetSheetRow(reviewSheet, ref, &[]any{"", "", "", "", "", l.Done("not listed"), l.Review("%d more findings past the limit kept in memory", more)})
	}
	if err := f.SetPanes(reviewSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(7, max(row-1, 1))
	if err := f.AutoFilter(reviewSheet, "A1:"+last, nil); err != nil {
		return err
	}
	landscape, wide, tall, a4 := "landscape", 1, 0, 9
	f.SetPageLayout(reviewSheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall, Size: &a4})
	fit := true
	f.SetSheetProps(reviewSheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	return nil
}
