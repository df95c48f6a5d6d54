package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// Every reader is a graphmodel.DatasetSource: each accepts its own
// locations, and the seed read through each (embedded, written as CSV
// files, written as a workbook) is the same dataset.
func TestDatasetSources(t *testing.T) {
	sources := []graphmodel.DatasetSource{fixtures.SeedSource{}, workbook.FileSource{}, csvdir.DirSource{}, neostore.Source{}}
	for location, want := range map[string]int{"": 0, "embedded:seed": 0, "a/b.XLSX": 1, "data": 2, "./x.csv.d": 2, "bolt://h:7687": 3, "neo4j+s://h": 3} {
		got := -1
		for i, s := range sources {
			if s.Accepts(location) {
				got = i
				break
			}
		}
		if got != want {
			t.Errorf("%q: first accepted by source %d, want %d", location, got, want)
		}
	}
	if _, err := graphmodel.OpenDataset(context.Background(), "http://x", iso3166.Registry(), sources...); err == nil || !strings.Contains(err.Error(), "no dataset source") {
		t.Errorf("http URI: %v", err)
	}
	seed, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	data, book := filepath.Join(dir, "data"), filepath.Join(dir, "seed.xlsx")
	for _, args := range [][]string{{"dataset", "export", data}, {"export", "-o", book}} {
		if _, errs, code := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	for _, location := range []string{"", data, book} {
		d, err := graphmodel.OpenDataset(context.Background(), location, iso3166.Registry(), sources...)
		if err != nil {
			t.Fatalf("%q: %v", location, err)
		}
		if d.ContentHash() != seed.ContentHash() || len(d.Relationships) != len(seed.Relationships) {
			t.Errorf("%q: %d relationships, hash %s; the seed has %d, %s", location, len(d.Relationships), d.ContentHash(), len(seed.Relationships), seed.ContentHash())
		}
	}
}
