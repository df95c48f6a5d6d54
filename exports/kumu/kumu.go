// Package kumu writes a Kumu import workbook: an Elements sheet and a
// Connections sheet with Kumu's column names and an ID column, so
// re-importing an updated file updates elements and connections in place
// instead of duplicating them.
package kumu

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/table"
)

// ElementColumns and ConnectionColumns are the headers written.
var (
	ElementColumns    = []string{"ID", "Label", "Type", "Description", "Tags", "Region", "Alpha-3", "PageRank"}
	ConnectionColumns = []string{"ID", "From", "To", "Type", "Direction", "Label", "Description", "Tags", "Date", "Date precision",
		"Status", "Instrument", "Count", "Count qualifier", "Amount", "Currency", "Amount qualifier", "Confidence", "Sources", "Event", "Counted"}
)

// Write writes g as a Kumu workbook.
func Write(w io.Writer, g graphdata.Graph) error {
	f := excelize.NewFile()
	defer f.Close()
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	f.SetSheetName("Sheet1", "Elements")
	f.NewSheet("Connections")
	put := func(sheet string, row int, values []any) error {
		cells := make([]any, len(values))
		for i, v := range values {
			if s, ok := v.(string); ok {
				if s == "" {
					continue
				}
				cells[i] = excelize.Cell{StyleID: text, Value: table.TruncateCell(s)}
			} else {
				cells[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return f.SetSheetRow(sheet, cell, &cells)
	}
	header := func(cols []string) []any {
		out := make([]any, len(cols))
		for i, c := range cols {
			out[i] = c
		}
		return out
	}
	if err := put("Elements", 1, header(ElementColumns)); err != nil {
		return err
	}
	for i, n := range g.Nodes {
		typ := "Country"
		if n.Kind != "country" {
			typ = strings.ToUpper(n.Kind[:1]) + n.Kind[1:]
		}
		if err := put("Elements", i+2, []any{n.ID, n.Label, typ, "", n.Region, n.Region, n.Alpha3, n.PageRank}); err != nil {
			return err
		}
	}
	if err := put("Connections", 1, header(ConnectionColumns)); err != nil {
		return err
	}
	for i, e := range g.Edges {
		var count, amount any
		if e.HasCount {
			count = e.Count
		}
		if e.HasAmount {
			amount = e.Amount
		}
		label := strings.ReplaceAll(e.Type, "_", " ")
		if err := put("Connections", i+2, []any{e.ID, e.Source, e.Target, e.Type, "directed", label, e.Note, e.Confidence,
			e.Date, e.DatePrecision, e.Status, e.Instrument, count, e.CountQualifier, amount, e.Currency, e.AmountQualifier,
			e.Confidence, e.Sources, e.Event, e.Counted}); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		name string
		n    int
	}{{"Elements", len(ElementColumns)}, {"Connections", len(ConnectionColumns)}} {
		last, _ := excelize.ColumnNumberToName(s.n)
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if err := f.AutoFilter(s.name, fmt.Sprintf("A1:%s1", last), nil); err != nil {
			return err
		}
	}
	return f.Write(w)
}
