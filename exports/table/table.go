// Package table writes a generic result table (a query's columns and rows)
// as aligned text, CSV, JSON or an xlsx sheet. CSV and xlsx never let text
// become a formula: CSV cells that a spreadsheet would evaluate get a
// leading apostrophe, and xlsx text cells are stored as strings in a text
// number format.
package table

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/jsonsafe"
)

// Table is a header and rows of plain Go values (strings, integers,
// floats, booleans, times, lists, maps, nil).
type Table struct {
	Columns []string
	Rows    [][]any
}

// Formats lists the supported formats.
var Formats = []string{"table", "csv", "json", "xlsx"}

// Write writes t in format to w.
func Write(w io.Writer, t Table, format string) error {
	switch format {
	case "table":
		return writeText(w, t)
	case "csv":
		return WriteCSV(w, t)
	case "json":
		return writeJSON(w, t)
	case "xlsx":
		return writeXLSX(w, t)
	}
	return fmt.Errorf("unknown format %q (one of %v)", format, Formats)
}

// Text renders one value as text: lists joined by "; ", maps as JSON.
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Text(e)
		}
		return strings.Join(parts, "; ")
	case []string:
		return strings.Join(x, "; ")
	case map[string]any:
		b, _ := json.Marshal(sortedMap(x))
		return string(b)
	case time.Time:
		return x.Format(time.RFC3339)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func sortedMap(m map[string]any) map[string]any { return m } // encoding/json sorts keys

func writeText(w io.Writer, t Table) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Columns, "\t"))
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = strings.NewReplacer("\n", "⏎", "\t", " ").Replace(Text(v))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(%d rows)\n", len(t.Rows))
	return err
}

// WriteCSV writes RFC 4180 CSV; text a spreadsheet would evaluate is
// prefixed with an apostrophe (OWASP CSV injection), numbers stay numbers.
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(escapeAll(t.Columns)); err != nil {
		return err
	}
	row := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i, v := range r {
			switch v.(type) {
			case int, int64, float64, bool:
				row[i] = Text(v)
			default:
				row[i] = graphmodel.EscapeFormula(Text(v))
			}
		}
		if err := cw.Write(row[:len(r)]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func escapeAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = graphmodel.EscapeFormula(x)
	}
	return out
}

func writeJSON(w io.Writer, t Table) error {
	rows := make([]map[string]any, len(t.Rows))
	for i, r := range t.Rows {
		m := make(map[string]any, len(t.Columns))
		for j, c := range t.Columns {
			if j < len(r) {
				m[c] = jsonValue(r[j])
			}
		}
		rows[i] = m
	}
	return jsonsafe.Encode(w, struct {
		Columns []string         `json:"columns"`
		Rows    []map[string]any `json:"rows"`
	}{t.Columns, rows}, "  ")
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case nil, string, int, int64, float64, bool:
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make(map[string]any, len(x))
		for _, k := range keys {
			out[k] = jsonValue(x[k])
		}
		return out
	}
	return Text(v)
}

func writeXLSX(w io.Writer, t Table) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Result"
	f.SetSheetName("Sheet1", sheet)
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	textStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	header := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = excelize.Cell{StyleID: bold, Value: c}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, r := range t.Rows {
		cells := make([]any, len(r))
		for j, v := range r {
			switch x := v.(type) {
			case int64, int, float64, bool:
				cells[j] = x
			default:
				cells[j] = excelize.Cell{StyleID: textStyle, Value: TruncateCell(Text(v))}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if len(t.Columns) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+1)
		if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// MaxCellChars is Excel's limit on the characters in one cell.
const MaxCellChars = 32767

// TruncateCell keeps text within Excel's cell limit, ending it with a
// visible marker that says how much was cut, so a long note never makes a
// corrupt file and never loses text silently.
func TruncateCell(s string) string {
	if len(s) <= MaxCellChars {
		return s
	}
	r := []rune(s)
	if len(r) <= MaxCellChars {
		return s
	}
	marker := func(omitted int) string { return fmt.Sprintf(" …[truncated: %d characters omitted]", omitted) }
	keep := MaxCellChars - len([]rune(marker(len(r))))
	return string(r[:keep]) + marker(len(r)-keep)
}
