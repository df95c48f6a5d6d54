package neostore_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// cancelAfter cancels a context once n relationships have been written.
type cancelAfter struct {
	mu     sync.Mutex
	done   int64
	after  int64
	cancel context.CancelFunc
}

func (c *cancelAfter) Start(string, int64) {}
func (c *cancelAfter) Done()               {}
func (c *cancelAfter) Add(n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done += n
	if c.done >= c.after {
		c.cancel()
	}
}

func synthetic(t *testing.T, seed uint64, n int) *graphmodel.Dataset {
	t.Helper()
	g, err := fixtures.NewGenerator(fixtures.GenerateOptions{Seed: seed, Relationships: n, Countries: 150})
	if err != nil {
		t.Fatal(err)
	}
	d, err := g.Dataset(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// loadCancelled starts loading d and cancels it after `after` relationships.
func loadCancelled(t *testing.T, s *neostore.Store, d *graphmodel.Dataset, after int64, replace bool) *neostore.LoadError {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := s.Load(ctx, d, neostore.LoadOptions{BatchSize: 1000, Replace: replace, Progress: &cancelAfter{after: after, cancel: cancel}})
	var le *neostore.LoadError
	if !errors.As(err, &le) || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled load: got %v, want a *LoadError wrapping context.Canceled", err)
	}
	if le.Switched || le.Written < after || le.Written >= int64(len(d.Relationships)) {
		t.Fatalf("cancelled load: switched %v after %d of %d relationships", le.Switched, le.Written, len(d.Relationships))
	}
	return le
}

// A replace cut short leaves the old dataset whole and live, says so, and
// the next load removes the partial copy.
func TestNeo4jInterruptedReplaceKeepsOldDataset(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	old := seed(t)
	if _, err := s.Load(ctx, old, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	next := synthetic(t, 3, 20000)
	le := loadCancelled(t, s, next, 5000, true)
	msg := le.Error()
	for _, want := range []string{"still serves", old.Meta.Name, old.ContentHash(), "unchanged", "next load"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	got, err := s.Read(ctx, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, got, old)
	c, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (neostore.Counts{Countries: actorsOf(old), Sources: int64(len(old.Sources)), Relationships: int64(len(old.Relationships))}); c != want {
		t.Errorf("counts after the interrupted replace: %+v, want %+v", c, want)
	}
	st, err := s.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Live == nil || st.Live.ContentHash != old.ContentHash() {
		t.Fatalf("live dataset after the interrupted replace: %+v", st.Live)
	}
	if len(st.Staging) != 1 || st.Staging[0].ContentHash != next.ContentHash() || st.Staging[0].Relationships < 5000 {
		t.Fatalf("staging after the interrupted replace: %+v", st.Staging)
	}
	if !strings.Contains(st.Describe(), "unfinished load") {
		t.Errorf("status does not mention the partial load: %s", st.Describe())
	}
	// The library's anchored queries do not see the partial copy.
	res, err := s.Query(ctx, "MATCH (:Country)-[r]->(:Country) RETURN count(r)", nil, neostore.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Rows[0][0].(int64); n != int64(len(old.Relationships)) {
		t.Errorf("queries on :Country see %d relationships, want %d", n, len(old.Relationships))
	}

	// Loading the old dataset again removes the partial copy of the other.
	r, err := s.Load(ctx, old, neostore.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.RemovedPartial < 5000 || r.Resumed {
		t.Errorf("reload: removed %d partial relationships, resumed %v", r.RemovedPartial, r.Resumed)
	}
	st, _ = s.Status(ctx)
	if !st.Clean() {
		t.Errorf("after the reload: %s", st.Describe())
	}
	got, err = s.Read(ctx, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, got, old)
	if res, _ := s.Query(ctx, "MATCH (n) WHERE NOT n:Country AND NOT n:Source AND NOT n:Dataset AND NOT n:Serving RETURN count(n)", nil, neostore.QueryOptions{}); res.Rows[0][0] != int64(0) {
		t.Errorf("%v nodes left beside the dataset", res.Rows[0][0])
	}
}

// The next load of the same dataset resumes the staging copy.
func TestNeo4jInterruptedLoadResumes(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := synthetic(t, 4, 20000)
	loadCancelled(t, s, d, 3000, false)
	if st, _ := s.Status(ctx); st.Live != nil {
		t.Fatalf("an interrupted first load made %s live", st.Live)
	}
	r, err := s.Load(ctx, d, neostore.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Resumed || r.Previous != nil {
		t.Errorf("second load: resumed %v, previous %v", r.Resumed, r.Previous)
	}
	got, err := s.Read(ctx, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, got, d)
	if st, _ := s.Status(ctx); !st.Clean() {
		t.Errorf("after the resumed load: %s", st.Describe())
	}
}

// Without Replace, a dataset of another name is refused and nothing is written.
func TestNeo4jLoadRefusesDifferentDataset(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	old := seed(t)
	if _, err := s.Load(ctx, old, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	other := synthetic(t, 5, 200)
	_, err := s.Load(ctx, other, neostore.LoadOptions{})
	var de *neostore.DifferentDatasetError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "--replace") || !strings.Contains(err.Error(), old.Meta.Name) {
		t.Fatalf("load over another dataset: %v", err)
	}
	st, _ := s.Status(ctx)
	if !st.Clean() || st.Live.ContentHash != old.ContentHash() {
		t.Errorf("after the refusal: live %v, %s", st.Live, st.Describe())
	}
	if _, err := s.Load(ctx, other, neostore.LoadOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Read(ctx, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, got, other)
}

// A streamed load from a CSV directory gives the graph an in-memory load
// gives, with the same content hash; a bad row half-way leaves the old
// dataset whole and nothing of the new one.
func TestNeo4jLoadStreamFromCSV(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := synthetic(t, 8, 12000)
	dir := t.TempDir()
	if err := csvdir.WriteDirContext(context.Background(), dir, d); err != nil {
		t.Fatal(err)
	}
	stream := func(dir string) (neostore.LoadResult, error) {
		head, err := csvdir.ReadHead(dir, iso3166.Registry())
		if err != nil {
			t.Fatal(err)
		}
		return s.LoadStream(ctx, head, func(fn func(*graphmodel.Relationship) error) error {
			_, _, err := csvdir.StreamAhead(ctx, dir, iso3166.Registry(), fn)
			return err
		}, t.TempDir(), neostore.LoadOptions{BatchSize: 2000, Replace: true})
	}
	res, err := stream(dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.ContentHash != d.ContentHash() || res.Countries != actorsOf(d) || res.Relationships != int64(len(d.Relationships)) {
		t.Errorf("streamed load: hash %s (want %s), %d countries (want %d), %d relationships", res.ContentHash, d.ContentHash(), res.Countries, actorsOf(d), res.Relationships)
	}
	got, err := s.Read(ctx, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, got, d)
	st, _ := s.Status(ctx)
	if st.Live.ContentHash != d.ContentHash() || !st.Clean() {
		t.Errorf("after the streamed load: live %v, %s", st.Live, st.Describe())
	}

	// Break a row near the end: the load fails as invalid data, the old
	// dataset stays, and no staging copy is left.
	bad := synthetic(t, 9, 12000)
	bad.Relationships[11000].Confidence = "certain"
	badDir := t.TempDir()
	if err := csvdir.WriteDirContext(context.Background(), badDir, bad); err != nil {
		t.Fatal(err)
	}
	_, err = stream(badDir)
	var le *neostore.LoadError
	if !errors.As(err, &le) || !graphmodel.IsInvalid(err) || !le.PartialRemoved || !strings.Contains(err.Error(), "confidence") {
		t.Fatalf("load of a bad row: %v", err)
	}
	got, err = s.Read(ctx, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	assertSame(t, got, d)
	if st, _ := s.Status(ctx); !st.Clean() {
		t.Errorf("after the bad load: %s", st.Describe())
	}
}

// Placeholders and groups carry :Placeholder, real countries do not, so a
// research query leaves them out with one clause.
func TestNeo4jPlaceholdersLabelled(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := seed(t)
	if _, err := s.Load(ctx, d, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	var want []string
	seen := map[graphmodel.Code]bool{}
	for _, r := range d.Relationships {
		for _, c := range []graphmodel.Code{r.FromCountry, r.ToCountry} {
			if country, _ := d.Registry.Country(c); !seen[c] && country.Kind != graphmodel.KindCountry {
				want = append(want, string(c))
			}
			seen[c] = true
		}
	}
	sort.Strings(want)
	res, err := s.Query(ctx, "MATCH (c:Placeholder) WITH c ORDER BY c.code RETURN collect(c.code)", nil, neostore.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range res.Rows[0][0].([]any) {
		got = append(got, x.(string))
	}
	if len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf(":Placeholder nodes %v, want %v", got, want)
	}
}
