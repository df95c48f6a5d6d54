package analysis

import (
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

// People received on the whole seed, by hand from the articles: Mexico
// "more than 5,400" (003), Panama "about 300" (002), El Salvador's
// Venezuelans "more than 230" (003; the same event as the New York Times'
// "more than 200", counted once on the larger of two reported accounts),
// Costa Rica 200 (002), Uzbekistan's charter with 19 Kazakhs and 20
// Kyrgyz (002; its 92 Uzbeks are its own citizens), Rwanda's one Iraqi
// (002): 5,400 + 300 + 230 + 200 + 39 + 1 = 6,170 in 8 receptions. The
// nationality rows of Panama's and Costa Rica's groups (13, seed 1.3.0
// part_of) are inside those numbers; only "a group of Mexicans" sent to
// Guatemala (002) is a reception no source sizes. Seed 1.2.0 said "plus
// 14 receptions of unknown size" in 21.
func TestSeedTotalsCountGroupsOnce(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	tot := TotalsOf(d, Window{}).All()
	if tot.People != 6170 || tot.Receptions != 8 || tot.UnknownSize != 1 {
		t.Errorf("people %d in %d receptions, plus %d of unknown size; want 6170 in 8, plus 1", tot.People, tot.Receptions, tot.UnknownSize)
	}
	// Costa Rica's profile: 200 people, no reception of unknown size.
	for _, p := range Profiles(d, Window{}) {
		if p.Country == "CR" && (p.PeopleIn != 200 || p.UnknownIn != 0) {
			t.Errorf("Costa Rica received %d, plus %d of unknown size; want 200, plus 0", p.PeopleIn, p.UnknownIn)
		}
	}
}

// A part whose group a window leaves out is a claim of its own again: its
// size unknown, not silently dropped.
func TestPartWithoutItsGroupInTheWindow(t *testing.T) {
	rels := []graphmodel.Relationship{
		{Key: "g", Type: graphmodel.Received, FromCountry: "SY", ToCountry: "CR", Count: graphmodel.Count{Value: 200, Qualifier: graphmodel.Exact}},
		{Key: "p", Type: graphmodel.Received, FromCountry: "NP", ToCountry: "CR", PartOf: "g"},
	}
	if got := WithinGroups(rels); !got[1] || got[0] {
		t.Errorf("both in: %v, want [false true]", got)
	}
	if got := WithinGroups(rels[1:]); got[0] {
		t.Errorf("part alone: %v, want [false]", got)
	}
}
