package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/officetest"
)

// readReport reads import's full report CSV.
func readReport(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "sheet,cell,row id,field,typed,done,why" {
		t.Fatalf("report header %v", rows)
	}
	return rows[1:]
}

// reportHas finds a report row by its cell and what was done.
func reportHas(rows [][]string, sheet, cell, done string) []string {
	for _, r := range rows {
		if r[0] == sheet && r[1] == cell && r[5] == done {
			return r
		}
	}
	return nil
}

func mustContain(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

// A volunteer copies the Panama "about 300" row in Calc and gives the
// copy a new id: the copy is the same claim, so it is reported as a
// duplicate and not added (before, "1 added" and Panama counted 600).
func TestImportCopiedRowIsDuplicate(t *testing.T) {
	const orig, copyID = "recv-zz-pa-2025-02", "recv-zz-pa-2025-02-copy"
	var idCell string
	path := edit(t, func(ix sheetIndex) [][4]any {
		n := strconv.Itoa(ix.n["Relationships"] + 1)
		idCell = "A" + n
		return [][4]any{
			{"Relationships", idCell, "copyrow", ix.rows["Relationships"][orig]},
			{"Relationships", idCell, "text", copyID},
		}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	t.Log(out)
	mustContain(t, out, fmt.Sprintf("relationships: 0 added, 0 removed, 0 modified, %d unchanged, 1 duplicates not added", len(seedDataset(t).Relationships)),
		"duplicate "+copyID, "only the id differs", "as "+orig)
	rows := readReport(t, strings.TrimSuffix(path, ".xlsx")+".report.csv")
	if r := reportHas(rows, "Relationships", idCell, "not added"); r == nil || r[2] != copyID || !strings.Contains(r[6], orig) {
		t.Errorf("report lacks the duplicate at %s: %v", idCell, rows)
	}
}

// "05/03/2025" typed as text is refused with its cell and both readings,
// unless --date-order says which; the choice is in the report.
func TestImportAmbiguousDateNeedsOrder(t *testing.T) {
	s := pickSeed(t)
	var cell string
	path := edit(t, func(ix sheetIndex) [][4]any {
		cell = ix.cell("Relationships", s.day, "Date")
		return [][4]any{{"Relationships", cell, "text", "05/03/2025"}}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s%s", code, out, errs)
	}
	mustContain(t, errs, "Relationships!"+cell+": "+s.day+`: date: ambiguous date "05/03/2025": 5 March 2025 (day first) or 3 May 2025 (month first)`,
		"--date-order")
	for order, want := range map[string]string{"dmy": "2025-03-05", "mdy": "2025-05-03"} {
		out, errs, code := runCLI(t, "import", "--date-order", order, path)
		if code != 0 {
			t.Fatalf("--date-order %s: exit %d\n%s%s", order, code, out, errs)
		}
		mustContain(t, out, "numeric dates (05/03/2025): "+map[string]string{"dmy": "day first (dmy)", "mdy": "month first (mdy)"}[order],
			"modified "+s.day, "Date: "+s.rel(s.day).Date.String()+" → "+want)
		rows := readReport(t, strings.TrimSuffix(path, ".xlsx")+".report.csv")
		if r := reportHas(rows, "Relationships", cell, "read as "+want); r == nil || r[4] != "05/03/2025" {
			t.Errorf("--date-order %s: report lacks the date read at %s: %v", order, cell, rows)
		}
	}
}

// An edited licence is a change line; a workbook sent back without About
// keeps the dataset's name, version, licence and citation, and says so.
func TestImportAboutChangesAndMissingAbout(t *testing.T) {
	licence := pickSeed(t).d.Meta.License
	var cell string
	path := edit(t, func(ix sheetIndex) [][4]any {
		cell = "B" + strconv.Itoa(ix.rows["About"]["License"])
		return [][4]any{{"About", cell, "text", "CC0-1.0"}}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	mustContain(t, out, "about: 1 changed", `License (License): "`+licence+`" → "CC0-1.0"`)
	rows := readReport(t, strings.TrimSuffix(path, ".xlsx")+".report.csv")
	if r := reportHas(rows, "About", cell, "changed"); r == nil {
		t.Errorf("report lacks the licence change at About!%s: %v", cell, rows)
	}

	path = edit(t, func(ix sheetIndex) [][4]any { return [][4]any{{"About", "A1", "delsheet", ""}} })
	out, errs, code = runCLI(t, "import", path, "--out", filepath.Join(t.TempDir(), "d"))
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	mustContain(t, out, "about: no About sheet; name, version, licence, citation and description kept from leverage-seed")
	lines := strings.Split(out, "\n")
	imported, against := strings.TrimSuffix(strings.SplitN(lines[0], ": ", 2)[1], ", valid"), strings.TrimPrefix(lines[1], "compared with ")
	if imported != against {
		t.Errorf("without About the dataset is %q, want %q", imported, against)
	}
}

// Past 50 findings the terminal lists 50, counts all and names the file
// holding every one; a refused import does the same with --report.
func TestImportReportIsComplete(t *testing.T) {
	s := pickSeed(t)
	var names, counts []string
	path := edit(t, func(ix sheetIndex) [][4]any {
		var e [][4]any
		for _, r := range s.d.Relationships[:55] {
			c := ix.cell("Relationships", r.Key, "From name")
			names = append(names, c)
			e = append(e, [4]any{"Relationships", c, "text", "Somewhere " + r.Key})
		}
		return e
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	report := strings.TrimSuffix(path, ".xlsx") + ".report.csv"
	mustContain(t, out, "55 cells not taken as typed", "… 5 more not shown here; all 55 are in "+report)
	rows := readReport(t, report)
	for _, c := range names {
		if reportHas(rows, "Relationships", c, "not read") == nil {
			t.Errorf("report lacks Relationships!%s", c)
		}
	}

	path = edit(t, func(ix sheetIndex) [][4]any {
		var e [][4]any
		for _, r := range s.d.Relationships[:55] {
			c := ix.cell("Relationships", r.Key, "Count")
			counts = append(counts, c)
			e = append(e, [4]any{"Relationships", c, "text", "many"})
		}
		return e
	})
	_, errs, code = runCLI(t, "import", path)
	if code != 3 {
		t.Fatalf("exit %d, want 3: %s", code, errs)
	}
	mustContain(t, errs, "55 problems", "… 5 more; run again with --report FILE.csv")
	full := filepath.Join(t.TempDir(), "full.csv")
	_, errs, code = runCLI(t, "import", "--report", full, path)
	if code != 3 {
		t.Fatalf("exit %d, want 3: %s", code, errs)
	}
	mustContain(t, errs, "… 5 more; every finding is in "+full)
	rows = readReport(t, full)
	for _, c := range counts {
		if r := reportHas(rows, "Relationships", c, "refused"); r == nil || r[4] != "many" {
			t.Errorf("report lacks Relationships!%s refused with what was typed", c)
		}
	}
}

// Words typed as a volunteer would ("No response", "at least") are read as
// the vocabulary's; edits to the derived "Independent sources" and
// "Account" are named as not read; every vocabulary column keeps its
// drop-down through LibreOffice, listing the model's own values.
func TestImportVolunteerWordsDerivedAndDropDowns(t *testing.T) {
	s := pickSeed(t)
	const appr, counted = "appr-gt-2025-06", "recv-zz-pa-2025-02"
	var status, qual, indep, account string
	path := edit(t, func(ix sheetIndex) [][4]any {
		status = ix.cell("Relationships", appr, "Status")
		qual = ix.cell("Relationships", counted, "Count qualifier")
		indep = ix.cell("Relationships", counted, "Independent sources")
		account = ix.cell("Sources", s.source, "Account")
		return [][4]any{
			{"Relationships", status, "text", "No response"},
			{"Relationships", qual, "text", "At least"},
			{"Relationships", indep, "number", 7},
			{"Sources", account, "text", "my-own-account"},
		}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	t.Log(out)
	mustContain(t, out, "modified "+appr, "Status: conditional → no_response",
		"modified "+counted, "Count: about 300 → at_least 300",
		"Relationships!"+indep+": "+counted+`: independent sources: "7" not read: the column is derived`,
		"Sources!"+account+": "+s.source+`: account: "my-own-account" not read: the column is derived`)

	py := needPython(t)
	b, err := exec.Command(py, "testdata/dump_validations.py", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var dv map[string][][3]string
	if err := json.Unmarshal(b, &dv); err != nil {
		t.Fatal(err)
	}
	ix := indexWorkbook(t, path)
	for _, tc := range []struct {
		sheet, column string
		want          []string
	}{
		{"Relationships", "Status", statusWords()},
		{"Relationships", "Type", typeWords()},
		{"Relationships", "Count qualifier", []string{"exact", "about", "at_least", "up_to"}},
		{"Relationships", "Confidence", []string{"confirmed", "reported", "claimed"}},
		{"Sources", "Kind", []string{"news", "cable", "memo", "statement", "court", "dataset", "tracker"}},
		{"Countries", "Kind", []string{"country", "group", "unspecified"}},
	} {
		col := ix.cols[tc.sheet][tc.column]
		found := false
		for _, v := range dv[tc.sheet] {
			if v[0] == "list" && strings.HasPrefix(v[1], col+"2:") {
				found = true
				if got := strings.Trim(v[2], `"`); got != strings.Join(tc.want, ",") {
					t.Errorf("%s!%s drop-down %q, want %q", tc.sheet, tc.column, got, strings.Join(tc.want, ","))
				}
			}
		}
		if !found {
			t.Errorf("%s!%s (column %s) has no drop-down after LibreOffice: %v", tc.sheet, tc.column, col, dv[tc.sheet])
		}
	}
}

func statusWords() []string {
	var out []string
	for _, s := range graphmodel.Statuses {
		out = append(out, string(s))
	}
	return out
}

func typeWords() []string {
	var out []string
	for _, s := range graphmodel.RelTypes {
		out = append(out, string(s))
	}
	return out
}

// A copied sheet, named as Excel names a copy, gives one hint instead of
// an error per row; a renamed sheet's error lists the sheets found and
// names the one holding its columns.
func TestImportCopiedAndRenamedSheets(t *testing.T) {
	path := edit(t, func(ix sheetIndex) [][4]any {
		return [][4]any{{"Relationships", "A1", "copysheet", "Relationships (2)"}}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s%s", code, out, errs)
	}
	t.Log(errs)
	mustContain(t, errs, "1 problem (nothing imported)", fmt.Sprintf(`Relationships (2)!A2: id: sheet "Relationships (2)" repeats the ids of %d rows of "Relationships": it looks like a copy`, len(seedDataset(t).Relationships)))
	if strings.Contains(errs, "duplicate id") {
		t.Errorf("a copied sheet still gives an error per row")
	}

	path = edit(t, func(ix sheetIndex) [][4]any {
		return [][4]any{{"Relationships", "A1", "renamesheet", "Claims"}}
	})
	_, errs, code = runCLI(t, "import", path)
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, errs)
	}
	mustContain(t, errs, `Relationships: sheet missing; the workbook has "About", "Countries", "Claims", "Sources"`,
		`"Claims" has its columns: if it is this sheet renamed, name it "Relationships" again`)
}

// After a country is renamed and imported, a second round trip of the
// re-exported workbook through LibreOffice changes nothing and keeps the
// content hash (before: its aliases and demonyms came back as changes).
func TestImportSecondRoundTripAfterRename(t *testing.T) {
	path := edit(t, func(ix sheetIndex) [][4]any {
		return [][4]any{{"Countries", ix.cell("Countries", "PA", "Name"), "text", "Panamá"}}
	})
	d1 := filepath.Join(t.TempDir(), "d1")
	out, errs, code := runCLI(t, "import", path, "--out", d1)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	mustContain(t, out, "modified PA", `Name: "Panama" → "Panamá"`)
	again := filepath.Join(t.TempDir(), "again.xlsx")
	if _, errs, code := runCLI(t, "export", "--data", d1, "-o", again); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code = runCLI(t, "import", "--data", d1, officetest.Resave(t, again))
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	t.Log(out)
	mustContain(t, out, "relationships: 0 added, 0 removed, 0 modified", "sources: 0 added, 0 removed, 0 modified", "countries: 0 changed", "about: 0 changed")
	lines := strings.Split(out, "\n")
	imported, against := strings.TrimSuffix(strings.SplitN(lines[0], ": ", 2)[1], ", valid"), strings.TrimPrefix(lines[1], "compared with ")
	if imported != against {
		t.Errorf("second round trip: %q, want the same hash as %q", imported, against)
	}
}

// A claim raised to "confirmed" on one account: import shows the warning
// validate gives, at the Confidence cell.
func TestImportShowsValidateWarnings(t *testing.T) {
	const key = "recv-ir-pa-2025-02" // reported, one source (cbs-2025-02-panama)
	var cell string
	path := edit(t, func(ix sheetIndex) [][4]any {
		cell = ix.cell("Relationships", key, "Confidence")
		return [][4]any{{"Relationships", cell, "text", "confirmed"}}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	mustContain(t, out, "Confidence: reported → confirmed",
		"Relationships!"+cell+": "+key+": confidence: validate warns: confirmed, but its 1 source(s) are 1 independent account(s) and none is official")
}

// A Spanish workbook, re-saved by LibreOffice, imports as the same
// dataset (0 changes, the same content hash); Spanish words typed in it
// ("sin respuesta", "al menos") are read as the vocabulary's, and a
// reference country shown under its CLDR name ("Panamá") is no rename.
// French and Portuguese read back the same way.
func TestImportSpanishRoundTrip(t *testing.T) {
	path := editExport(t, []string{"--lang", "es"}, func(ix sheetIndex) [][4]any { return [][4]any{} })
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	mustContain(t, out, "relationships: 0 added, 0 removed, 0 modified", "sources: 0 added, 0 removed, 0 modified",
		"countries: 0 changed", "about: 0 changed", "Diccionario de datos")
	lines := strings.Split(out, "\n")
	imported, against := strings.TrimSuffix(strings.SplitN(lines[0], ": ", 2)[1], ", valid"), strings.TrimPrefix(lines[1], "compared with ")
	if imported != against {
		t.Errorf("Spanish round trip gives %q, want %q", imported, against)
	}
	if ix := indexWorkbook(t, path); ix.rows["Países"]["PA"] == 0 || ix.cols["Relaciones"]["Estado"] == "" {
		t.Fatalf("no Spanish sheets: %v", ix.cols)
	}

	var status, qual string
	path = editExport(t, []string{"--lang", "es"}, func(ix sheetIndex) [][4]any {
		status = ix.cell("Relaciones", "appr-gt-2025-06", "Estado")
		qual = ix.cell("Relaciones", "recv-zz-pa-2025-02", "Calificador de cantidad")
		return [][4]any{{"Relaciones", status, "text", "Sin respuesta"}, {"Relaciones", qual, "text", "al menos"}}
	})
	out, errs, code = runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	mustContain(t, out, "relationships: 0 added, 0 removed, 2 modified", "Status: conditional → no_response", "Count: about 300 → at_least 300")

	for _, l := range []string{"fr", "pt"} {
		w := filepath.Join(t.TempDir(), l+".xlsx")
		if _, errs, code := runCLI(t, "export", "--lang", l, "-o", w); code != 0 {
			t.Fatal(errs)
		}
		out, errs, code := runCLI(t, "import", w)
		if code != 0 || !strings.Contains(out, "relationships: 0 added, 0 removed, 0 modified") || !strings.Contains(out, "countries: 0 changed") || !strings.Contains(out, "about: 0 changed") {
			t.Errorf("--lang %s round trip: exit %d\n%s%s", l, code, out, errs)
		}
	}
}

// seedDataset is the embedded seed, whose size the expectations follow.
func seedDataset(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
