package workbook

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

// The analysis sheets say what their numbers mean: coarse dates never in a
// month, no placeholder ranked, the communities' stability beside them,
// and every metric's settings with the full content hash.
func TestAnalysisSheetsCarryTheirDefinitions(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	// Seed 1.1.0 dates every 2025 claim to its month or its report's month,
	// so a year-dated approach is added here to exercise the coarse row.
	for _, r := range d.Relationships {
		if r.Type == graphmodel.Approached {
			r.Key, r.Date = r.Key+"-year-dated", graphmodel.On(graphmodel.YearDate(2025))
			d.Relationships = append(d.Relationships, r)
			break
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Generated: fixed, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Timeline: the year-dated claims of the CSV (date "2025") are in the
	// "2025, month unknown" row; no month row holds them.
	yearApproaches := 0
	for _, r := range d.Relationships {
		if r.Type == graphmodel.Approached && r.Date.Precision() == graphmodel.Year && r.Date.From.Year == 2025 {
			yearApproaches++
		}
	}
	rows, _ := f.GetRows("Timeline")
	found := false
	for _, row := range rows[1:] {
		if row[0] == "2025, month unknown" {
			found = true
			if row[1] != "year" || row[2] != strconv.Itoa(yearApproaches) {
				t.Errorf("Timeline row %v: want year precision and %d approaches", row, yearApproaches)
			}
		} else if strings.Contains(row[0], "unknown") == (row[1] == "month") {
			t.Errorf("Timeline row %v", row)
		}
	}
	if !found {
		t.Error("Timeline has no \"2025, month unknown\" row")
	}
	rows, _ = f.GetRows("Hubs")
	for _, row := range rows[1:] {
		if analysis.IsPlaceholder(d.Registry, graphmodel.Code(row[2])) {
			t.Errorf("Hubs ranks placeholder %s", row[2])
		}
	}
	rows, _ = f.GetRows("Communities")
	if h := rows[0]; h[len(h)-3] != "Stability (NMI)" || rows[1][len(h)-3] == "" {
		t.Errorf("Communities header %v, first row %v", h, rows[1])
	}
	rows, _ = f.GetRows("Metric settings")
	metrics := map[string]bool{}
	for _, row := range rows[1:] {
		metrics[row[0]+" "+row[1]] = true
		if row[len(row)-1] != d.ContentHash() {
			t.Errorf("Metric settings row %v lacks the full hash", row)
		}
	}
	for _, want := range []string{"flow pagerank", "flow hub_weighted, authority_weighted", "all communities (Louvain)", "all stability (NMI, null modularity)"} {
		if !metrics[want] {
			t.Errorf("Metric settings lacks %q", want)
		}
	}
}
