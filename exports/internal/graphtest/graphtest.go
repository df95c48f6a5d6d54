// Package graphtest is what the graph formats' golden tests share: the
// seed's graph and a golden-file comparison that rounds long numbers.
// Only tests import it.
package graphtest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/internal/textdiff"
)

// Seed is the embedded seed dataset's multigraph of relationships, as
// export writes it.
func Seed(t testing.TB) graphdata.Graph {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
}

// GoldenSeed writes the seed's graph with each of writers and compares
// each result with its golden file, testdata/<name> (see Golden).
func GoldenSeed(t *testing.T, writers map[string]func(io.Writer, graphdata.Graph) error, update bool) {
	t.Helper()
	g := Seed(t)
	for name, write := range writers {
		var b bytes.Buffer
		if err := write(&b, g); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		Golden(t, name, b.Bytes(), update)
	}
}

// Golden compares got with testdata/name, both with their long numbers
// rounded (RoundNumbers): the golden files pin the format, and a change in
// the last digits of a metric (a different summation order) is not a
// format change; the metrics' values are checked against networkx and
// igraph by the tests that read the files back (exports/graphdata). With
// update it writes the file instead.
func Golden(t testing.TB, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", name)
	got = RoundNumbers(got)
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update in the format's package)", err)
	}
	if !bytes.Equal(got, RoundNumbers(want)) {
		t.Errorf("%s differs from the golden file (go test -update in the format's package):\n%s", path, textdiff.Lines(string(RoundNumbers(want)), string(got)))
	}
}

// longNumber is a decimal with more digits after the point than a format
// needs to pin.
var longNumber = regexp.MustCompile(`-?[0-9]+\.[0-9]{7,}(?:[eE][-+]?[0-9]+)?`)

// RoundNumbers writes every long number in b to 6 significant digits.
func RoundNumbers(b []byte) []byte {
	return longNumber.ReplaceAllFunc(b, func(m []byte) []byte {
		x, err := strconv.ParseFloat(string(m), 64)
		if err != nil {
			return m
		}
		return []byte(strconv.FormatFloat(x, 'g', 6, 64))
	})
}
