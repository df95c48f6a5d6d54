package csvdir_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/leverage-project/leverage/graphmodel/csvdir"
)

func TestCountRecords(t *testing.T) {
	for text, want := range map[string]int{
		"a,b\n1,2\n3,4\n":                 2,
		"a,b\n1,\"x\ny\"\n3,4":            2, // quoted newline, no final newline
		"a,b\r\n1,\"say \"\"hi\"\"\"\r\n": 1,
		"a,b\n":                           0,
		"":                                0,
	} {
		p := filepath.Join(t.TempDir(), "r.csv")
		os.WriteFile(p, []byte(text), 0o644)
		if got, err := csvdir.CountRecords(p); err != nil || got != want {
			t.Errorf("CountRecords(%q) = %d, %v; want %d", text, got, err, want)
		}
	}
}
