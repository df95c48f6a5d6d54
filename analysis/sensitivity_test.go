package analysis

import (
	"math"
	"slices"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
)

// The seed's flow layer, by in-strength, worked out by hand from
// fixtures/seed/relationships.csv:
//   - Panama takes "about 300" unspecified people (read 270–330) and six
//     uncounted receptions (1 each): 276–336.
//   - El Salvador's Venezuelans are one event told twice, "at least 200"
//     (New York Times) and "at least 230" (explainer): 200–230, and since
//     each account alone keeps El Salvador a receiver, it rests on neither.
//   - Mexico's 5,400 (+1) rest on the explainer alone: without it Mexico
//     keeps one onward return and leaves the top five.
//
// Six events have two accounts each: 2^6 choices × 3 ends = 192 readings.
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
	if s.Readings != 192 || s.EventSets != 64 {
		t.Errorf("%d readings of %d event choices, want 192 of 64", s.Readings, s.EventSets)
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
		{"PA", 276, 336, nil, true},
		{"SV", 200, 230, nil, true},
		{"MX", 5401, 5401, []string{"explainer-2025-05-cbc"}, true},
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
	// The payment → acceptance of El Salvador has two independent accounts
	// of both payment and reception; Rwanda's payment rests on the New
	// York Times alone.
	for _, p := range s.Patterns {
		if p.Pattern != "payment_acceptance" {
			continue
		}
		want := map[string][]string{"SV": nil, "RW": {"nyt-2025-06-deal-making"}}
		if w, ok := want[p.Country]; ok && !slices.Equal(p.RestsOnAccounts, w) {
			t.Errorf("payment_acceptance %s rests on %v, want %v", p.Country, p.RestsOnAccounts, w)
		}
	}
}
