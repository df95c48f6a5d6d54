package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bundle verifies as made, from the embedded seed and from a dataset
// directory; a tampered output, a tampered manifest, and a dataset changed
// after the bundle each fail with exit 3 and name what differs.
func TestBundleThenVerify(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bundle")
	if _, errs, code := runCLI(t, "analyze", "--layer", "flow", "--as-of", "2025-04", "--bundle", dir); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code := runCLI(t, "verify", dir)
	if code != 0 || strings.Count(out, "reproduced bit for bit") != 2 {
		t.Fatalf("verify of a fresh bundle: exit %d\n%s%s", code, out, errs)
	}
	raw, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var m bundleManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Dataset.ContentHash) != 64 || m.Dataset.SubsetHash == "" || !strings.Contains(m.Window, "2025-04-30") ||
		m.Settings["layer"] != "flow" || m.Settings["null-samples"] != "100" || len(m.Seeds.Louvain) == 0 || m.Tool.Release == "" {
		t.Errorf("manifest lacks what it must state: %s", raw)
	}

	// One changed byte in an output.
	txt := filepath.Join(dir, "analysis.txt")
	orig, _ := os.ReadFile(txt)
	tampered := []byte(strings.Replace(string(orig), "modularity", "modularitY", 1))
	if err := os.WriteFile(txt, tampered, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, "verify", dir); code != exitInvalid || !strings.Contains(errs, "analysis.txt: SHA-256") ||
		!strings.Contains(errs, "analysis.txt: recomputed output differs") {
		t.Errorf("tampered output: exit %d, %s", code, errs)
	}
	// The same change with the manifest's hash updated to match: the
	// recomputation still catches it.
	if err := os.WriteFile(filepath.Join(dir, manifestFile), []byte(strings.Replace(string(raw), sha(orig), sha(tampered), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, "verify", dir); code != exitInvalid || strings.Contains(errs, "analysis.txt: SHA-256") ||
		!strings.Contains(errs, "analysis.txt: recomputed output differs") {
		t.Errorf("tampered output and manifest: exit %d, %s", code, errs)
	}

	// A dataset directory changed after the bundle was made.
	data := filepath.Join(t.TempDir(), "data")
	if _, errs, code := runCLI(t, "dataset", "export", data); code != 0 {
		t.Fatal(errs)
	}
	dir2 := filepath.Join(t.TempDir(), "bundle2")
	if _, errs, code := runCLI(t, "analyze", "--data", data, "--null-samples", "0", "--bundle", dir2); code != 0 {
		t.Fatal(errs)
	}
	if out, errs, code := runCLI(t, "verify", dir2); code != 0 {
		t.Fatalf("verify of a directory bundle: exit %d\n%s%s", code, out, errs)
	}
	rels := filepath.Join(data, "relationships.csv")
	b, _ := os.ReadFile(rels)
	if err := os.WriteFile(rels, []byte(strings.Replace(string(b), "100000,USD", "100001,USD", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, "verify", dir2); code != exitInvalid || !strings.Contains(errs, "relationships.csv: SHA-256") ||
		!strings.Contains(errs, "the dataset changed") {
		t.Errorf("changed input: exit %d, %s", code, errs)
	}
}
