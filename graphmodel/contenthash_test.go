package graphmodel_test

import (
	"context"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

// The streaming hasher gives Dataset.ContentHash whatever order the
// relationships arrive in, and leaves no spill file behind.
func TestContentHasherEqualsContentHash(t *testing.T) {
	seed, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	g, _ := fixtures.NewGenerator(fixtures.GenerateOptions{Seed: 2, Relationships: 5000, Countries: 80})
	syn, err := g.Dataset(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*graphmodel.Dataset{seed, syn} {
		for _, shuffle := range []bool{false, true} {
			order := make([]int, len(d.Relationships))
			for i := range order {
				order[i] = i
			}
			if shuffle {
				rand.New(rand.NewPCG(1, 2)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			}
			dir := t.TempDir()
			h := graphmodel.NewContentHasher(dir)
			for _, i := range order {
				if err := h.Add(&d.Relationships[i]); err != nil {
					t.Fatal(err)
				}
			}
			got, err := h.Sum(d.Countries, d.Sources)
			if err != nil {
				t.Fatal(err)
			}
			if want := d.ContentHash(); got != want {
				t.Errorf("%s shuffled=%v: streamed hash %s, ContentHash %s", d.Meta.Name, shuffle, got, want)
			}
			if err := h.Close(); err != nil {
				t.Fatal(err)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("spill files left: %v", left)
			}
		}
	}
}
