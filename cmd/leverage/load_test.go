package main

import (
	"path/filepath"
	"strings"
	"testing"
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
	if code != 0 || !strings.Contains(out, "valid: 103 relationships") || !strings.Contains(out, "exactly the dataset loaded") || !strings.Contains(out, "beside it: nothing else") {
		t.Fatalf("validate after the refusal: exit %d %s %s", code, out, errs)
	}
	out, errs, code = runCLI(t, "load", "--data", dir, "--merge")
	if code != 0 || !strings.Contains(out, "replaced leverage-seed") {
		t.Fatalf("load --merge: exit %d %s %s", code, out, errs)
	}
	out, _, _ = runCLI(t, "validate", "--neo4j")
	if !strings.Contains(out, "leverage-seed+leverage-synthetic") || !strings.Contains(out, "valid: 403 relationships") {
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
