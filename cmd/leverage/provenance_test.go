package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
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
	if len(d.ContentHash()) != 64 || !strings.Contains(want, "leverage-seed "+d.Meta.Version+" sha256:"+d.ContentHash()) ||
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

// A windowed export cites the whole dataset's hash (the one validate
// prints) under content_hash, names the window, and gives the part's own
// hash under another name; before issue 26 it wrote the part's hash as
// the content hash, a hash validate never prints. The workbook's About
// and analyze's JSON say the same.
func TestWindowedOutputsCiteTheWholeDataset(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	full := d.ContentHash()
	dir := t.TempDir()
	path := filepath.Join(dir, "flow.graphml")
	if _, errs, code := runCLI(t, "export", "--layer", "flow", "--as-of", "2025-03", "-o", path); code != 0 {
		t.Fatal(errs)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]string{}
	for _, m := range regexp.MustCompile(`<data key="g_([a-z_]+)">([^<]*)</data>`).FindAllStringSubmatch(string(raw), -1) {
		data[m[1]] = m[2]
	}
	if data["content_hash"] != full {
		t.Errorf("graph file content_hash %q, want the whole dataset's %s", data["content_hash"], full)
	}
	if !strings.Contains(data["window"], "2025-03-31") || data["subset_content_hash"] == "" || data["subset_content_hash"] == full {
		t.Errorf("graph file window %q, subset hash %q", data["window"], data["subset_content_hash"])
	}
	out, errs, code := runCLI(t, "analyze", "--layer", "flow", "--as-of", "2025-03", "--format", "json", "--null-samples", "0")
	if code != 0 {
		t.Fatal(errs)
	}
	var rep struct{ Provenance graphmodel.Provenance }
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Provenance.ContentHash != full || rep.Provenance.SubsetHash != data["subset_content_hash"] || rep.Provenance.Window != data["window"] {
		t.Errorf("analyze's provenance %+v and the graph file's %v disagree", rep.Provenance, data)
	}
	// The window's relationships, hashed as a dataset of their own.
	w := analysis.Window{To: time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)}
	part := *d
	part.Relationships = analysis.Select(d, w)
	xlsx := filepath.Join(dir, "w.xlsx")
	if _, errs, code := runCLI(t, "export", "--as-of", "2025-03", "--no-analysis", "-o", xlsx); code != 0 {
		t.Fatal(errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("About")
	about := map[string]string{}
	for _, r := range rows {
		if len(r) > 1 {
			about[r[0]] = r[1]
		}
	}
	if about["Dataset content hash (SHA-256)"] != full || about["Window's content hash (SHA-256)"] != part.ContentHash() {
		t.Errorf("workbook About: content hash %q, window's %q; want %s and %s", about["Dataset content hash (SHA-256)"],
			about["Window's content hash (SHA-256)"], full, part.ContentHash())
	}
}
