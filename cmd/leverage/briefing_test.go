package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
)

// export -o FILE.html writes the briefing by extension, --format html by
// flag; the same data gives the same bytes, and a window cuts the months.
func TestExportBriefing(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.out"), filepath.Join(dir, "c.html")
	if out, errs, code := runCLI(t, "export", "-o", a); code != 0 || !strings.Contains(out, "briefing of") {
		t.Fatalf("export -o a.html: exit %d: %s %s", code, out, errs)
	}
	if _, errs, code := runCLI(t, "export", "--format", "html", "-o", b); code != 0 {
		t.Fatalf("export --format html: exit %d: %s", code, errs)
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ab, bb) || len(ab) == 0 {
		t.Error("two exports of the same data differ")
	}
	d, _ := fixtures.Seed()
	if !bytes.Contains(ab, []byte(d.ContentHash())) || !bytes.HasPrefix(ab, []byte("<!DOCTYPE html>")) {
		t.Error("the briefing does not name the dataset's full hash")
	}
	if _, errs, code := runCLI(t, "export", "--as-of", "2025-03", "-o", c); code != 0 {
		t.Fatalf("export --as-of: exit %d: %s", code, errs)
	}
	cb, _ := os.ReadFile(c)
	start := bytes.Index(cb, []byte(`"months":[`))
	end := bytes.IndexByte(cb[start:], ']')
	if start < 0 || end < 0 {
		t.Fatal("no months in the briefing")
	}
	months := string(cb[start : start+end])
	if !strings.HasSuffix(months, `"2025-03"`) {
		t.Errorf("a briefing as of 2025-03 has months %s; want them to end with March", months)
	}
}

// The briefing's counts as of March 2025 are the ones `leverage analyze
// --as-of 2025-03` prints: nodes and edges of the all layer, and pattern
// matches. (The browser test shows the page displays these counts.)
func TestBriefingMarchMatchesAnalyzeAsOf(t *testing.T) {
	out, errs, code := runCLI(t, "analyze", "--as-of", "2025-03", "--format", "json")
	if code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	var analyzed struct {
		Nodes    int               `json:"nodes"`
		Edges    int               `json:"edges_distinct_pairs"`
		Patterns []json.RawMessage `json:"patterns"`
	}
	if err := json.Unmarshal([]byte(out), &analyzed); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.html")
	if _, errs, code := runCLI(t, "export", "-o", file); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	page, _ := os.ReadFile(file)
	start := bytes.Index(page, []byte(`id="data">`)) + len(`id="data">`)
	end := start + bytes.Index(page[start:], []byte("</script>"))
	var data struct {
		Snapshots []struct {
			Month   string         `json:"month"`
			Matches int            `json:"matches"`
			Nodes   map[string]int `json:"nodes"`
			Edges   map[string]int `json:"edges"`
		} `json:"snapshots"`
	}
	if err := json.Unmarshal(page[start:end], &data); err != nil {
		t.Fatal(err)
	}
	for _, s := range data.Snapshots {
		if s.Month != "2025-03" {
			continue
		}
		if s.Nodes["all"] != analyzed.Nodes || s.Edges["all"] != analyzed.Edges || s.Matches != len(analyzed.Patterns) {
			t.Errorf("briefing as of 2025-03: %d nodes, %d edges, %d matches; analyze --as-of 2025-03: %d, %d, %d",
				s.Nodes["all"], s.Edges["all"], s.Matches, analyzed.Nodes, analyzed.Edges, len(analyzed.Patterns))
		}
		return
	}
	t.Fatal("the briefing has no 2025-03 position")
}
