package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/internal/textdiff"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// runCLI runs the CLI in-process and returns stdout, stderr and exit code.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, env{stdout: &out, stderr: &errb})
	code := report(err, &errb)
	return out.String(), errb.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/leverage -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./cmd/leverage -update to accept):\n%s", name, textdiff.Lines(string(want), got))
	}
}

func TestValidateEmbedded(t *testing.T) {
	out, errs, code := runCLI(t, "validate")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// Seed 1.2.0 (fixtures/seed/CHANGELOG.md): 109 rows of 1.1.0 and 2 added
	// (the UK's scrapping of its Rwanda plan, the group's favours); 5 articles and 5 statements they quote, in 3 independent accounts
	// (CBS; the NYT with its republication, the summary and 4 statements;
	// the explainer with the Rwandan minister's statement).
	if !strings.Contains(out, "valid: 111 relationships, 10 sources (3 independent accounts)") {
		t.Errorf("unexpected summary: %s", out)
	}
}

func TestStatsGolden(t *testing.T) {
	out, errs, code := runCLI(t, "stats")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "stats.golden", out)
	out, _, code = runCLI(t, "stats", "--format", "json")
	if code != 0 || !strings.Contains(out, `"relationships": 111`) {
		t.Errorf("json stats: exit %d\n%s", code, out)
	}
}

// stats must list every country the articles name; the seed's own test
// checks the list, this checks the verb prints them all.
func TestStatsListsEveryActor(t *testing.T) {
	d, _ := fixtures.Seed()
	out, _, _ := runCLI(t, "stats")
	for _, r := range d.Relationships {
		for _, c := range []string{string(r.FromCountry), string(r.ToCountry)} {
			if !strings.Contains(out, "\n"+c+" ") {
				t.Errorf("stats does not list %s", c)
			}
		}
	}
}

func TestDatasetExportRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mydata")
	if _, errs, code := runCLI(t, "dataset", "export", dir); code != 0 {
		t.Fatalf("export exit %d: %s", code, errs)
	}
	for _, name := range []string{"meta.csv", "countries.csv", "sources.csv", "relationships.csv"} {
		want, _ := fixtures.SeedFS.ReadFile("seed/" + name)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: exported bytes differ from the embedded dataset (%v)", name, err)
		}
	}
	out, errs, code := runCLI(t, "validate", "--data", dir)
	if code != 0 {
		t.Fatalf("validate exported: exit %d: %s", code, errs)
	}
	emb, _, _ := runCLI(t, "validate")
	if out != emb {
		t.Errorf("validate of export differs from embedded:\n%s\nvs\n%s", out, emb)
	}
	// The same dataset again changes nothing and may go ahead; another
	// dataset over it is refused without --force, naming what is there.
	if _, errs, code := runCLI(t, "dataset", "export", dir); code != 0 {
		t.Errorf("re-export of the same dataset: exit %d, %s", code, errs)
	}
	rel := filepath.Join(dir, "relationships.csv")
	b, _ := os.ReadFile(rel)
	lines := strings.SplitAfter(string(b), "\n")
	edited := strings.Join(lines[:len(lines)-2], "")
	if err := os.WriteFile(rel, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, "dataset", "export", dir); code != 2 || !strings.Contains(errs, "--force") || !strings.Contains(errs, "leverage-seed") {
		t.Errorf("export over another dataset without --force: exit %d, %s", code, errs)
	}
	if got, _ := os.ReadFile(rel); string(got) != edited {
		t.Errorf("refused export still changed %s", rel)
	}
	if _, errs, code := runCLI(t, "dataset", "export", "--force", dir); code != 0 {
		t.Errorf("export --force: exit %d, %s", code, errs)
	}
}

