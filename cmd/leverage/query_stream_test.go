package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Rows reach the output as they arrive: a query that fails at its 5,000th
// row has already written the rows before it (the server sends them in
// batches of 1,000, so at least 4,000), which a writer holding the whole
// result could not have done. To a file the same failure leaves nothing.
func TestQueryStreamsRows(t *testing.T) {
	needNeo4j(t)
	q := "UNWIND range(1, 5000) AS x RETURN x, 1 / (5000 - x) AS y"
	for _, format := range []string{"csv", "json", "table"} {
		out, errs, code := runCLI(t, "query", "--format", format, "--cypher", q)
		if code != exitFailure || !strings.Contains(errs, "/ by zero") {
			t.Errorf("%s: exit %d, stderr %q", format, code, errs)
		}
		if !strings.Contains(out, "4000") {
			t.Errorf("%s: rows before the failure were not written (%d bytes)", format, len(out))
		}
	}
	dst := filepath.Join(t.TempDir(), "out.csv")
	if _, errs, code := runCLI(t, "query", "--format", "csv", "--out", dst, "--cypher", q); code != exitFailure {
		t.Errorf("--out: exit %d %s", code, errs)
	}
	if _, err := os.Stat(dst); !os.IsNotExist(err) {
		t.Errorf("--out left a file after a failed query: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dst))
	if len(entries) != 0 {
		t.Errorf("--out left %d files behind", len(entries))
	}
}
