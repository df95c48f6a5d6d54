package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
)

// load over a dataset of another name is refused (exit 2) unless --replace
// or --merge; validate --neo4j says when the graph no longer is what the
// load wrote.
func TestLoadRefusesOtherDatasetAndValidateSeesDivergence(t *testing.T) {
	needNeo4j(t)
	if _, errs, code := runCLI(t, "load", "--replace"); code != 0 {
		t.Fatalf("load: exit %d: %s", code, errs)
	}
	dir := filepath.Join(t.TempDir(), "syn")
	if _, errs, code := runCLI(t, "generate", "--out", dir, "--relationships", "300"); code != 0 {
		t.Fatalf("generate: %s", errs)
	}
	_, errs, code := runCLI(t, "load", "--data", dir)
	if code != exitUsage || !strings.Contains(errs, "leverage-seed") || !strings.Contains(errs, "--replace") || !strings.Contains(errs, "--merge") {
		t.Fatalf("load over another dataset: exit %d, %s", code, errs)
	}
	out, errs, code := runCLI(t, "validate", "--neo4j")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("valid: %d relationships", seedRelationships(t))) || !strings.Contains(out, "exactly the dataset loaded") || !strings.Contains(out, "beside it: nothing else") {
		t.Fatalf("validate after the refusal: exit %d %s %s", code, out, errs)
	}
	out, errs, code = runCLI(t, "load", "--data", dir, "--merge")
	if code != 0 || !strings.Contains(out, "replaced leverage-seed") {
		t.Fatalf("load --merge: exit %d %s %s", code, out, errs)
	}
	out, _, _ = runCLI(t, "validate", "--neo4j")
	if !strings.Contains(out, "leverage-seed+leverage-synthetic") || !strings.Contains(out, fmt.Sprintf("valid: %d relationships", seedRelationships(t)+300)) {
		t.Errorf("validate after --merge: %s", out)
	}
	if _, errs, code := runCLI(t, "query", "--write", "--cypher", "MATCH (:Country)-[r:PAID {id: 'paid-us-rw-2025-04'}]->(:Country) SET r.note = 'edited by hand'"); code != 0 {
		t.Fatalf("query --write: %s", errs)
	}
	out, _, code = runCLI(t, "validate", "--neo4j")
	if code != 0 || !strings.Contains(out, "DIVERGED") {
		t.Errorf("validate after a write: exit %d %s", code, out)
	}
	if out, errs, code := runCLI(t, "load", "--replace"); code != 0 || !strings.Contains(out, "replaced leverage-seed+leverage-synthetic") {
		t.Fatalf("load --replace: exit %d %s %s", code, out, errs)
	}
	out, _, _ = runCLI(t, "validate", "--neo4j")
	if strings.Contains(out, "DIVERGED") || !strings.Contains(out, "exactly the dataset loaded") {
		t.Errorf("validate after the reload: %s", out)
	}
}

// cancelAfter cancels the verb's context once n relationships are written,
// as Ctrl-C part-way through a load would.
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
	if c.done += n; c.done >= c.after {
		c.cancel()
	}
}

// Ctrl-C during load --replace of a streamed 20k dataset: exit 130, the
// message names the dataset still served, and validate --neo4j reports it
// whole with the unfinished copy beside it; the next load removes that.
func TestLoadReplaceInterruptedExits130AndKeepsOldDataset(t *testing.T) {
	needNeo4j(t)
	if _, errs, code := runCLI(t, "load", "--replace"); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	dir := filepath.Join(t.TempDir(), "syn")
	if _, errs, code := runCLI(t, "generate", "--out", dir, "--relationships", "20000"); code != 0 {
		t.Fatalf("generate: %s", errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb bytes.Buffer
	err := run(ctx, []string{"load", "--data", dir, "--replace", "--batch", "1000"}, env{stdout: &out, stderr: &errb, progress: &cancelAfter{after: 4000, cancel: cancel}})
	if code := report(err, &errb); code != exitCancelled {
		t.Fatalf("interrupted load: exit %d, %s", code, errb.String())
	}
	for _, want := range []string{"still serves leverage-seed " + seedVersion(t) + " sha256:", "unchanged", "next load"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("interrupted load: stderr %q does not say %q", errb.String(), want)
		}
	}
	out2, _, code := runCLI(t, "validate", "--neo4j")
	if code != 0 || !strings.Contains(out2, fmt.Sprintf("valid: %d relationships", seedRelationships(t))) || !strings.Contains(out2, "unfinished load of leverage-synthetic") {
		t.Errorf("validate after the interrupted load: exit %d\n%s", code, out2)
	}
	out2, errs, code := runCLI(t, "load")
	if code != 0 || !strings.Contains(out2, "removed an unfinished earlier load") {
		t.Errorf("next load: exit %d %s %s", code, out2, errs)
	}
	if out2, _, _ = runCLI(t, "validate", "--neo4j"); !strings.Contains(out2, "beside it: nothing else") {
		t.Errorf("validate after the next load: %s", out2)
	}
}

// An interrupted first load leaves a database that serves nothing, and
// validate --neo4j says so with exit 1 instead of calling it valid.
func TestValidateNeo4jRefusesUnfinishedFirstLoad(t *testing.T) {
	needNeo4j(t)
	if _, errs, code := runCLI(t, "query", "--write", "--cypher", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"); code != 0 {
		t.Fatalf("emptying the database: %s", errs)
	}
	dir := filepath.Join(t.TempDir(), "syn")
	if _, errs, code := runCLI(t, "generate", "--out", dir, "--relationships", "20000"); code != 0 {
		t.Fatalf("generate: %s", errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb bytes.Buffer
	err := run(ctx, []string{"load", "--data", dir, "--batch", "1000"}, env{stdout: &out, stderr: &errb, progress: &cancelAfter{after: 3000, cancel: cancel}})
	if code := report(err, &errb); code != exitCancelled || !strings.Contains(errb.String(), "still serves no dataset") {
		t.Fatalf("interrupted first load: exit %d, %s", code, errb.String())
	}
	stdout, errs, code := runCLI(t, "validate", "--neo4j")
	if code != exitFailure || strings.Contains(stdout, "valid") || !strings.Contains(errs, "serves no dataset") || !strings.Contains(errs, "unfinished load") {
		t.Errorf("validate --neo4j after an unfinished first load: exit %d\n%s%s", code, stdout, errs)
	}
}

func seedRelationships(t *testing.T) int {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return len(d.Relationships)
}

func seedVersion(t *testing.T) string {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d.Meta.Version
}
