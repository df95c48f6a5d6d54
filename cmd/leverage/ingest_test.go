package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestTrackerCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "tracker.csv")
	os.WriteFile(in, []byte("DESTINATION,Date,Number Removed,Origin Nationalities,Source\n"+
		"GHANA,2025-09-05,14,\"Nigerian, Gambian\",https://example.org/gh\n"+
		"ATLANTIS,2025-09-06,3,Martians,\n"+
		"Read more,,,,\n"), 0o644)
	out := filepath.Join(dir, "merged")
	stdout, errs, code := runCLI(t, "ingest", "tracker", in, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"rows read 4 = 1 header + 0 before the header + 0 blank + 1 imported + 2 rejected", "relationships made: 3"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	rej, err := os.ReadFile(filepath.Join(out, "tracker.rejects.csv"))
	if err != nil || !strings.Contains(string(rej), "3,\"unknown destination country") {
		t.Errorf("rejects file: %v\n%s", err, rej)
	}
	if _, errs, code := runCLI(t, "validate", "--data", out); code != 0 {
		t.Errorf("merged dataset invalid: %s", errs)
	}
	// Again into the merged dataset: nothing changes.
	stdout, _, _ = runCLI(t, "ingest", "tracker", in, "--data", out, "--out", out)
	if !strings.Contains(stdout, "0 relationships added, 0 changed") {
		t.Errorf("second ingest changed something:\n%s", stdout)
	}
	if _, _, code := runCLI(t, "ingest", "tracker", in, "--out", out, "--strict"); code != exitInvalid {
		t.Errorf("--strict with rejects: exit %d", code)
	}
	os.WriteFile(in, []byte("DESTINATION,Date\nATLANTIS,2025-01-01\n"), 0o644)
	if _, _, code := runCLI(t, "ingest", "tracker", in, "--out", filepath.Join(dir, "x")); code != exitInvalid {
		t.Errorf("nothing importable: exit %d", code)
	}
}

func TestIngestCancelledLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "r.csv")
	var b strings.Builder
	b.WriteString("Citizenship Country,Departure Country,Departed Date\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("Honduras,Mexico,2025-03-02\n")
	}
	os.WriteFile(in, []byte(b.String()), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(dir, "out")
	err := run(ctx, []string{"ingest", "removals", in, "--out", out}, env{stdout: &strings.Builder{}, stderr: &strings.Builder{}})
	if exitCode(err) != exitCancelled {
		t.Errorf("exit %d (%v)", exitCode(err), err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("output written after cancel")
	}
}
