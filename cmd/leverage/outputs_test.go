package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The cases of issue 12, "outputs never damage what they replace".

func TestExportRefusesToReplaceNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.graphml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "out.json")
	os.Mkdir(sub, 0o755)
	for _, target := range []string{"/dev/null", "/dev/full", fifo, sub} {
		args := []string{"export", "-o", target, "--format", "graphml"}
		_, errs, code := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(errs, "refusing to replace") {
			t.Errorf("export -o %s: exit %d, %s", target, code, errs)
		}
	}
	if st, err := os.Lstat("/dev/null"); err != nil || st.Mode()&os.ModeDevice == 0 {
		t.Errorf("/dev/null is no longer a device")
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced")
	}
	if st, _ := os.Lstat(sub); !st.IsDir() {
		t.Errorf("the directory was replaced")
	}
}

func TestExportWritesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.graphml")
	os.WriteFile(real, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.graphml")
	os.Symlink(real, link)
	if _, errs, code := runCLI(t, "export", "-o", link); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced by a regular file")
	}
	if b, _ := os.ReadFile(real); !strings.Contains(string(b), "<graphml") {
		t.Errorf("the symlink's target was not written: %.40q", b)
	}
}

func TestExportDashIsStandardOutput(t *testing.T) {
	out, errs, code := runCLI(t, "export", "-o", "-", "--format", "graphml")
	if code != 0 || !strings.HasPrefix(out, "<?xml") || !strings.Contains(errs, "wrote -") {
		t.Errorf("exit %d, stdout %.40q, stderr %s", code, out, errs)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Errorf("a file named - was created")
		os.Remove("-")
	}
	out, _, code = runCLI(t, "export", "-o", "-", "--format", "workbook")
	if code != 0 || !strings.HasPrefix(out, "PK") {
		t.Errorf("workbook to stdout: exit %d, %.10q", code, out)
	}
}

func TestOutDirRefusesAnotherDatasetWithoutForce(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen")
	if _, errs, code := runCLI(t, "generate", "--out", gen, "--relationships", "50"); code != 0 {
		t.Fatalf("generate: exit %d %s", code, errs)
	}
	before, _ := os.ReadFile(filepath.Join(gen, "relationships.csv"))
	// The same flags again write the same bytes: allowed.
	if _, errs, code := runCLI(t, "generate", "--out", gen, "--relationships", "50"); code != 0 {
		t.Errorf("same generate again: exit %d %s", code, errs)
	}
	// Another seed is another dataset.
	if _, errs, code := runCLI(t, "generate", "--out", gen, "--relationships", "50", "--seed", "2"); code != exitUsage ||
		!strings.Contains(errs, "leverage-synthetic seed-1-n-50") || !strings.Contains(errs, "--force") {
		t.Errorf("generate over another dataset: exit %d %s", code, errs)
	}
	if after, _ := os.ReadFile(filepath.Join(gen, "relationships.csv")); string(after) != string(before) {
		t.Errorf("refused generate changed the dataset")
	}
	if _, errs, code := runCLI(t, "generate", "--out", gen, "--relationships", "50", "--seed", "2", "--force"); code != 0 {
		t.Errorf("generate --force: exit %d %s", code, errs)
	}

	// import --out over the synthetic dataset: refused, then forced.
	book := filepath.Join(dir, "seed.xlsx")
	if _, errs, code := runCLI(t, "export", "-o", book); code != 0 {
		t.Fatalf("export: %d %s", code, errs)
	}
	if _, errs, code := runCLI(t, "import", book, "--out", gen); code != exitUsage || !strings.Contains(errs, "already holds") {
		t.Errorf("import --out over another dataset: exit %d %s", code, errs)
	}
	if _, errs, code := runCLI(t, "import", book, "--out", gen, "--force"); code != 0 {
		t.Errorf("import --force: exit %d %s", code, errs)
	}
	// ingest --out over the seed now in gen, with the embedded base: the
	// result differs from what is there, so refused.
	tracker := filepath.Join(dir, "t.csv")
	os.WriteFile(tracker, []byte("Destination,Date,Number Removed,Origin Nationalities\nGhana,2025-09-10,14,Nigerian\n"), 0o644)
	if _, errs, code := runCLI(t, "ingest", "tracker", tracker, "--out", gen); code != exitUsage || !strings.Contains(errs, "already holds") {
		t.Errorf("ingest --out over another dataset: exit %d %s", code, errs)
	}
	// Updating the dataset in place (--data D --out D) is what was asked.
	if _, errs, code := runCLI(t, "ingest", "tracker", tracker, "--data", gen, "--out", gen); code != 0 {
		t.Errorf("ingest --data D --out D: exit %d %s", code, errs)
	}
}
