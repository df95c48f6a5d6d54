package analysis

import (
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
)

func TestSummarize(t *testing.T) {
	reg, _ := graphmodel.NewRegistry([]graphmodel.Country{{Code: "US", Name: "United States"}, {Code: "RW", Name: "Rwanda"}, {Code: "IQ", Name: "Iraq"}})
	d := &graphmodel.Dataset{Registry: reg, Relationships: []graphmodel.Relationship{
		{Key: "a", Type: graphmodel.Approached, FromCountry: "US", ToCountry: "RW", Status: graphmodel.Agreed, Count: graphmodel.Count{Value: 10, Qualifier: graphmodel.Exact}},
		{Key: "b", Type: graphmodel.Paid, FromCountry: "US", ToCountry: "RW", Status: graphmodel.Completed, Money: graphmodel.Money{Amount: 100000, Currency: "USD", Qualifier: graphmodel.Exact}, Instrument: graphmodel.Payment},
		{Key: "c", Type: graphmodel.Received, FromCountry: "IQ", ToCountry: "RW", Status: graphmodel.Completed, Count: graphmodel.Count{Value: 1, Qualifier: graphmodel.Exact}},
		{Key: "d", Type: graphmodel.Received, FromCountry: "IQ", ToCountry: "IQ", Count: graphmodel.Count{Value: 5, Qualifier: graphmodel.About}},
	}}
	s := Summarize(d)
	if s.Relationships != 4 || s.Actors != 3 || s.Countries != 3 {
		t.Errorf("totals: %+v", s)
	}
	wantTypes := []Tally{{"approached", 1}, {"received", 2}, {"paid", 1}}
	if len(s.ByType) != 3 || s.ByType[0] != wantTypes[0] || s.ByType[1] != wantTypes[1] || s.ByType[2] != wantTypes[2] {
		t.Errorf("by type %v, want %v (vocabulary order)", s.ByType, wantTypes)
	}
	// IQ and RW tie on 3; the tie breaks by code.
	if s.ByActor[0].Code != "IQ" || s.ByActor[1].Code != "RW" || s.ByActor[1].In != 3 || s.ByActor[1].Total != 3 {
		t.Errorf("actor order %+v", s.ByActor)
	}
	// The loop IQ->IQ counts as out and in but once per type.
	for _, a := range s.ByActor {
		if a.Code == "IQ" && (a.Out != 2 || a.In != 1 || a.ByType[graphmodel.Received] != 2) {
			t.Errorf("IQ tally %+v", a)
		}
	}
	if len(s.MoneyByCurrency) != 1 || s.MoneyByCurrency[0] != (Tally{"USD", 100000}) {
		t.Errorf("money %v", s.MoneyByCurrency)
	}
	// People received are receptions only: IQ's 5 own citizens returned
	// to IQ are not people received by a third country (issue 24: one
	// definition everywhere).
	if len(s.PeopleByType) != 2 || s.PeopleByType[1] != (Tally{"received", 1}) || s.Totals.People != 1 {
		t.Errorf("people %v, totals %+v", s.PeopleByType, s.Totals)
	}
}

// Alternative claims of one event count once: the most confident, then the
// largest. The seed's El Salvador payment is about $5M (reported, NYT) or
// up to $15M (claimed, explainer): totals use $5M.
func TestAlternativeClaimsCountOnce(t *testing.T) {
	rels := []graphmodel.Relationship{
		{Key: "a", Event: "e", Type: graphmodel.Paid, FromCountry: "US", ToCountry: "SV", Confidence: graphmodel.Reported, Money: graphmodel.Money{Amount: 5000000, Currency: "USD", Qualifier: graphmodel.About}},
		{Key: "b", Event: "e", Type: graphmodel.Paid, FromCountry: "US", ToCountry: "SV", Confidence: graphmodel.Claimed, Money: graphmodel.Money{Amount: 15000000, Currency: "USD", Qualifier: graphmodel.UpTo}},
		{Key: "c", Event: "f", Type: graphmodel.Received, FromCountry: "VE", ToCountry: "SV", Confidence: graphmodel.Reported, Count: graphmodel.Count{Value: 200, Qualifier: graphmodel.AtLeast}},
		{Key: "d", Event: "f", Type: graphmodel.Received, FromCountry: "VE", ToCountry: "SV", Confidence: graphmodel.Reported, Count: graphmodel.Count{Value: 230, Qualifier: graphmodel.AtLeast}},
		{Key: "e", Type: graphmodel.Received, FromCountry: "VE", ToCountry: "SV", Confidence: graphmodel.Reported, Count: graphmodel.Count{Value: 7, Qualifier: graphmodel.Exact}},
	}
	got := Counted(rels)
	want := []bool{true, false, false, true, true}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Counted[%s] = %v, want %v", rels[i].Key, got[i], want[i])
		}
	}
	reg, _ := graphmodel.NewRegistry([]graphmodel.Country{{Code: "US"}, {Code: "SV"}, {Code: "VE"}})
	d := &graphmodel.Dataset{Registry: reg, Relationships: rels}
	g := View(d, LayerFlow, Window{})
	if e := g.EdgeList(); len(e) != 1 || e[0].Weight != 237 {
		t.Errorf("flow edges %v, want VE->SV weight 230+7", e)
	}
	s := Summarize(d)
	if s.MoneyByCurrency[0].Count != 5000000 {
		t.Errorf("money %v, want 5000000", s.MoneyByCurrency)
	}
}
