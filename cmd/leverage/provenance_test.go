package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
)

// Every text output that reports numbers names the dataset by name,
// version and full SHA-256, and the tool version (issue 15: a 12-character
// prefix cannot be checked against a cited hash).
func TestTextOutputsCarryFullProvenance(t *testing.T) {
	d, _ := fixtures.Seed()
	want := d.Provenance().String()
	if len(d.ContentHash()) != 64 || !strings.Contains(want, "leverage-seed 1.1.0 sha256:"+d.ContentHash()) ||
		!strings.Contains(want, graphmodel.ToolVersion()) {
		t.Fatalf("provenance line %q", want)
	}
	for _, args := range [][]string{{"validate"}, {"stats"}, {"analyze"}, {"patterns"}, {"timeline"}, {"profile", "PA"}} {
		out, errs, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if !strings.Contains(out, want) {
			t.Errorf("%v: output lacks %q:\n%.300s", args, want, out)
		}
	}
	for _, args := range [][]string{{"analyze", "--format", "json"}, {"stats", "--format", "json"}, {"patterns", "--format", "json"}, {"timeline", "--format", "json"}} {
		out, _, _ := runCLI(t, args...)
		if !strings.Contains(out, `"content_hash": "`+d.ContentHash()+`"`) || !strings.Contains(out, `"tool": "leverage `) {
			t.Errorf("%v: json lacks the provenance block:\n%.300s", args, out)
		}
	}
}

func TestVersionVerbAndFlag(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, errs, code := runCLI(t, args...)
		if code != 0 || !strings.HasPrefix(out, "leverage "+graphmodel.ToolVersion()+" (go") {
			t.Errorf("%v: exit %d, %q %s", args, code, out, errs)
		}
	}
	if _, _, code := runCLI(t, "version", "extra"); code != exitUsage {
		t.Errorf("version with an argument: exit %d, want %d", code, exitUsage)
	}
}

// A row graded confirmed that rests only on the New York Times report and
// its republication (one account) draws a warning; validity is unchanged.
func TestValidateWarnsOnUnsupportedConfirmed(t *testing.T) {
	d, _ := fixtures.Seed()
	for i := range d.Relationships {
		if d.Relationships[i].Key == "appr-md-2025-03" { // NYT and republication only
			d.Relationships[i].Confidence = graphmodel.Confirmed
		}
	}
	dir := t.TempDir()
	if err := csvdir.WriteDirContext(context.Background(), dir, d); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "validate", "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "warning: appr-md-2025-03: confidence: confirmed, but its 2 source(s) are 1 independent account(s)") ||
		!strings.Contains(out, "1 warning(s)") {
		t.Errorf("no warning for appr-md-2025-03:\n%s", out)
	}
	// A lineage reference to a source that does not exist is invalid data.
	src, _ := os.ReadFile(filepath.Join(dir, "sources.csv"))
	bad := strings.Replace(string(src), ",nyt-2025-06-deal-making,,\"The stored copy has no headline", ",nyt-2025-06-deal-makin,,\"The stored copy has no headline", 1)
	if bad == string(src) {
		t.Fatal("test could not plant the bad reference")
	}
	os.WriteFile(filepath.Join(dir, "sources.csv"), []byte(bad), 0o644)
	_, errs, code = runCLI(t, "validate", "--data", dir)
	if code != exitInvalid || !strings.Contains(errs, `republishes: unknown source "nyt-2025-06-deal-makin"`) {
		t.Errorf("bad republishes: exit %d, %s", code, errs)
	}
}
