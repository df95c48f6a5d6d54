package collect

import (
	"testing"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

// A dataset small enough to derive every number by hand.
func tiny() *graphmodel.Dataset {
	src := []string{"s1"}
	rel := func(key, event string, t graphmodel.RelType, from, to graphmodel.Code, date graphmodel.Date, st graphmodel.Status) graphmodel.Relationship {
		return graphmodel.Relationship{Key: key, Event: event, Type: t, FromCountry: from, ToCountry: to, Date: graphmodel.On(date),
			Status: st, Confidence: graphmodel.Reported, Sources: src, Note: key}
	}
	rs := []graphmodel.Relationship{
		rel("a1", "", graphmodel.Approached, "US", "PA", graphmodel.MonthDate(2025, 1), graphmodel.InTalks),
		rel("a2", "", graphmodel.Approached, "US", "PA", graphmodel.DayDate(2025, 3, 10), graphmodel.Agreed),
		rel("r1", "ev", graphmodel.Received, "VE", "PA", graphmodel.MonthDate(2025, 2), graphmodel.Completed),
		rel("r2", "ev", graphmodel.Received, "VE", "PA", graphmodel.MonthDate(2025, 2), graphmodel.Completed),
		rel("r3", "", graphmodel.Received, "PA", "PA", graphmodel.MonthDate(2025, 2), graphmodel.Completed),
		rel("p1", "", graphmodel.Paid, "US", "PA", graphmodel.YearDate(2025), graphmodel.Completed),
		rel("r4", "", graphmodel.Received, "CU", "PA", graphmodel.MonthDate(2025, 2), graphmodel.Planned),
	}
	rs[2].Count = graphmodel.Count{Value: 100, Qualifier: graphmodel.About}
	rs[3].Count = graphmodel.Count{Value: 300, Qualifier: graphmodel.UpTo}
	rs[3].Confidence = graphmodel.Claimed
	rs[4].Count = graphmodel.Count{Value: 50, Qualifier: graphmodel.Exact}
	rs[5].Money = graphmodel.Money{Amount: 1000, Currency: "USD", Qualifier: graphmodel.Exact}
	rs[6].Count = graphmodel.Count{Value: 40, Qualifier: graphmodel.Exact}
	return &graphmodel.Dataset{Meta: graphmodel.Meta{Name: "tiny", Updated: graphmodel.DayDate(2025, 6, 1)},
		Sources:       []graphmodel.Source{{Key: "s1", Publisher: "P", Title: "T", Published: graphmodel.MonthDate(2025, 6), Kind: "news"}},
		Relationships: rs, Registry: iso3166.Registry()}
}

func TestMonthsAndSnapshotsByHand(t *testing.T) {
	d := tiny()
	r := Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
	var months []string
	for _, m := range r.Months {
		months = append(months, m.Month)
	}
	// January to March 2025: the year-dated payment starts in January, the
	// last claim in March.
	if got := len(months); got != 3 || months[0] != "2025-01" || months[2] != "2025-03" {
		t.Fatalf("months %v, want 2025-01..2025-03", months)
	}
	jan, feb, mar := r.Months[0].Countries["PA"], r.Months[1].Countries["PA"], r.Months[2].Countries["PA"]
	// January: one approach (in talks: no answer of Panama's own yet);
	// the year-dated payment overlaps it.
	if jan.Approached != 1 || jan.Latest != "no_answer" || jan.Received != 0 || jan.Paid != 1000 {
		t.Errorf("January: %+v", jan)
	}
	// February: the reception event counts once, by the more confident
	// account (about 100, reported, over up to 300, claimed); Panamanians
	// returned to Panama are not a third-country reception, and a planned
	// flight moved nobody.
	if feb.Received != 100 || r.Months[1].People != 100 {
		t.Errorf("February: received %d, people %d, want 100", feb.Received, r.Months[1].People)
	}
	// March: the second approach is the latest answer.
	if mar.Approached != 2 || mar.Latest != graphmodel.Agreed {
		t.Errorf("March: %+v", mar)
	}
	if r.Months[0].Coarse != 1 || r.Months[0].Relationships != 2 || r.Whole.Relationships != 7 {
		t.Errorf("January has %d claims (%d coarse), the whole window %d; want 2 (1), 7",
			r.Months[0].Relationships, r.Months[0].Coarse, r.Whole.Relationships)
	}
	if !r.Generated.Equal(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("generated %v, want the dataset's update date", r.Generated)
	}
}

// A claim dated only to a year opens no month of its own: the slider starts
// at the first month-dated claim, and the year claim is in it.
func TestCoarseClaimsOpenNoMonth(t *testing.T) {
	d := tiny()
	d.Relationships = append(d.Relationships, d.Relationships[0])
	old := &d.Relationships[len(d.Relationships)-1]
	old.Key, old.Date = "a0", graphmodel.On(graphmodel.YearDate(2024))
	r := Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
	if got := r.Months[0].Month; got != "2025-01" {
		t.Errorf("slider opens at %s, want 2025-01", got)
	}
	if got := r.Months[0].Countries["PA"].Approached; got != 2 {
		t.Errorf("as of 2025-01 Panama was approached %d times, want 2 (the 2024 claim and January's)", got)
	}
}

// A window starting in February drops January from the slider.
func TestMonthsFollowTheWindow(t *testing.T) {
	w := analysis.Window{From: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}
	ms := Months(tiny(), w)
	if len(ms) != 2 || ms[0].Format("2006-01") != "2025-02" {
		t.Errorf("months %v, want 2025-02 and 2025-03", ms)
	}
}
