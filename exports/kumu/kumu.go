// Package kumu writes a Kumu import workbook, laid out as Kumu's
// spreadsheet import documents it (docs.kumu.io, "Structure your data for
// Kumu" and "How do I avoid duplicating data?"): an Elements sheet with
// Label and Type, a Connections sheet with From, To and Type, every further
// column becoming a field. Both sheets start with an ID column, which Kumu
// allows as the first header: re-importing an updated file then updates
// elements and connections in place instead of duplicating them, and, as
// Kumu requires when elements carry IDs, From and To hold element IDs.
// Multi-valued fields (Tags, Sources) are separated by "|", Kumu's list
// separator.
package kumu

import (
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/table"
	"github.com/leverage-project/leverage/exports/workbook"
)

// The timeline fields, named once for the headers and the Read me.
const (
	fieldYear  = "Year"
	fieldStart = "Start Date"
	fieldEnd   = "End Date"
)

// readMeSheet is the sheet explaining the fields. Kumu imports every sheet
// of a workbook unless its name contains "(ignore)" (docs.kumu.io,
// "Structure your data for Kumu": ignore unneeded sheets); a Read me read
// as data fails the import, as it has neither Label nor From and To.
const readMeSheet = "Read me (ignore)"

// ElementColumns and ConnectionColumns are the headers written.
var (
	ElementColumns    = []string{"ID", "Label", "Type", "Description", "Tags", "Region", "Alpha-3", "PageRank", "In", "Out", "Placeholder"}
	ConnectionColumns = []string{"ID", "From", "To", "Type", "Direction", "Label", "Summary", "Description", "Tags", "Kind",
		fieldYear, fieldStart, fieldEnd, "Date", "Date precision",
		"Status", "Instrument", "Count", "Count qualifier", "Amount", "Currency", "Amount qualifier", "Confidence", "Sources",
		"Source titles", "Source URLs", "Event", "Counted", "Reported", "Stated by", "Payment tie", "Part of", "License"}
)

// Write writes g as a Kumu workbook. The same graph gives the same bytes.
func Write(w io.Writer, g graphdata.Graph) error {
	f := excelize.NewFile()
	defer f.Close()
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", "Elements"); err != nil {
		return err
	}
	for _, s := range []string{"Connections", readMeSheet} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	elements := make([][]any, 0, len(g.Nodes))
	names := map[string]string{}
	for _, n := range g.Nodes {
		names[n.ID] = n.Label
		typ, tags, placeholder := "Country", n.Region, ""
		if n.Kind != "" && n.Kind != "country" {
			typ = strings.ToUpper(n.Kind[:1]) + n.Kind[1:]
		}
		if n.Placeholder {
			// not a country: drawn apart (see kumuStyles), never a hub
			typ, tags, placeholder = "Placeholder", joinTags("placeholder", n.Kind), "yes"
		}
		elements = append(elements, []any{n.ID, n.Label, typ, describeNode(n), tags, n.Region, n.Alpha3, n.PageRank,
			int64(n.InDegree), int64(n.OutDegree), placeholder})
	}
	name := func(id string) string {
		if l, ok := names[id]; ok && l != "" {
			return l
		}
		return id
	}
	connections := make([][]any, 0, len(g.Edges))
	for _, e := range g.Edges {
		var count, amount any
		if e.HasCount {
			count = e.Count
		}
		if e.HasAmount {
			amount = e.Amount
		}
		titles, urls := sourceFields(g, e.Sources)
		connections = append(connections, []any{e.ID, e.Source, e.Target, e.Type, "directed",
			arrowLabel(e), sentence(e, name), e.Note, joinTags(append(years(e), claimKind(e), e.Confidence, e.Status)...), claimKind(e),
			joinTags(years(e)...), startDate(e), endDate(e), e.Date, e.DatePrecision,
			e.Status, e.Instrument, count, e.CountQualifier, amount, e.Currency, e.AmountQualifier, e.Confidence,
			strings.ReplaceAll(e.Sources, "; ", "|"), titles, urls, e.Event, e.Counted, e.Reported, e.StatedBy, e.PaymentTie, e.PartOf, g.License})
	}
	for _, s := range []struct {
		name string
		cols []string
		rows [][]any
	}{{"Elements", ElementColumns, elements}, {"Connections", ConnectionColumns, connections}, {readMeSheet, []string{"Item", "Value"}, readMe(g)}} {
		if err := writeSheet(f, s.name, s.cols, s.rows, text, bold); err != nil {
			return err
		}
	}
	// excelize writes zip entries in map order; the workbook package's
	// canonical copy sorts them so the same graph gives the same bytes.
	tmp, err := os.CreateTemp("", "leverage-kumu-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := f.Write(tmp); err != nil {
		return err
	}
	return workbook.Canonicalize(w, tmp)
}

// writeSheet streams one table with its real dimension, so readers that
// trust <dimension> (openpyxl read_only) see every row.
func writeSheet(f *excelize.File, sheet string, cols []string, rows [][]any, text, bold int) error {
	last, err := excelize.CoordinatesToCellName(len(cols), len(rows)+1)
	if err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: bold, Value: c}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	cells := make([]any, len(cols))
	for i, row := range rows {
		for j, v := range row {
			cells[j] = cellOf(v, text)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellOf gives text the Text format (so nothing is evaluated) and leaves
// numbers as numbers; empty text stays an empty cell.
func cellOf(v any, text int) any {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
		return excelize.Cell{StyleID: text, Value: table.TruncateCell(x)}
	case nil:
		return nil
	}
	return v
}

func describeNode(n graphdata.Node) string {
	var parts []string
	if n.Region != "" {
		parts = append(parts, n.Region)
	}
	if n.Alpha3 != "" {
		parts = append(parts, "ISO "+n.Alpha3)
	}
	return strings.Join(parts, ", ")
}

func joinTags(tags ...string) string {
	var out []string
	for _, t := range tags {
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "|")
}
