// Package gephi writes Gephi's spreadsheet import format: a nodes table
// (Id, Label, …) and an edges table (Source, Target, Type, Id, Label,
// Weight, Time Interval, …), both CSV. Text a spreadsheet would evaluate is
// prefixed with an apostrophe.
package gephi

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/graphmodel"
)

// NodeColumns and EdgeColumns are the headers written.
var (
	NodeColumns = []string{"Id", "Label", "Kind", "Region", "Alpha3", "PageRank", "In relationships", "Out relationships"}
	EdgeColumns = []string{"Source", "Target", "Type", "Id", "Label", "Weight", "Time Interval", "Relationship", "Event", "Date",
		"Date precision", "Status", "Instrument", "Count", "Count qualifier", "Amount", "Currency", "Amount qualifier", "Confidence", "Sources", "Note"}
)

func t(s string) string { return graphmodel.EscapeFormula(s) }

// WriteNodes writes the nodes table.
func WriteNodes(w io.Writer, g graphdata.Graph) error {
	cw := csv.NewWriter(w)
	cw.Write(NodeColumns)
	for _, n := range g.Nodes {
		cw.Write([]string{t(n.ID), t(n.Label), t(n.Kind), t(n.Region), t(n.Alpha3),
			strconv.FormatFloat(n.PageRank, 'g', 10, 64), strconv.Itoa(n.InDegree), strconv.Itoa(n.OutDegree)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteEdges writes the edges table. Type is Gephi's edge direction
// (always Directed); the relationship type is in Label and Relationship.
// Time Interval is Gephi's <[start, end]> over the period the date denotes.
func WriteEdges(w io.Writer, g graphdata.Graph) error {
	cw := csv.NewWriter(w)
	cw.Write(EdgeColumns)
	for _, e := range g.Edges {
		interval := ""
		if !e.Start.IsZero() {
			interval = fmt.Sprintf("<[%s, %s]>", e.Start.Format("2006-01-02"), e.End.AddDate(0, 0, -1).Format("2006-01-02"))
		}
		count, amount := "", ""
		if e.HasCount {
			count = strconv.FormatInt(e.Count, 10)
		}
		if e.HasAmount {
			amount = strconv.FormatInt(e.Amount, 10)
		}
		cw.Write([]string{t(e.Source), t(e.Target), "Directed", t(e.ID), t(e.Type), strconv.FormatFloat(e.Weight, 'g', -1, 64),
			interval, t(e.Type), t(e.Event), e.Date, e.DatePrecision, t(e.Status), t(e.Instrument), count, t(e.CountQualifier),
			amount, t(e.Currency), t(e.AmountQualifier), t(e.Confidence), t(e.Sources), t(e.Note)})
	}
	cw.Flush()
	return cw.Error()
}
