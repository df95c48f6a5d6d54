package ingest

import (
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
)

// A row copied under a new id, sharing every source, is a duplicate of the
// existing one; a row differing in count, period or sources is not.
func TestDuplicatesByContent(t *testing.T) {
	base := graphmodel.Relationship{Key: "orig", Type: graphmodel.Received, FromCountry: "ZZ", ToCountry: "PA",
		Date: graphmodel.On(graphmodel.MonthDate(2025, 2)), Count: graphmodel.Count{Value: 300, Qualifier: graphmodel.About},
		Sources: []string{"a", "b"}, Note: "n"}
	cp := base
	cp.Key, cp.Note, cp.Sources = "copy", "reworded", []string{"b", "a"}
	other := base
	other.Key, other.Count.Value = "other", 250
	later := base
	later.Key, later.Date = "later", graphmodel.On(graphmodel.MonthDate(2025, 3))
	cp2 := cp
	cp2.Key = "copy2"
	d := &graphmodel.Dataset{Relationships: []graphmodel.Relationship{cp, base, other, later, cp2}}
	got := Duplicates(d, map[string]bool{"copy": true, "other": true, "later": true, "copy2": true})
	want := []Duplicate{{"copy", "orig"}, {"copy2", "orig"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
	// two added copies of a row the dataset lacks: the second repeats the first
	d = &graphmodel.Dataset{Relationships: []graphmodel.Relationship{other, cp, cp2}}
	if got := Duplicates(d, map[string]bool{"copy": true, "copy2": true}); len(got) != 1 || got[0] != (Duplicate{"copy2", "copy"}) {
		t.Errorf("added copies: %v", got)
	}
}
