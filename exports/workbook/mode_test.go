package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
)

// The workbook goes through a private temporary file but is for sharing:
// it must end up readable by others, as a file os.Create makes would be.
func TestWriteFileIsReadableByOthers(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "w.xlsx")
	if err := WriteFile(path, d, Options{Seed: 1, SkipAnalysis: true}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o644 {
		t.Errorf("workbook mode %v, want 0644", info.Mode().Perm())
	}
}
