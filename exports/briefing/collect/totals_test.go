package collect

import (
	"bytes"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

// figures are the people, receptions of unknown size, payments and
// agreements one output gives for a window.
type figures struct {
	people                        int64
	unknown, payments, agreements int
}

// The same window gives the same people, payment and agreement totals in
// every output: analysis.TotalsOf (what timeline and stats print), the sum
// of the timeline's rows, the sum of the profiles, the briefing's counts
// panel and the workbook's Timeline sheet read back from the file.
func TestOutputsAgreeOnTotals(t *testing.T) {
	seed, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	tm, err := csvdir.ReadDir("../../../analysis/testdata/timemodel", iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	windows := []analysis.Window{{}, analysis.AsOf(day(2025, 5, 31)), {From: day(2025, 3, 1), To: day(2025, 6, 30)},
		{From: day(2025, 3, 1), To: day(2025, 6, 30), Strict: true}, analysis.KnownBy(day(2025, 5, 31))}
	for _, d := range []*graphmodel.Dataset{seed, tm} {
		for _, w := range windows {
			tot := analysis.TotalsOf(d, w).All()
			want := figures{tot.People, tot.UnknownSize, tot.Payments, tot.Agreements}

			var tl figures
			for _, m := range analysis.Timeline(d, w) {
				tl.people += m.People
				tl.unknown += m.UnknownSize
				tl.payments += m.Payments
				tl.agreements += m.Agreements
			}
			var pr figures
			for _, p := range analysis.Profiles(d, w) {
				pr.people += p.PeopleIn
				pr.unknown += p.UnknownIn
			}
			snap := snapshot(d, w)
			br := figures{snap.People, snap.UnknownSize, snap.Payments, snap.Agreements}
			wb := workbookTimeline(t, d, w)
			for name, got := range map[string]figures{"timeline": tl, "briefing": br, "workbook": wb} {
				if got != want {
					t.Errorf("%s, window %v: %s gives %+v, totals %+v", d.Meta.Name, w, name, got, want)
				}
			}
			if pr.people != want.people || pr.unknown != want.unknown {
				t.Errorf("%s, window %v: profiles give %d people and %d of unknown size, totals %d and %d", d.Meta.Name, w, pr.people, pr.unknown, want.people, want.unknown)
			}
			if w.IsOpen() {
				s := analysis.Summarize(d)
				if !reflect.DeepEqual(s.Totals, tot) {
					t.Errorf("%s: stats totals %+v, timeline totals %+v", d.Meta.Name, s.Totals, tot)
				}
			}
		}
	}
}

// workbookTimeline sums the Timeline sheet of the workbook written for w,
// read back from the file's cells.
func workbookTimeline(t *testing.T, d *graphmodel.Dataset, w analysis.Window) figures {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.Write(&buf, d, workbook.Options{Window: w, Generated: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Timeline", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	header := 0
	for i, r := range rows {
		if len(r) > 0 && r[0] == "Period" {
			header = i
			for j, h := range r {
				col[h] = j
			}
			break
		}
	}
	num := func(r []string, name string) int64 {
		j, ok := col[name]
		if !ok {
			t.Fatalf("Timeline sheet has no %q column", name)
		}
		if j >= len(r) || r[j] == "" {
			return 0
		}
		n, err := strconv.ParseInt(r[j], 10, 64)
		if err != nil {
			t.Fatalf("Timeline %s: %q", name, r[j])
		}
		return n
	}
	var out figures
	for _, r := range rows[header+1:] {
		out.people += num(r, "People")
		out.unknown += int(num(r, "Receptions of unknown size"))
		out.payments += int(num(r, "Payments"))
		out.agreements += int(num(r, "Agreements"))
	}
	return out
}
