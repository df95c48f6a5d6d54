// Package gephi writes Gephi's spreadsheet import format: a nodes table
// (Id, Label, …) and an edges table (Source, Target, Type, …), both CSV.
// The multigraph of relationships has no Weight column, so Gephi counts
// relationships and never adds people to dollars; a layer graph has the
// layer's Weight and its metrics on the nodes. Text a spreadsheet would
// evaluate is prefixed with an apostrophe.
package gephi

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/graphmodel"
)

// NodeColumns and EdgeColumns are the headers of the multigraph's tables;
// LayerEdgeColumns those of a layer graph's edges (its nodes have
// NodeColumns' first six, then graphdata.MetricColumns and Community).
var (
	NodeColumns = []string{"Id", "Label", "Kind", "Region", "Alpha3", "Placeholder", "PageRank", "In relationships", "Out relationships"}
	EdgeColumns = []string{"Source", "Target", "Type", "Id", "Label", "Time Interval", "Relationship", "Event", "Date",
		"Date precision", "Status", "Instrument", "People", "Count qualifier", "Amount", "Currency", "Amount qualifier", "Counted",
		"Confidence", "Sources", "Note", "Reported", "Stated by", "Payment tie", "Part of"}
	LayerEdgeColumns = []string{"Source", "Target", "Type", "Weight", "Relationships"}
)

func t(s string) string { return graphmodel.EscapeFormula(s) }

// WriteNodes writes the nodes table.
func WriteNodes(w io.Writer, g graphdata.Graph) error {
	cw := csv.NewWriter(w)
	if g.IsLayer() {
		header := append([]string{}, NodeColumns[:6]...)
		for _, c := range graphdata.MetricColumns {
			header = append(header, c.Name)
		}
		cw.Write(append(header, "community"))
	} else {
		cw.Write(NodeColumns)
	}
	for _, n := range g.Nodes {
		row := []string{t(n.ID), t(n.Label), t(n.Kind), t(n.Region), t(n.Alpha3), strconv.FormatBool(n.Placeholder)}
		if g.IsLayer() {
			for _, c := range graphdata.MetricColumns {
				v := c.Format(n.Metrics)
				if n.Placeholder && !c.AllEdges {
					v = ""
				}
				row = append(row, v)
			}
			com := strconv.Itoa(n.Community)
			if n.Placeholder {
				com = ""
			}
			row = append(row, com)
		} else {
			row = append(row, strconv.FormatFloat(n.PageRank, 'g', 10, 64), strconv.Itoa(n.InDegree), strconv.Itoa(n.OutDegree))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// WriteEdges writes the edges table. Type is Gephi's edge direction
// (always Directed); the relationship type is in Label and Relationship.
// Time Interval is Gephi's <[start, end]> over the period the date denotes.
func WriteEdges(w io.Writer, g graphdata.Graph) error {
	cw := csv.NewWriter(w)
	if g.IsLayer() {
		cw.Write(LayerEdgeColumns)
		for _, e := range g.Edges {
			cw.Write([]string{t(e.Source), t(e.Target), "Directed", graphdata.FormatFloat(e.Weight), t(strings.Join(e.Relationships, "; "))})
		}
		cw.Flush()
		return cw.Error()
	}
	cw.Write(EdgeColumns)
	for _, e := range g.Edges {
		interval := ""
		// Gephi's interval needs both bounds; an open period has none
		// here and keeps its EDTF in Date.
		if !e.Start.IsZero() && !e.End.IsZero() {
			interval = fmt.Sprintf("<[%s, %s]>", e.Start.Format("2006-01-02"), e.End.AddDate(0, 0, -1).Format("2006-01-02"))
		}
		count, amount := "", ""
		if e.HasCount {
			count = strconv.FormatInt(e.Count, 10)
		}
		if e.HasAmount {
			amount = strconv.FormatInt(e.Amount, 10)
		}
		cw.Write([]string{t(e.Source), t(e.Target), "Directed", t(e.ID), t(e.Type), interval, t(e.Type), t(e.Event), e.Date,
			e.DatePrecision, t(e.Status), t(e.Instrument), count, t(e.CountQualifier), amount, t(e.Currency), t(e.AmountQualifier),
			strconv.FormatBool(e.Counted), t(e.Confidence), t(e.Sources), t(e.Note), e.Reported, t(e.StatedBy), t(e.PaymentTie), t(e.PartOf)})
	}
	cw.Flush()
	return cw.Error()
}
