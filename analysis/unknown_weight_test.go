package analysis

import (
	"math"
	"slices"
	"testing"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/fixtures"
)

// The flow layer's weights are the articles' numbers, never a number plus
// one per claim no source sizes. By hand, from ../shared/seeds:
//   - Panama: "Panama took about 300 deportees from Africa, Central Asia
//     and elsewhere in February" (002); CBS's first flight (000) and the
//     explainer's Bangladeshis (003) are among them and give no number:
//     300 (it was 306, one per nationality row).
//   - Costa Rica: "Costa Rica took 200 deportees, including citizens of
//     China, India and Nepal, as well as a Yemeni family of three" (002):
//     200 (it was 207).
//   - Guatemala: "the U.S. deported a group of Mexicans to Guatemala"
//     (002), no number: an edge (in-degree 1) weighing nothing (it was 1).
//   - Mexico: "more than 5,400" (003), and Guatemala's unsized onward
//     return of the Mexicans adds nothing: 5,400 (it was 5,401).
func TestFlowWeightsAreTheArticlesCounts(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	g := View(d, LayerFlow, Window{})
	_, in, _, inS := network.Degrees(g)
	for _, tt := range []struct {
		code     string
		inDegree int
		people   float64
	}{{"PA", 7, 300}, {"CR", 8, 200}, {"GT", 1, 0}, {"MX", 2, 5400}} {
		i, ok := g.Index(tt.code)
		if !ok {
			t.Errorf("%s not in the flow layer", tt.code)
			continue
		}
		// Degrees here run on the whole layer graph, the unspecified
		// nationality (ZZ) included: Panama's 6 nationalities and ZZ,
		// Costa Rica's 7 and ZZ, Mexico's ZZ and Guatemala.
		if inS[i] != tt.people {
			t.Errorf("%s in-strength %v, want %v (the articles' count, no 1 per unsized row)", tt.code, inS[i], tt.people)
		}
		if in[i] != tt.inDegree {
			t.Errorf("%s in-degree %d, want %d: an unsized flow is still an edge", tt.code, in[i], tt.inDegree)
		}
	}
}

// The seed's onward layer, without placeholders, is Panama→Bangladesh and
// Guatemala→Mexico, neither sized by its source: no known weight at all,
// where modularity (a share of the total weight) is undefined. The
// communities then run on unit weights and say so; by hand, two pairs
// on two edges, and Costa Rica (its only return goes to unspecified
// origins, a placeholder) alone: Q = 2·(1/2 − (2/4)²) = 0.5.
func TestOnwardLayerWithoutKnownWeightsGivesModularity(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	lr := NewResults(d, Window{}, Options{}, 1).Layer(LayerOnward)
	c := lr.Communities()
	want := [][]string{{"BD", "PA"}, {"GT", "MX"}, {"CR"}}
	if math.IsNaN(c.Modularity) || math.Abs(c.Modularity-0.5) > 1e-12 || !slices.EqualFunc(c.Members, want, slices.Equal) {
		t.Errorf("onward communities %v, modularity %v; want %v, 0.5", c.Members, c.Modularity, want)
	}
	if !c.Unweighted {
		t.Error("onward communities not marked as found on unit weights")
	}
	if lr.UnknownWeight != 5 || lr.WeightNote() == "" {
		// PA→BD, GT→MX, MX→ZZ unsized; PA→ZZ (81) and CR→ZZ (107) sized;
		// the planned PA→ZZ and GT→central America unsized: 5 of 7.
		t.Errorf("onward: %d relationships of unknown weight (%q), want 5", lr.UnknownWeight, lr.WeightNote())
	}
}
