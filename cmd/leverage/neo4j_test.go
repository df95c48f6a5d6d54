package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel/neostore"
	"github.com/leverage-project/leverage/internal/testgate"
)

func needNeo4j(t *testing.T) {
	t.Helper()
	testgate.Require(t, !testing.Short() && os.Getenv("NEO4J_URI") != "", "needs NEO4J_URI and no -short (bash .ci/run starts a server)")
	testgate.LockNeo4j(t)
}

func TestLoadQueryAndAnalyzeFromNeo4j(t *testing.T) {
	needNeo4j(t)
	out, errs, code := runCLI(t, "load", "--replace")
	if code != 0 {
		t.Fatalf("load: exit %d: %s", code, errs)
	}
	// Seed 1.2.0 (fixtures/seed/CHANGELOG.md): 111 relationships; 5 articles
	// and 5 statements; 49 countries and 4 other actors.
	if !strings.Contains(out, "111 relationships, 10 sources, 53 countries") {
		t.Errorf("load output: %s", out)
	}
	// A second load changes nothing.
	out, _, _ = runCLI(t, "load")
	if !strings.Contains(out, "database now holds 111 relationships, 10 sources, 53 countries") {
		t.Errorf("second load: %s", out)
	}
	emb, _, _ := runCLI(t, "analyze", "--format", "json")
	neo, errs, code := runCLI(t, "analyze", "--neo4j", "--format", "json")
	if code != 0 || neo != emb {
		t.Errorf("analyze --neo4j differs from the embedded analysis (exit %d, %s)", code, errs)
	}
	out, errs, code = runCLI(t, "query", "where_nationals_went", "--param", "nationality=VE", "--format", "csv")
	if code != 0 || !strings.Contains(out, "SV,") || !strings.Contains(out, "\nreceiver,name,date") {
		t.Errorf("named query: exit %d %s\n%s", code, errs, out)
	}
	out, _, code = runCLI(t, "query", "--list")
	if code != 0 || strings.Count(out, " — ") < 20 {
		t.Errorf("query --list: %s", out)
	}
	_, errs, code = runCLI(t, "query", "--cypher", "MATCH (c:Country) DETACH DELETE c")
	if code != exitUsage || !strings.Contains(errs, "--write") {
		t.Errorf("write not refused: exit %d %s", code, errs)
	}
	_, errs, code = runCLI(t, "query", "--timeout", "1s", "--cypher", "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)")
	if code != exitFailure || !strings.Contains(errs, "timeout") {
		t.Errorf("timeout: exit %d %s", code, errs)
	}
	xlsx := filepath.Join(t.TempDir(), "hubs.xlsx")
	if _, errs, code := runCLI(t, "query", "receiving_hubs", "--format", "xlsx", "--out", xlsx); code != 0 {
		t.Fatal(errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// By hand from relationships.csv: Costa Rica received CN, IN, NP, AF,
	// RU, PK and YE (7 named nationalities, besides unspecified); Panama
	// AF, CN, IN, IR, UZ and BD (6; Cameroonians were only planned).
	if v, _ := f.GetCellValue("Result", "A2"); v != "CR" {
		t.Errorf("xlsx A2 = %q, want CR", v)
	}
}

func TestNeo4jConnectionErrorIsOneLine(t *testing.T) {
	needNeo4j(t)
	_, errs, code := runCLI(t, "analyze", "--neo4j", "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != exitFailure || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, "connection refused") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	s, err := neostore.Open(context.Background(), neostore.ConfigFromEnv())
	if err == nil {
		s.Close(context.Background())
	}
}
