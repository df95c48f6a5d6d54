package main

import (
	"bytes"
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