func TestValidateReportsPositionsAndExits3(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bad")
	if _, errs, code := runCLI(t, "dataset", "export", dir); code != 0 {
		t.Fatal(errs)
	}
	path := filepath.Join(dir, csvdir.RelationshipsFile)
	raw, _ := os.ReadFile(path)
	lines := strings.Split(string(raw), "\n")
	// Line 2 of the file (appr-pa-2025-02, dated 2025-01-20/2025-02 since
	// seed 1.2.0): break its date's end; line 3
	// (lev-pa-canal-2025-02): unknown country.
	lines[1] = strings.Replace(lines[1], ",2025-01-20/2025-02,", ",2025-01-20/2025-02-30,", 1)
	lines[2] = strings.Replace(lines[2], ",US,", ",QQ,", 1)
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
	out, errs, code := runCLI(t, "validate", "--data", dir)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitInvalid, errs)
	}
	if out != "" {
		t.Errorf("stdout not empty on invalid data: %q", out)
	}
	for _, want := range []string{
		filepath.Join(dir, "relationships.csv") + ":2:6: appr-pa-2025-02: date: date \"2025-01-20/2025-02-30\"",
		filepath.Join(dir, "relationships.csv") + ":3:4: lev-pa-canal-2025-02: from: unknown country code \"QQ\"",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{nil, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"stats", "--format", "xml"}, exitUsage},
		{[]string{"stats", "--nope"}, exitUsage},
		{[]string{"dataset"}, exitUsage},
		{[]string{"dataset", "export"}, exitUsage},
		{[]string{"generate"}, exitUsage},
		{[]string{"validate", "--data", "/nonexistent/dir"}, exitFailure},
		{[]string{"validate", "--data", "main.go"}, exitUsage},
	}
	for _, tt := range tests {
		if _, errs, code := runCLI(t, tt.args...); code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, errs)
		}
	}
}

func TestHelpOnEveryVerb(t *testing.T) {
	for name := range verbs {
		out, errs, code := runCLI(t, name, "--help")
		if code != 0 || !strings.Contains(out, "Usage: leverage "+name) {
			t.Errorf("%s --help: exit %d, out %q, err %q", name, code, out, errs)
		}
	}
	out, _, code := runCLI(t, "help")
	if code != 0 || !strings.Contains(out, "Exit codes") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

// A cancelled context maps to exit 130 through run (runInterruptible
// returns the context's error even if a verb ignored it); that the verb
// itself stops and writes nothing is TestRunGenerateCancelledWritesNothing.
func TestCancelledExits130(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	err := run(ctx, []string{"generate", "--out", t.TempDir(), "--relationships", "100000"}, env{stdout: &out, stderr: &errb})
	if code := report(err, &errb); code != exitCancelled {
		t.Errorf("exit %d, want 130 (%v)", code, err)
	}
}

func TestGenerateIsValidAndDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, errs, code := runCLI(t, "generate", "--out", dir, "--relationships", "5000", "--seed", "42"); code != 0 {
			t.Fatal(errs)
		}
	}
	for _, name := range []string{"meta.csv", "sources.csv", "relationships.csv"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with one seed", name)
		}
	}
	d, err := csvdir.ReadDir(a, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Relationships) != 5000 {
		t.Errorf("%d relationships, want 5000", len(d.Relationships))
	}
	entries, _ := os.ReadDir(a)
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") {
			t.Errorf("temp file left: %s", e.Name())
		}
	}
}

func TestStreamedExportReadsBack(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "syn")
	if _, errs, code := runCLI(t, "generate", "--out", data, "--relationships", "3000"); code != 0 {
		t.Fatal(errs)
	}
	out := filepath.Join(dir, "syn.xlsx")
	stdout, errs, code := runCLI(t, "export", "--data", data, "--no-analysis", "-o", out)
	if code != 0 || !strings.Contains(stdout, "(streamed)") {
		t.Fatalf("exit %d: %s %s", code, stdout, errs)
	}
	got, err := readWorkbook(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := csvdir.ReadDir(data, iso3166.Registry())
	if got.ContentHash() != want.ContentHash() {
		t.Error("streamed workbook does not read back as the dataset")
	}
}

// readWorkbook reads a workbook (ours or a corrected copy) as a dataset.
func readWorkbook(ctx context.Context, path string) (*graphmodel.Dataset, error) {
	return workbook.FileSource{}.Open(ctx, path, iso3166.Registry())
}
