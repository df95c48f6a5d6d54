package ingest

import (
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

func TestCountsCompatible(t *testing.T) {
	c := func(v int64, q graphmodel.Qualifier) graphmodel.Count {
		return graphmodel.Count{Value: v, Qualifier: q}
	}
	for _, tt := range []struct {
		a, b graphmodel.Count
		want bool
	}{
		{c(300, graphmodel.About), c(300, graphmodel.About), true},
		{c(300, graphmodel.About), c(250, graphmodel.Exact), true}, // 250 is in [240, 360]
		{c(300, graphmodel.About), c(200, graphmodel.Exact), false},
		{c(238, graphmodel.Exact), c(200, graphmodel.AtLeast), true},
		{c(150, graphmodel.Exact), c(200, graphmodel.AtLeast), false},
		{c(50, graphmodel.UpTo), c(40, graphmodel.Exact), true},
		{c(50, graphmodel.UpTo), c(60, graphmodel.Exact), false},
		{c(12, graphmodel.Exact), c(1200, graphmodel.AtLeast), false},
		{c(200, graphmodel.Exact), c(201, graphmodel.Exact), false},
	} {
		if got := CountsCompatible(tt.a, tt.b); got != tt.want || CountsCompatible(tt.b, tt.a) != tt.want {
			t.Errorf("%s vs %s: %v, want %v (both ways)", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestReconcileNoteCount(t *testing.T) {
	reg := iso3166.Registry()
	for _, tt := range []struct {
		raw, note string
		want      graphmodel.Count
		problem   string
	}{
		{"40", "roughly 40 Eritreans on the bus", graphmodel.Count{Value: 40, Qualifier: graphmodel.About}, ""},
		{"12", "at least 1,200 people were moved", graphmodel.Count{Value: 12, Qualifier: graphmodel.Exact}, "contradicts the notes"},
		{"about 300", "some 300 deportees in all", graphmodel.Count{Value: 300, Qualifier: graphmodel.About}, ""},
		{"300", "80 children among 300 deportees", graphmodel.Count{Value: 300, Qualifier: graphmodel.Exact}, ""},
		{"120", "flight 2025 on 15 February, gate 12", graphmodel.Count{Value: 120, Qualifier: graphmodel.Exact}, ""},
		{"exactly 40", "roughly 40 Eritreans", graphmodel.Count{Value: 40, Qualifier: graphmodel.Exact}, ""},
	} {
		c, _ := ParseCount(tt.raw)
		got, problem := reconcileNoteCount(reg, tt.raw, c, tt.note)
		if got != tt.want || (tt.problem == "") != (problem == "") || !strings.Contains(problem, tt.problem) {
			t.Errorf("%q with %q: %s, %q; want %s, %q", tt.raw, tt.note, got, problem, tt.want, tt.problem)
		}
	}
}

func linkDataset(t *testing.T, rels ...graphmodel.Relationship) *graphmodel.Dataset {
	t.Helper()
	zz := graphmodel.Country{Code: "ZZ", Name: "Unspecified", Kind: graphmodel.KindUnspecified}
	reg, err := iso3166.Registry().With([]graphmodel.Country{zz})
	if err != nil {
		t.Fatal(err)
	}
	d := &graphmodel.Dataset{Registry: reg, Countries: []graphmodel.Country{zz},
		Sources: []graphmodel.Source{{Key: "a", Publisher: "A", Title: "a", Published: graphmodel.YearDate(2025), Kind: "news"},
			{Key: "b", Publisher: "B", Title: "b", Published: graphmodel.YearDate(2025), Kind: "tracker"}}}
	for i := range rels {
		rels[i].Type, rels[i].Status, rels[i].Confidence, rels[i].Note = graphmodel.Received, graphmodel.Completed, graphmodel.Reported, "x"
	}
	d.Relationships = rels
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLinkRule(t *testing.T) {
	about := func(v int64) graphmodel.Count { return graphmodel.Count{Value: v, Qualifier: graphmodel.About} }
	d := linkDataset(t,
		graphmodel.Relationship{Key: "old", FromCountry: "ZZ", ToCountry: "PA", Date: graphmodel.On(graphmodel.MonthDate(2025, 2)), Count: about(300), Sources: []string{"a"}},
		graphmodel.Relationship{Key: "old-march", FromCountry: "ZZ", ToCountry: "PA", Date: graphmodel.On(graphmodel.MonthDate(2025, 3)), Count: about(300), Sources: []string{"a"}},
		graphmodel.Relationship{Key: "new", FromCountry: "ZZ", ToCountry: "PA", Date: graphmodel.On(graphmodel.DayDate(2025, 2, 12)), Count: about(290), Sources: []string{"b"}},
		graphmodel.Relationship{Key: "new-far", FromCountry: "ZZ", ToCountry: "PA", Date: graphmodel.On(graphmodel.DayDate(2025, 2, 13)), Count: about(100), Sources: []string{"b"}},
	)
	ms := Link(d, map[string]bool{"new": true, "new-far": true}, LinkAuto)
	// new: only "old" overlaps in date (February); 290 vs 300 gives
	// 0.5 + 0.5·290/300 = 0.983: linked. new-far: about 100 is [80, 120],
	// about 300 is [240, 360]: incompatible, listed at 0.25, not linked.
	if len(ms) != 2 || ms[0].New != "new" || ms[0].Existing[0] != "old" || ms[0].Score != 0.983 || !ms[0].Linked ||
		ms[1].New != "new-far" || ms[1].Score != 0.25 || ms[1].Linked {
		t.Fatalf("matches %+v", ms)
	}
	if d.Relationships[0].Event != "ev-old" || d.Relationships[2].Event != "ev-old" || d.Relationships[1].Event != "" || d.Relationships[3].Event != "" {
		t.Errorf("events %q %q %q %q", d.Relationships[0].Event, d.Relationships[1].Event, d.Relationships[2].Event, d.Relationships[3].Event)
	}
	// Two existing events both decisive: ambiguous, nothing is linked.
	d = linkDataset(t,
		graphmodel.Relationship{Key: "x", FromCountry: "ZZ", ToCountry: "PA", Date: graphmodel.On(graphmodel.MonthDate(2025, 2)), Count: about(300), Sources: []string{"a"}},
		graphmodel.Relationship{Key: "y", FromCountry: "ZZ", ToCountry: "PA", Date: graphmodel.On(graphmodel.YearDate(2025)), Count: about(300), Sources: []string{"a"}},
		graphmodel.Relationship{Key: "n", FromCountry: "ZZ", ToCountry: "PA", Date: graphmodel.On(graphmodel.DayDate(2025, 2, 12)), Count: about(300), Sources: []string{"b"}},
	)
	ms = Link(d, map[string]bool{"n": true}, LinkAuto)
	if len(ms) != 2 || ms[0].Linked || ms[1].Linked || d.Relationships[2].Event != "" {
		t.Errorf("ambiguous candidates linked: %+v", ms)
	}
	if ms := Link(d, map[string]bool{"n": true}, LinkNone); ms != nil {
		t.Errorf("none: %+v", ms)
	}
}

func FuzzNoteCounts(f *testing.F) {
	reg := iso3166.Registry()
	f.Add("roughly 40 Eritreans", "40")
	f.Add("at least 1,200 people", "12")
	f.Fuzz(func(t *testing.T, note, raw string) {
		c, err := ParseCount(raw)
		if err != nil {
			return
		}
		got, problem := reconcileNoteCount(reg, raw, c, note)
		if got.Value != c.Value || (problem != "" && got != c) {
			t.Errorf("%q / %q: %v -> %v, %q", note, raw, c, got, problem)
		}
	})
}
