package ingest

import (
	"io"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
)

// Issue 12: a minus sign was dropped ("-5" became 5, "approximately -3"
// about 3), a range could end before it starts, and a count past int64's
// reach was taken; each such row now goes to the rejects with its reason.
func TestTrackerRejectsNegativeHugeAndBackwardRows(t *testing.T) {
	text := "Destination,Date,Date Range End,Number Removed,Origin Nationalities\n" +
		"Ghana,2025-03-01,,-5,Nigerian\n" + // 2
		"Ghana,2025-03-02,,approximately -3,Nigerian\n" + // 3
		"Ghana,2025-03-03,,\u22127,Nigerian\n" + // 4
		"Ghana,2025-03-04,,\"9,223,372,036,854,775,807\",Nigerian\n" + // 5
		"Ghana,2025-03-05,,\"20,000,000,000\",Nigerian\n" + // 6
		"Ghana,2025-03-10,2025-03-01,4,Nigerian\n" + // 7
		"Ghana,2025-03,2025-02,4,Nigerian\n" + // 8
		"Ghana,2025-03-06,2025-03-06,12,Nigerian\n" + // 9: a one-day range is fine
		"Ghana,2025-03-07,,COVID-19 flight,Nigerian\n" // 10: no count, kept in note
	res := run(t, Tracker, newCSVReader(io.NopCloser(strings.NewReader(text))))
	want := map[int]string{2: "negative", 3: "negative", 4: "negative", 5: "largest count", 6: "largest count", 7: "ends before it starts", 8: "ends before it starts"}
	got := map[int]string{}
	for _, r := range res.Rejects {
		got[r.Row] = r.Reason
	}
	for row, words := range want {
		if !strings.Contains(got[row], words) {
			t.Errorf("row %d: rejected as %q, want a reason with %q", row, got[row], words)
		}
	}
	if len(got) != len(want) {
		t.Errorf("rejected rows %v, want exactly %v", got, want)
	}
	for _, r := range res.Relationships {
		if r.Count.Value < 0 || r.Count.Value > graphmodel.MaxCount {
			t.Errorf("%s imported with count %d", r.Key, r.Count.Value)
		}
	}
	if !res.Accounting.Balanced() || res.Accounting.Used != 2 {
		t.Errorf("accounting %+v", res.Accounting)
	}
}

func TestParseCountSigns(t *testing.T) {
	for _, in := range []string{"-5", "approximately -3", "~-3", "\u22122"} {
		if _, err := ParseCount(in); err == nil {
			t.Errorf("ParseCount(%q) accepted a negative", in)
		}
	}
	for in, want := range map[string]int64{"COVID-19": 19, "5": 5, "about 40": 40} {
		if c, err := ParseCount(in); err != nil || c.Value != want {
			t.Errorf("ParseCount(%q) = %v, %v; want %d", in, c, err, want)
		}
	}
}
