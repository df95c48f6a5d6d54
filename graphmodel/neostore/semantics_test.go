package neostore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// load replaces the graph in s by d.
func load(t *testing.T, s *neostore.Store, d *graphmodel.Dataset) {
	t.Helper()
	if err := s.Clear(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(context.Background(), d, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
}

func runLibrary(t *testing.T, s *neostore.Store, name string) [][]any {
	t.Helper()
	q, err := neostore.LookupQuery(name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Query(context.Background(), q.Cypher, nil, neostore.QueryOptions{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res.Rows
}

// patternsAgree loads d and requires every pattern to find the same
// matches in Cypher as in Go.
func patternsAgree(t *testing.T, s *neostore.Store, d *graphmodel.Dataset) map[string][]string {
	t.Helper()
	load(t, s, d)
	out := map[string][]string{}
	for _, p := range analysis.Patterns {
		var want []string
		seen := map[string]bool{}
		for _, m := range p.Find(d, analysis.Window{}) {
			if k := string(m.Country) + "<" + string(m.Other); !seen[k] {
				seen[k] = true
				want = append(want, k)
			}
		}
		var got []string
		for _, row := range runLibrary(t, s, "pattern_"+p.Name) {
			got = append(got, fmt.Sprint(row[0])+"<"+fmt.Sprint(row[1]))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: Cypher %v, Go %v", p.Name, got, want)
		}
		out[p.Name] = want
	}
	return out
}

// receivingHubsOf derives receiving_hubs from the model: receivers that
// are named countries, their distinct named nationalities and the people
// of their counted receptions that happened (a part of a counted group
// adds its nationality, its people being in the group's count).
func receivingHubsOf(d *graphmodel.Dataset) map[string]string {
	counted := analysis.Counted(d.Relationships)
	nats := map[graphmodel.Code]map[graphmodel.Code]bool{}
	people := map[graphmodel.Code]int64{}
	for i := range d.Relationships {
		r := &d.Relationships[i]
		if !analysis.IsReception(r) || analysis.IsPlaceholder(d.Registry, r.ToCountry) {
			continue
		}
		if nats[r.ToCountry] == nil {
			nats[r.ToCountry] = map[graphmodel.Code]bool{}
		}
		if !analysis.IsPlaceholder(d.Registry, r.FromCountry) {
			nats[r.ToCountry][r.FromCountry] = true
		}
		if counted[i] && r.PartOf == "" {
			people[r.ToCountry] += r.Count.Value
		}
	}
	out := map[string]string{}
	for h, n := range nats {
		out[string(h)] = fmt.Sprintf("%d nationalities, %d people", len(n), people[h])
	}
	return out
}

func TestNeo4jReceptionsAndPlaceholdersMatchGo(t *testing.T) {
	s := openTest(t)
	d := seed(t)
	patternsAgree(t, s, d)
	got := map[string]string{}
	for _, row := range runLibrary(t, s, "receiving_hubs") {
		got[fmt.Sprint(row[0])] = fmt.Sprintf("%v nationalities, %v people", row[2], row[3])
	}
	if want := receivingHubsOf(d); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("receiving_hubs: Cypher %v, model %v", got, want)
	}

	// Every reception only planned: nothing was received anywhere.
	planned := *d
	planned.Relationships = append([]graphmodel.Relationship(nil), d.Relationships...)
	for i := range planned.Relationships {
		if planned.Relationships[i].Type == graphmodel.Received {
			planned.Relationships[i].Status = graphmodel.Planned
		}
	}
	m := patternsAgree(t, s, &planned)
	if len(m["chain_return"]) != 0 {
		t.Errorf("chain_return on planned receptions only: %v", m["chain_return"])
	}
	if rows := runLibrary(t, s, "receiving_hubs"); len(rows) != 0 {
		t.Errorf("receiving_hubs on planned receptions only: %v", rows)
	}
	for _, row := range runLibrary(t, s, "monthly_timeline") {
		if fmt.Sprint(row[4]) != "0" {
			t.Errorf("timeline %v: receptions of planned claims", row)
		}
	}

	// A placeholder under another code than ZZ: the rules follow its kind.
	reg, err := d.Registry.With([]graphmodel.Country{{Code: "XQ", Name: "Unnamed origins (test)", Kind: graphmodel.KindUnspecified}})
	if err != nil {
		t.Fatal(err)
	}
	other := *d
	other.Registry = reg
	other.Countries = append(append([]graphmodel.Country(nil), d.Countries...), graphmodel.Country{Code: "XQ", Name: "Unnamed origins (test)", Kind: graphmodel.KindUnspecified})
	other.Relationships = append(append([]graphmodel.Relationship(nil), d.Relationships...), graphmodel.Relationship{
		Key: "onw-rw-xq-test", Type: graphmodel.OnwardReturn, FromCountry: "RW", ToCountry: "XQ", Date: graphmodel.On(graphmodel.MonthDate(2025, 5)),
		Status: graphmodel.Completed, Confidence: graphmodel.Reported, Sources: []string{d.Sources[0].Key}, Note: "test row"})
	m = patternsAgree(t, s, &other)
	found := false
	for _, k := range m["chain_return"] {
		found = found || k == "RW<XQ"
	}
	if !found {
		t.Errorf("chain_return %v lacks RW<XQ: XQ is of kind unspecified", m["chain_return"])
	}
}

// Cypher's timeline has the rows of Go's that hold events, in the same
// order, with the same counts; coarse dates are in their own rows in both.
func TestNeo4jTimelineMatchesGo(t *testing.T) {
	s := openTest(t)
	// The time-model fixture adds periods ("../2025-05"), an event told
	// twice, a presser's account and another state's claims.
	tm, err := csvdir.ReadDir("../../analysis/testdata/timemodel", iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*graphmodel.Dataset{seed(t), tm} {
		load(t, s, d)
		var want []string
		for _, m := range analysis.Timeline(d, analysis.Window{}) {
			if m.Approaches+m.Receptions+m.Payments == 0 {
				continue // Go lists empty months for a continuous axis
			}
			want = append(want, fmt.Sprintf("%s %s %d %d %d %d", m.Label, m.Precision, m.Approaches, m.Agreements, m.Receptions, m.Payments))
		}
		var got []string
		for _, row := range runLibrary(t, s, "monthly_timeline") {
			got = append(got, fmt.Sprintf("%v %v %v %v %v %v", row...))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s monthly_timeline:\n Cypher %q\n Go     %q", d.Meta.Name, got, want)
		}
		coarse := 0
		for _, g := range got {
			if strings.Contains(g, ", month unknown") {
				coarse++
			}
		}
		if coarse == 0 {
			t.Errorf("%s: no coarse row: both datasets have year-dated or period-dated claims", d.Meta.Name)
		}
	}
}
