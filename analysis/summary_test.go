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
	if len(s.PeopleByType) != 2 || s.PeopleByType[1] != (Tally{"received", 6}) {
		t.Errorf("people %v", s.PeopleByType)
	}
}
