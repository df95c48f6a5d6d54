package neostore_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// Readers running throughout repeated replaces each see one generation:
// every count is the size of one of the two datasets, never a mixture
// (the issue measured 4 of 338 counts mixed, or from neither, before
// readers were pinned). The loop is bounded (10 replaces); however the
// reads interleave with the switches, the assertion is the same, so the
// test has no race of its own. Query, Count and Read are the readers.
func TestNeo4jReadersDuringReplaceSeeOneGeneration(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	big, small := synthetic(t, 21, 20000), synthetic(t, 22, 12000)
	sizes := map[int64]bool{int64(len(big.Relationships)): true, int64(len(small.Relationships)): true}
	if len(sizes) != 2 {
		t.Fatal("the two datasets have the same size")
	}
	if _, err := s.Load(ctx, big, neostore.LoadOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	var (
		mu     sync.Mutex
		counts []int64
		errs   []error
		wg     sync.WaitGroup
	)
	done := make(chan struct{})
	record := func(n int64, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs = append(errs, err)
		} else {
			counts = append(counts, n)
		}
	}
	reader := func(read func() (int64, error)) {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			record(read())
		}
	}
	wg.Add(3)
	go reader(func() (int64, error) {
		res, err := s.Query(ctx, "MATCH (a:Country)-[r]->(b:Country) RETURN count(r)", nil, neostore.QueryOptions{Timeout: time.Minute})
		if err != nil {
			return 0, err
		}
		return res.Rows[0][0].(int64), nil
	})
	go reader(func() (int64, error) {
		c, err := s.Count(ctx)
		return c.Relationships, err
	})
	go reader(func() (int64, error) {
		d, err := s.Read(ctx, seed(t).Registry)
		if err != nil {
			return 0, err
		}
		return int64(len(d.Relationships)), nil
	})
	for i := 0; i < 10; i++ {
		d := small
		if i%2 == 1 {
			d = big
		}
		if _, err := s.Load(ctx, d, neostore.LoadOptions{Replace: true}); err != nil {
			close(done)
			wg.Wait()
			t.Fatalf("replace %d: %v", i, err)
		}
	}
	close(done)
	wg.Wait()
	for _, err := range errs {
		t.Errorf("read failed: %v", err)
	}
	bad := 0
	seen := map[int64]int{}
	for _, n := range counts {
		if !sizes[n] {
			bad++
			seen[n]++
		}
	}
	if bad > 0 {
		t.Logf("counts seen that are neither size: %v", seen)
	}
	t.Logf("%d reads during 10 replaces; %d saw neither %d nor %d", len(counts), bad, len(big.Relationships), len(small.Relationships))
	if bad > 0 {
		t.Errorf("%d of %d reads saw a mixture or neither dataset", bad, len(counts))
	}
}

// Every library query reads the served dataset only, not an unfinished
// load beside it: each gives the same rows with a partial copy of another
// dataset in the database as without. monthly_timeline, the one query
// that did not start from :Country, counted the partial copy's
// relationships too.
func TestNeo4jLibraryIgnoresPartialLoad(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := synthetic(t, 31, 3000)
	if _, err := s.Load(ctx, d, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	first := d.Relationships[0]
	params := map[string]any{"nationality": string(first.FromCountry), "country": string(first.ToCountry), "id": first.Key,
		"source": first.Sources[0], "layer": "flow", "from": neo4j.DateOf(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)),
		"to": neo4j.DateOf(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))}
	run := func() map[string]string {
		out := map[string]string{}
		for _, q := range neostore.Library() {
			p := map[string]any{}
			for _, name := range q.Params {
				name, _, _ = strings.Cut(name, " ")
				p[name] = params[name]
			}
			res, err := s.Query(ctx, q.Cypher, p, neostore.QueryOptions{})
			if err != nil {
				t.Fatalf("%s: %v", q.Name, err)
			}
			out[q.Name] = fmt.Sprint(res.Rows)
		}
		return out
	}
	before := run()
	loadCancelled(t, s, synthetic(t, 32, 3000), 1500, true)
	after := run()
	for name, rows := range before {
		if after[name] != rows {
			t.Errorf("%s: the partial load changed the rows", name)
		}
	}
}

// A load killed between its two token writes leaves the token saying
// "switching": readers wait for it (here 1 s), then fail saying so, and
// the next load repairs it.
func TestNeo4jStuckSwitchingTokenRepairedByNextLoad(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	defer neostore.SetPinWait(time.Second)()
	d := synthetic(t, 41, 300)
	if _, err := s.Load(ctx, d, neostore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Query(ctx, "MATCH (v:Serving) SET v.token = 'switching:killed'", nil, neostore.QueryOptions{Write: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Count(ctx); err == nil || !strings.Contains(err.Error(), "switching the served dataset") {
		t.Errorf("count with a stuck token: %v", err)
	}
	if _, err := s.Load(ctx, synthetic(t, 42, 200), neostore.LoadOptions{Replace: true}); err != nil {
		t.Fatalf("the next load: %v", err)
	}
	c, err := s.Count(ctx)
	if err != nil || c.Relationships != 200 {
		t.Errorf("after the repairing load: %+v %v", c, err)
	}
}
