package table

import (
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

const resultSheet, aboutSheet = "Result", "About"

// MaxXLSXRows is how many rows a result sheet holds below its header row
// (a sheet has at most 1,048,576 rows).
const MaxXLSXRows = excelize.TotalRows - 1

// writeXLSX writes the Result sheet (a frozen header row, an autofilter
// and a dimension covering every row, so streaming readers such as
// openpyxl's read-only mode see all of them) and an About sheet. A result
// that is a single column of nodes with the same labels gets one column
// per property instead.
func writeXLSX(w io.Writer, t Table) error {
	t = expandNodes(t)
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", resultSheet)
	// The row count is known, so the autofilter and the dimension are set
	// before streaming; set afterwards, the stream writer drops them.
	if len(t.Columns) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+1)
		if err := f.AutoFilter(resultSheet, "A1:"+last, nil); err != nil {
			return err
		}
		if err := f.SetSheetDimension(resultSheet, "A1:"+last); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(resultSheet)
	if err != nil {
		return err
	}
	textStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	dateTimeStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateTimeFmt})
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
			case nil:
			case int64, int, bool:
				cells[j] = x
			case float64:
				if !math.IsNaN(x) && !math.IsInf(x, 0) {
					cells[j] = x
				}
			case Date:
				cells[j] = excelize.Cell{StyleID: dateStyle, Value: x.Time()}
			case time.Time:
				cells[j] = excelize.Cell{StyleID: dateTimeStyle, Value: x.UTC()}
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
	if t.About != nil {
		if err := writeAbout(f, t.About, textStyle, bold); err != nil {
			return err
		}
	}
	return f.Write(w)
}

func writeAbout(f *excelize.File, a *About, text, bold int) error {
	if _, err := f.NewSheet(aboutSheet); err != nil {
		return err
	}
	rows := [][2]string{
		{"dataset", a.Provenance.DatasetName}, {"dataset version", a.Provenance.DatasetVersion},
		{"content hash (SHA-256)", a.Provenance.ContentHash}, {"database content", a.currentText()}, {"tool", a.Provenance.Tool},
		{"database", a.Database}, {"library query", a.Query},
		{"parameters", a.paramText()}, {"statement", a.Statement},
	}
	if a.Provenance.ContentHash == "" {
		rows[0][1] = "none recorded in the database (no :Dataset node)"
	}
	for i, r := range rows {
		k, _ := excelize.CoordinatesToCellName(1, i+1)
		v, _ := excelize.CoordinatesToCellName(2, i+1)
		if err := f.SetCellStr(aboutSheet, k, r[0]); err != nil {
			return err
		}
		f.SetCellStyle(aboutSheet, k, k, bold)
		if err := f.SetCellStr(aboutSheet, v, TruncateCell(r[1])); err != nil {
			return err
		}
		f.SetCellStyle(aboutSheet, v, v, text)
	}
	last, _ := excelize.CoordinatesToCellName(2, len(rows))
	if err := f.SetSheetDimension(aboutSheet, "A1:"+last); err != nil {
		return err
	}
	f.SetColWidth(aboutSheet, "A", "A", 24)
	return f.SetColWidth(aboutSheet, "B", "B", 100)
}

// expandNodes turns a single column of nodes that share their labels into
// one column per property (the identifying one first, then by name).
func expandNodes(t Table) Table {
	if len(t.Columns) != 1 || len(t.Rows) == 0 {
		return t
	}
	var labels string
	keys := map[string]bool{}
	for i, r := range t.Rows {
		if len(r) != 1 {
			return t
		}
		n, ok := r[0].(Node)
		if !ok {
			return t
		}
		l := strings.Join(n.Labels, ":")
		if i == 0 {
			labels = l
		} else if l != labels {
			return t
		}
		for k := range n.Properties {
			keys[k] = true
		}
	}
	var cols []string
	for _, k := range keyProperties {
		if keys[k] {
			cols = append(cols, k)
			delete(keys, k)
			break
		}
	}
	rest := make([]string, 0, len(keys))
	for k := range keys {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	cols = append(cols, rest...)
	out := Table{Columns: cols, About: t.About, Rows: make([][]any, len(t.Rows))}
	for i, r := range t.Rows {
		n := r[0].(Node)
		row := make([]any, len(cols))
		for j, c := range cols {
			row[j] = n.Properties[c]
		}
		out.Rows[i] = row
	}
	return out
}
