package csvdir_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

func syntheticDir(t *testing.T, n int) string {
	t.Helper()
	g, err := fixtures.NewGenerator(fixtures.GenerateOptions{Seed: 3, Relationships: n})
	if err != nil {
		t.Fatal(err)
	}
	d, err := g.Dataset(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := csvdir.WriteDirContext(context.Background(), dir, d); err != nil {
		t.Fatal(err)
	}
	return dir
}

// StreamAhead must hand fn exactly what Stream hands it, in the same order,
// batch boundaries included (5000 is not a multiple of the batch size).
func TestStreamAheadSameAsStream(t *testing.T) {
	dir := syntheticDir(t, 5000)
	var want, got []graphmodel.Relationship
	_, n1, err := csvdir.Stream(dir, iso3166.Registry(), func(r *graphmodel.Relationship) error { want = append(want, *r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	_, n2, err := csvdir.StreamAhead(context.Background(), dir, iso3166.Registry(), func(r *graphmodel.Relationship) error { got = append(got, *r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if n1 != 5000 || n2 != n1 || len(got) != len(want) {
		t.Fatalf("Stream %d (%d seen), StreamAhead %d (%d seen)", n1, len(want), n2, len(got))
	}
	for i := range want {
		if want[i].Key != got[i].Key || want[i].Note != got[i].Note || want[i].Date != got[i].Date {
			t.Fatalf("row %d: %s from Stream, %s from StreamAhead", i, want[i].Key, got[i].Key)
		}
	}
}

func TestStreamAheadStops(t *testing.T) {
	dir := syntheticDir(t, 5000)
	stop := errors.New("enough")
	seen := 0
	_, _, err := csvdir.StreamAhead(context.Background(), dir, iso3166.Registry(), func(*graphmodel.Relationship) error {
		if seen++; seen == 1500 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 1500 {
		t.Errorf("fn's error: got %v after %d rows, want %v after 1500", err, seen, stop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	seen = 0
	_, _, err = csvdir.StreamAhead(ctx, dir, iso3166.Registry(), func(*graphmodel.Relationship) error {
		if seen++; seen == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || seen > 2*1024 {
		t.Errorf("cancelled: got %v after %d rows", err, seen)
	}
}

// An invalid row reports the same positioned error Stream reports.
func TestStreamAheadInvalidRow(t *testing.T) {
	dir := syntheticDir(t, 3000)
	path := filepath.Join(dir, csvdir.RelationshipsFile)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, "bad-row,,received,US,QQ,2025-01-01,happened,,,,,,,reported,syn-src-000000,\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, want := csvdir.Stream(dir, iso3166.Registry(), func(*graphmodel.Relationship) error { return nil })
	_, _, got := csvdir.StreamAhead(context.Background(), dir, iso3166.Registry(), func(*graphmodel.Relationship) error { return nil })
	if want == nil || got == nil || want.Error() != got.Error() {
		t.Errorf("Stream says %v, StreamAhead says %v", want, got)
	}
}
