package analysis

import (
	"math"
	"slices"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
)

// The seed's flow layer, by in-strength, worked out by hand from
// fixtures/seed/relationships.csv:
//   - Panama takes "about 300" unspecified people (read 270–330); its six
//     nationality rows are part of that group and weigh nothing: 270–330.
//   - El Salvador's Venezuelans are one event told twice, "at least 200"
//     (New York Times) and "at least 230" (explainer): 200–230, and since
//     each account alone keeps El Salvador a receiver, it rests on neither.
//   - Mexico's 5,400 (Guatemala's unsized return of Mexicans weighs
//     nothing) rest on the explainer alone: without it Mexico
//     keeps one onward return and leaves the top five.
//
// Seed 1.2.0 has seven events told more than once: six with two accounts
// (El Salvador's agreement, its Venezuelans, its payment, Kosovo's up to
// 50, Mongolia's approach, the group's agreement) and Ukraine's approach
// with three: 2^6 × 3 = 192 choices × 3 ends = 576 readings.
func TestSensitivitySeedFlowByHand(t *testing.T) {
	const wantTol = 1e-9
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	s, err := SensitivityOf(d, LayerFlow, "in_strength", 5, Window{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s.Readings != 576 || s.EventSets != 192 {
		t.Errorf("%d readings of %d event choices, want 576 of 192", s.Readings, s.EventSets)
	}
	hubs := map[string]HubRange{}
	for _, h := range s.Hubs {
		hubs[h.Node] = h
	}
	for _, tt := range []struct {
		node     string
		lo, hi   float64
		restsOn  []string
		topInAll bool
	}{
		// Panama: "about 300" (002), ±10%: 270–330. Its six nationality
		// rows are part of that group (seed 1.3.0) and weigh nothing; they
		// weighed 1 each before, 276–336.
		{"PA", 270, 330, nil, true},
		{"SV", 200, 230, nil, true},
		// Mexico: "more than 5,400" (003); Guatemala's onward return of
		// Mexicans is unsized, so it weighs nothing (it weighed 1: 5401).
		{"MX", 5400, 5400, []string{"explainer-2025-05-cbc"}, true},
	} {
		h, ok := hubs[tt.node]
		if !ok {
			t.Errorf("%s not among the top hubs %v", tt.node, s.Hubs)
			continue
		}
		if math.Abs(h.ValueInterval[0]-tt.lo) > wantTol || math.Abs(h.ValueInterval[1]-tt.hi) > wantTol ||
			!slices.Equal(h.RestsOnAccounts, tt.restsOn) || h.TopInAll != tt.topInAll {
			t.Errorf("%s: %+v, want in-strength %v–%v, resting on %v alone", tt.node, h, tt.lo, tt.hi, tt.restsOn)
		}
	}
	// Mexico's chain return to unspecified origins needs its reception of
	// "at least 5,400" unspecified people, which only the explainer
	// reports (recv-zz-mx-2025-05): without it the match goes.
	found := false
	for _, p := range s.Patterns {
		if p.Pattern == "chain_return" && p.Country == "MX" && p.Other == "ZZ" {
			found = true
			if !slices.Equal(p.RestsOnAccounts, []string{"explainer-2025-05-cbc"}) || p.Readings != s.Readings {
				t.Errorf("chain_return MX<ZZ: %+v, want it in every reading, resting on the explainer alone", p)
			}
		}
	}
	if !found {
		t.Error("no chain_return MX<ZZ")
	}
}
