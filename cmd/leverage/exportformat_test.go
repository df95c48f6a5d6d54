package main

import (
	"os"
	"path/filepath"
	"testing"
)

// Every registered format is chosen by each of its extensions, writes a
// file (gephi a directory) by --format, and takes --layer exactly when the
// registry says it does.
func TestEveryExportFormatWrites(t *testing.T) {
	dir := t.TempDir()
	for _, f := range exportFormats {
		for _, ext := range f.exts {
			if got, err := lookupExportFormat("", "out"+ext); err != nil || got.name != f.name {
				t.Errorf("%s chooses %q (%v), want %s", ext, got.name, err, f.name)
			}
		}
		out := filepath.Join(dir, f.name+".out")
		if _, errs, code := runCLI(t, "export", "--format", f.name, "-o", out); code != 0 {
			t.Errorf("export --format %s: exit %d: %s", f.name, code, errs)
		} else if st, err := os.Stat(out); err != nil || !st.IsDir() && st.Size() == 0 {
			t.Errorf("export --format %s wrote nothing (%v)", f.name, err)
		}
		layered := filepath.Join(dir, f.name+".layer.out")
		_, errs, code := runCLI(t, "export", "--format", f.name, "--layer", "flow", "-o", layered)
		if f.layer && code != 0 || !f.layer && code != exitUsage {
			t.Errorf("export --format %s --layer flow: exit %d (layer %v): %s", f.name, code, f.layer, errs)
		}
	}
	if _, _, code := runCLI(t, "export", "--format", "pdf", "-o", filepath.Join(dir, "x.pdf")); code != exitUsage {
		t.Errorf("an unknown format: exit %d, want %d", code, exitUsage)
	}
}
