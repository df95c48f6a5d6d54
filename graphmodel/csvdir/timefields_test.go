package csvdir_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

const header12 = "id,event,type,from,to,date,reported,status,stated_by,instrument,payment_tie,count,count_qualifier,amount,currency,amount_qualifier,confidence,sources,note\n"

// The columns dataset 1.2.0 adds read into the model with their meaning:
// an event period in EDTF, a report date, whose account a status is, and
// what a payment is tied to; meta names the campaign.
func TestReadTimeFields(t *testing.T) {
	rels := header12 +
		"a1,,approached,US,RW,../2025-05,,agreed,pressed,,,,,,,,reported,s1,n\n" +
		"a2,,approached,US,RW,2025-06?,,in_talks,presser,,,,,,,,reported,s1,n\n" +
		"p1,ev-p,paid,US,SV,2025-01-20/2025-03,,completed,,payment,tied,,,6000000,USD,about,reported,s1,n\n" +
		"r1,,received,VE,CR,../2025-10,2025-10-08,completed,,,,200,about,,,,reported,s1,n\n" +
		"b1,,removal_blocked,GB,RW,../2023-12,,blocked_by_court,,,,,,,,,reported,s1,n\n"
	meta := "key,value\nname,t\ncampaign,US;GB\n"
	d, err := readFS(t, map[string]string{"meta.csv": meta, "sources.csv": sourcesCSV, "relationships.csv": rels})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Meta.Campaign, []graphmodel.Code{"US", "GB"}) {
		t.Errorf("campaign = %v", d.Meta.Campaign)
	}
	by := map[string]graphmodel.Relationship{}
	for _, r := range d.Relationships {
		by[r.Key] = r
	}
	if r := by["a1"]; r.Date != graphmodel.By(graphmodel.MonthDate(2025, 5)) || r.StatedBy != graphmodel.ByPressed {
		t.Errorf("a1 = %+v", r)
	}
	if r := by["a2"]; r.Date != (graphmodel.Period{From: graphmodel.MonthDate(2025, 6), FromQual: graphmodel.Uncertain}) || r.StatedBy != graphmodel.ByPresser {
		t.Errorf("a2 = %+v", r)
	}
	if r := by["p1"]; r.Date != graphmodel.Between(graphmodel.DayDate(2025, 1, 20), graphmodel.MonthDate(2025, 3)) || r.PaymentTie != graphmodel.Tied {
		t.Errorf("p1 = %+v", r)
	}
	if r := by["r1"]; r.Reported != graphmodel.On(graphmodel.DayDate(2025, 10, 8)) {
		t.Errorf("r1 reported = %v", r.Reported)
	}
	// Report dates: the row's own when given, else each source's published.
	lookup := d.SourceByKey
	if got := by["r1"].ReportDates(lookup); len(got) != 1 || got[0].String() != "2025-10-08" {
		t.Errorf("r1 report dates %v", got)
	}
	if got := by["a1"].ReportDates(lookup); len(got) != 1 || got[0].String() != "2025-06" {
		t.Errorf("a1 report dates %v, want the source's 2025-06", got)
	}

	// Written back with every column, and read again to the same dataset.
	dir := t.TempDir()
	if err := csvdir.WriteDirContext(context.Background(), dir, d); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, csvdir.RelationshipsFile))
	if !strings.HasPrefix(string(raw), header12) {
		t.Errorf("header %q", strings.SplitN(string(raw), "\n", 2)[0])
	}
	if !bytes.Contains(raw, []byte("b1,,removal_blocked,GB,RW,../2023-12,,blocked_by_court,")) {
		t.Errorf("open-start period not written as EDTF:\n%s", raw)
	}
	got, err := csvdir.ReadDir(dir, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	got.Registry, d.Registry = nil, nil
	if !reflect.DeepEqual(got, d) {
		t.Errorf("round trip changed the dataset:\n got %+v\nwant %+v", got, d)
	}
}

// A dataset that uses none of the new fields is written with the columns
// it was read with, so older datasets keep their bytes (the seed's
// canonical-form test depends on this).
func TestOldColumnsKept(t *testing.T) {
	rels := header + "r1,,received,IQ,RW,2025-Q2,completed,,,,,,,reported,s1,n\n"
	d, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": rels})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := csvdir.WriteRelationships(&buf, d.Relationships); err != nil {
		t.Fatal(err)
	}
	if buf.String() != rels {
		t.Errorf("written\n%s\nwant\n%s", buf.String(), rels)
	}
}

func TestReadTimeFieldErrors(t *testing.T) {
	row := func(date, reported, typ, status, statedBy, tie string) string {
		amount := ",,"
		if typ == "paid" {
			amount = "100,USD,"
		}
		return header12 + fmt.Sprintf("r1,,%s,US,RW,%s,%s,%s,%s,,%s,,,%s,reported,s1,n\n", typ, date, reported, status, statedBy, tie, amount)
	}
	tests := []struct {
		name, rels, want string
	}{
		{"bad EDTF", row("2025-06/2025-05", "", "approached", "agreed", "", ""), "d/relationships.csv:2:6: r1: date: date \"2025-06/2025-05\": starts after it ends"},
		{"open both ends", row("../..", "", "approached", "agreed", "", ""), "r1: date: date \"../..\": both ends open"},
		{"bad reported", row("2025", "2025-13", "approached", "agreed", "", ""), "d/relationships.csv:2:7: r1: reported:"},
		{"reported open", row("2025", "2025-02/..", "approached", "agreed", "", ""), "r1: reported: open end"},
		{"event after report", row("2025-11", "2025-10", "approached", "agreed", "", ""), "r1: date: 2025-11 begins after the claim was reported (2025-10)"},
		{"unknown speaker", row("2025", "", "approached", "agreed", "minister", ""), "d/relationships.csv:2:9: r1: stated_by: unknown value \"minister\""},
		{"speaker on paid", row("2025", "", "paid", "completed", "presser", ""), "r1: stated_by: applies only to type approached"},
		{"unknown tie", row("2025", "", "paid", "completed", "", "maybe"), "d/relationships.csv:2:11: r1: payment_tie: unknown value \"maybe\""},
		{"tie on approached", row("2025", "", "approached", "agreed", "", "tied"), "r1: payment_tie: applies only to type paid"},
		{"withdrawn on paid", row("2025", "", "paid", "withdrawn", "", ""), "r1: status: status \"withdrawn\" does not apply to type paid"},
	}
	for _, tt := range tests {
		_, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": tt.rels})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	// A planned event may lie after its report.
	if _, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": row("2025-11", "2025-10", "paid", "planned", "", "")}); err != nil {
		t.Errorf("planned payment after its report: %v", err)
	}
	// The campaign names known actors.
	_, err := readFS(t, map[string]string{"meta.csv": "key,value\ncampaign,QQ\n", "sources.csv": sourcesCSV, "relationships.csv": header})
	if err == nil || !strings.Contains(err.Error(), "campaign") {
		t.Errorf("unknown campaign actor: %v", err)
	}
}
