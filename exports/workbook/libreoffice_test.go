package workbook

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/internal/officetest"
)

func seedFile(t *testing.T, mutate func(*graphmodel.Dataset)) (string, *graphmodel.Dataset) {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		mutate(d)
	}
	path := filepath.Join(t.TempDir(), "seed.xlsx")
	if err := WriteFile(path, d, Options{Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return path, d
}

func csvRecords(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// openpyxl read_only, openpyxl's full model, pandas and LibreOffice's CSV
// export must agree on every sheet's row count, and Relationships and
// Sources must hold the dataset's rows: read_only mode reads only the range
// <dimension> declares, so a wrong dimension shows here.
func TestReadersAgreeOnRowCounts(t *testing.T) {
	py := python(t)
	path, d := seedFile(t, nil)
	out, err := exec.Command(py, "testdata/sheet_rows.py", path).Output()
	if err != nil {
		t.Fatalf("sheet_rows.py: %v", err)
	}
	var counts map[string]map[string]int
	if err := json.Unmarshal(out, &counts); err != nil {
		t.Fatal(err)
	}
	csvs := officetest.SheetCSVs(t, path)
	for _, spec := range dataSpecs(true) {
		c, ok := counts[spec.name]
		if !ok {
			t.Errorf("python readers do not see sheet %s", spec.name)
			continue
		}
		file, ok := csvs[spec.name]
		if !ok {
			t.Errorf("LibreOffice wrote no CSV for %s (got %v)", spec.name, csvs)
			continue
		}
		lo := len(csvRecords(t, file))
		if c["read_only"] != c["full"] || c["pandas"] != c["full"] || lo != c["full"] {
			t.Errorf("%s: rows read_only %d, full %d, pandas %d, LibreOffice CSV %d", spec.name, c["read_only"], c["full"], c["pandas"], lo)
		}
	}
	for sheet, want := range map[string]int{"Relationships": len(d.Relationships) + 1, "Sources": len(d.Sources) + 1} {
		if got := counts[sheet]["read_only"]; got != want {
			t.Errorf("%s: openpyxl read_only sees %d rows, want %d", sheet, got, want)
		}
	}
}

// An unchanged workbook opened and saved by LibreOffice imports with no
// change at all.
func TestLibreOfficeResaveImportsUnchanged(t *testing.T) {
	path, d := seedFile(t, func(d *graphmodel.Dataset) {
		d.Relationships[3].Note = "\tleading tab, and\nsecond line"
	})
	resaved := officetest.Resave(t, path)
	got := readFile(t, resaved)
	if ch := graphmodel.Diff(d, got); !ch.Empty() {
		t.Errorf("LibreOffice re-save changed the data: %+v", ch)
	}
}

// Text that looks like a formula stays text through LibreOffice: its CSV
// export shows the text itself, not a computed value.
func TestLibreOfficeKeepsHostileTextAsText(t *testing.T) {
	hostile := []string{`=HYPERLINK("http://x","click")`, "+1 555 0100", "-2+3", "@SUM(A1)", "=1+1"}
	path, d := seedFile(t, func(d *graphmodel.Dataset) {
		for i, h := range hostile {
			d.Relationships[i].Note = h
		}
	})
	for _, file := range []string{path, officetest.Resave(t, path)} {
		recs := csvRecords(t, officetest.SheetCSVs(t, file)["Relationships"])
		note := relationshipsSpec.index("Note")
		for i, h := range hostile {
			if got := recs[i+1][note]; got != h {
				t.Errorf("%s: Relationships row %d note shown as %q, want the text %q", filepath.Base(file), i+2, got, h)
			}
		}
		if got := readFile(t, file); got.Relationships[0].Note != d.Relationships[0].Note {
			t.Errorf("%s: import reads the note as %q", filepath.Base(file), got.Relationships[0].Note)
		}
	}
}

func readFile(t *testing.T, path string) *graphmodel.Dataset {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadContext(context.Background(), bytes.NewReader(b), iso3166.Registry())
	if err != nil {
		t.Fatalf("import of %s: %v", filepath.Base(path), err)
	}
	return d
}
