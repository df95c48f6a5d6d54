package analysis

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

// timeModel reads testdata/timemodel: claims shaped like the seed's hard
// cases (a payment reported twice, a block and its lifting, a ruling
// before 2024 in another state's campaign, a country's agreement and a
// presser's later statement, a reception of unknown size), with round
// numbers of our own.
func timeModel(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	d, err := csvdir.ReadDir("testdata/timemodel", iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// The expected totals are counted by hand from the fixture's rows.
func TestTotalsCountEvents(t *testing.T) {
	d := timeModel(t)
	got := TotalsOf(d, Window{}).All()
	want := Totals{
		// RW agreed (pressed) and RW in talks (presser) are two approach
		// events; PE, CR twice, XK twice and LY make eight; GB-RW is not
		// the campaign's.
		Approaches: 8,
		// RW's, CR's and XK's own agreements; not the presser's account.
		Agreements: 3,
		// CR 200, SV 200 and PA of unknown size; the planned reception
		// and the return of own citizens are not receptions.
		Receptions: 3, People: 400, UnknownSize: 1,
		// The SV payment reported twice is one payment, at the more
		// confident account's 5,000,000; PA's 14,000,000 is another.
		Payments: 2, Paid: []Tally{{Key: "USD", Count: 19000000}},
		// The lifting is not a block; GB's ruling is not the campaign's.
		Blocks: 1, Lifts: 1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("totals\n got %+v\nwant %+v", got, want)
	}
}

// A ruling "before 2024" is in no 2025 window, certainly or possibly;
// "by May 2025" is only possibly in a window from March, and certainly in
// an as-of window ending in May.
func TestWindowCertainAndPossible(t *testing.T) {
	d := timeModel(t)
	by := map[string]*graphmodel.Relationship{}
	for i := range d.Relationships {
		by[d.Relationships[i].Key] = &d.Relationships[i]
	}
	tests := []struct {
		w    Window
		key  string
		want Membership
	}{
		{Window{From: day(2025, 1, 1), To: day(2025, 12, 31)}, "blk-gb-rw", Outside},
		{Window{From: day(2025, 1, 1)}, "blk-gb-rw", Outside},
		{AsOf(day(2025, 12, 31)), "blk-gb-rw", Certainly},
		{Window{From: day(2025, 3, 1), To: day(2025, 6, 30)}, "appr-rw-agreed", Possibly},
		{AsOf(day(2025, 5, 31)), "appr-rw-agreed", Certainly},
		{AsOf(day(2025, 5, 30)), "appr-rw-agreed", Possibly},
		{AsOf(day(2025, 5, 31)), "appr-rw-talks", Outside},
		{Window{From: day(2025, 2, 1), To: day(2025, 2, 28)}, "recv-cr", Certainly},
	}
	for _, tt := range tests {
		if got := tt.w.In(d, by[tt.key]); got != tt.want {
			t.Errorf("%s in %v: %v, want %v", tt.key, tt.w, got, tt.want)
		}
	}
	// Strict keeps the certain only; the default both.
	w := Window{From: day(2025, 3, 1), To: day(2025, 6, 30)}
	if n := len(Select(d, w)); n != 15 {
		t.Errorf("overlapping window holds %d claims, want 15", n)
	}
	w.Strict = true
	if n := len(Select(d, w)); n != 9 {
		t.Errorf("strict window holds %d claims, want 9 (SS block and lift, RW talks, planned SV, own return, CR and XK agreed, LY talks, VE to SV)", n)
	}
	tot := TotalsOf(d, Window{From: day(2025, 3, 1), To: day(2025, 6, 30)})
	if tot.Certain.Payments != 0 || tot.Possible.Payments != 2 || tot.Certain.Blocks != 1 || tot.Possible.Agreements != 1 {
		t.Errorf("certain %+v\npossible %+v", tot.Certain, tot.Possible)
	}
}

// Known by a date is by report date: the review published in June 2025
// is not known by the end of May, whatever its event dates.
func TestKnownBy(t *testing.T) {
	d := timeModel(t)
	var keys []string
	for _, r := range Select(d, KnownBy(day(2025, 5, 31))) {
		keys = append(keys, r.Key)
	}
	want := []string{"pay-sv-b", "pay-pa", "recv-cr", "recv-pa"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("known by 2025-05-31: %v, want %v", keys, want)
	}
	happened := Select(d, Window{To: day(2025, 5, 31), Strict: true})
	if len(happened) <= len(keys) {
		t.Errorf("happened by 2025-05-31 (%d) should exceed known by then (%d): the review reports earlier events", len(happened), len(keys))
	}
}

// Answers from the country's own statements by event time: RW's
// agreement stands over the presser's later "negotiating" (the issue's
// Rwanda case); CR's March agreement replaces its February "considering"
// though the file lists it first; XK's accounts cannot be ordered and
// disagree, so disputed; LY only in talks, so no answer.
func TestAnswersStand(t *testing.T) {
	d := timeModel(t)
	got := map[graphmodel.Code]Answer{}
	for _, a := range Answers(d, Window{}) {
		got[a.Country] = a
	}
	want := map[graphmodel.Code]string{"RW": "agreed", "CR": "agreed", "PE": "refused", "XK": "disputed", "LY": "no_answer"}
	for c, label := range want {
		if got[c].Label() != label {
			t.Errorf("%s: %s (%+v), want %s", c, got[c].Label(), got[c], label)
		}
	}
	if len(got) != len(want) {
		t.Errorf("answers for %d countries, want %d (GB's deal with RW is not the campaign's)", len(got), len(want))
	}
	if a := got["XK"]; len(a.InForce) != 2 {
		t.Errorf("disputed XK shows %d claims in force, want both", len(a.InForce))
	}
	if a := got["RW"]; len(a.Others) != 1 || a.Others[0].Key != "appr-rw-talks" {
		t.Errorf("RW others %+v, want the presser's account beside the answer", a.Others)
	}
	// As of February, CR had only said it would consider.
	if a := AnswerOf(d, "CR", AsOf(day(2025, 2, 28))); a.Label() != "considering" {
		t.Errorf("CR as of February: %s", a.Label())
	}
}

// Payment → acceptance needs a payment a source ties to the acceptance:
// SV's is tied, PA's is for another programme (the Panama case).
// Another state's court block (GB-RW) is not the campaign's.
func TestPatternsTiedAndCampaign(t *testing.T) {
	d := timeModel(t)
	got := map[string][]graphmodel.Code{}
	for _, m := range FindAll(d, Window{}) {
		got[m.Pattern] = append(got[m.Pattern], m.Country)
	}
	if fmt.Sprint(got["payment_acceptance"]) != "[SV]" {
		t.Errorf("payment_acceptance %v, want [SV]", got["payment_acceptance"])
	}
	if fmt.Sprint(got["court_blocked"]) != "[SS]" {
		t.Errorf("court_blocked %v, want [SS]: GB's block of removals to RW is another state's", got["court_blocked"])
	}
	d.Meta.Campaign = nil // no campaign declared: every presser's claims count
	got = map[string][]graphmodel.Code{}
	for _, m := range FindAll(d, Window{}) {
		got[m.Pattern] = append(got[m.Pattern], m.Country)
	}
	if fmt.Sprint(got["court_blocked"]) != "[RW SS]" {
		t.Errorf("without a campaign, court_blocked %v, want [RW SS]", got["court_blocked"])
	}
}
