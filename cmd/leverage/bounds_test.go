package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/textbound"
)

// Issue 22: every text reader bounds one record, and every ingested CSV
// the file size. A field just past the record bound in each kind of CSV
// input is refused (exit 3) naming file:line, and the message quotes no
// more than an excerpt; the tracker path ignored the 4 GiB bound (a
// sparse file stands in for a real one, only its size is looked at).
func TestBoundsOnEveryPath(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("x", textbound.MaxRecord+(2<<20))
	data := seedDir(t)
	rel := filepath.Join(data, "relationships.csv")
	b, _ := os.ReadFile(rel)
	lines := strings.Count(string(b), "\n")
	os.WriteFile(rel, append(b, []byte("r-long,e,approach,US,SV,2025-03-01,reported,,,,,,,reported,s1,"+long+"\n")...), 0o644)
	graph := filepath.Join(dir, "g.csv")
	os.WriteFile(graph, []byte("a,b\nc,"+long+"\n"), 0o644)
	tracker := filepath.Join(dir, "tracker.csv")
	os.WriteFile(tracker, []byte("Destination,Date,Date Range End,Number Removed,Origin Nationalities\nGhana,2025-03-01,,5,\""+long+"\"\n"), 0o644)
	removals := filepath.Join(dir, "removals.csv")
	os.WriteFile(removals, []byte("Unique Identifier,Citizenship Country,Departure Country,Departed Date\nid1,CUBA,MEXICO,2025-01-02\n\"id2"+long+"\",CUBA,MEXICO,2025-01-02\n"), 0o644)
	huge := filepath.Join(dir, "huge.csv")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(5 << 30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--data", data}, "relationships.csv:" + itoa(lines+1) + ":"},
		{[]string{"analyze", "--graph", graph}, "g.csv:2:"},
		{[]string{"ingest", "tracker", tracker, "--dry-run"}, "line 2"},
		{[]string{"ingest", "removals", removals, "--dry-run"}, "line 3"},
		{[]string{"ingest", "tracker", huge, "--dry-run"}, "more than the 4294967296"},
		{[]string{"ingest", "removals", huge, "--dry-run"}, "4294967296"},
	} {
		_, errs, code := runCLI(t, tt.args...)
		if code != exitInvalid || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, want 3 with %q in %.300s", tt.args[:2], code, tt.want, errs)
		}
		if len(errs) > 2000 {
			t.Errorf("%v: a %d-byte message; it should quote an excerpt", tt.args[:2], len(errs))
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
