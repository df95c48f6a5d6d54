package neostore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

func TestLibraryIsDocumented(t *testing.T) {
	lib := neostore.Library()
	plain := 0
	for _, q := range lib {
		if q.Title == "" || q.Description == "" {
			t.Errorf("%s: missing title or description", q.Name)
		}
		if !strings.HasPrefix(q.Name, "pattern_") {
			plain++
		}
	}
	if plain < 12 {
		t.Errorf("%d documented queries besides patterns, want at least 12", plain)
	}
	for _, p := range analysis.Patterns {
		if _, err := neostore.LookupQuery("pattern_" + p.Name); err != nil {
			t.Errorf("pattern %s has no Cypher twin", p.Name)
		}
	}
}

// The same catalogue in Go and in Cypher finds the same matches on the seed.
func TestNeo4jPatternsMatchGo(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := seed(t)
	if _, err := s.Load(ctx, d, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range analysis.Patterns {
		var want []string
		seen := map[string]bool{}
		for _, m := range p.Find(d, analysis.Window{}) {
			k := string(m.Country) + "<" + string(m.Other)
			if !seen[k] {
				seen[k] = true
				want = append(want, k)
			}
		}
		q, _ := neostore.LookupQuery("pattern_" + p.Name)
		res, err := s.Query(ctx, q.Cypher, nil, neostore.QueryOptions{})
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		var got []string
		for _, row := range res.Rows {
			got = append(got, fmt.Sprint(row[0])+"<"+fmt.Sprint(row[1]))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: Cypher %v, Go %v", p.Name, got, want)
		}
	}
}

// Every library query runs on the seed and returns rows.
func TestNeo4jLibraryRuns(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := seed(t)
	if _, err := s.Load(ctx, d, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	// The queries over stored metrics need an analysis in the graph.
	if _, err := s.WriteAnalysis(ctx, analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1).NodeMetrics(), 0); err != nil {
		t.Fatal(err)
	}
	params := map[string]any{"nationality": "VE", "country": "PA", "id": "paid-us-rw-2025-04", "source": "cbs-2025-02-panama",
		"layer": "flow", "from": neo4j.DateOf(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)), "to": neo4j.DateOf(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC))}
	for _, q := range neostore.Library() {
		res, err := s.Query(ctx, q.Cypher, params, neostore.QueryOptions{})
		if err != nil {
			t.Errorf("%s: %v", q.Name, err)
			continue
		}
		// Seed 1.1.0 records no payment_tie, so no payment is tied to an
		// acceptance yet.
		if len(res.Rows) == 0 && q.Name != "pattern_travel_ban_acceptance" && q.Name != "travel_ban_outcomes" &&
			!(q.Name == "pattern_payment_acceptance" && !anyTied(d)) {
			t.Errorf("%s: no rows on the seed", q.Name)
		}
	}
	// Receiving hubs: Panama and Costa Rica lead (Panama 9 nationalities incl. unspecified).
	q, _ := neostore.LookupQuery("receiving_hubs")
	res, _ := s.Query(ctx, q.Cypher, nil, neostore.QueryOptions{})
	if res.Rows[0][0] != "PA" && res.Rows[0][0] != "CR" {
		t.Errorf("top receiving hub %v", res.Rows[0])
	}
}

func TestNeo4jReadOnlyByDefault(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, q := range []string{
		"CREATE (x:Test) RETURN x",
		"MATCH (c:Country) SET c.x = 1",
		"MATCH (c:Country) DETACH DELETE c",
		"MERGE (x:Test {a: 1})",
		"LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
		"CREATE INDEX test_idx IF NOT EXISTS FOR (n:Test) ON (n.a)",
	} {
		_, err := s.Query(ctx, q, nil, neostore.QueryOptions{})
		if err == nil || !strings.Contains(err.Error(), "--write") {
			t.Errorf("%q: got %v, want a refusal naming --write", q, err)
		}
	}
	if _, err := s.Query(ctx, "CREATE (x:Test) RETURN x", nil, neostore.QueryOptions{Write: true}); err != nil {
		t.Errorf("--write refused: %v", err)
	}
	if _, err := s.Query(ctx, "MATCH (n) RETURN n LIMIT", nil, neostore.QueryOptions{}); err == nil || !strings.Contains(err.Error(), "Cypher error") {
		t.Errorf("syntax error: %v", err)
	}
}

func anyTied(d *graphmodel.Dataset) bool {
	for _, r := range d.Relationships {
		if r.PaymentTie == graphmodel.Tied {
			return true
		}
	}
	return false
}
