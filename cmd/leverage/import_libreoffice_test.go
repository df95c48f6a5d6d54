package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/officetest"
	"github.com/leverage-project/leverage/internal/testgate"
)

func needPython(t *testing.T) string {
	t.Helper()
	py := testgate.Python(t, "openpyxl")
	return py
}

// sheetIndex finds rows by their first cell and columns by header in a
// workbook as LibreOffice saved it.
type sheetIndex struct {
	rows map[string]map[string]int // sheet -> first cell -> row number
	cols map[string]map[string]string
	n    map[string]int // sheet -> last row
}

func indexWorkbook(t *testing.T, path string) sheetIndex {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ix := sheetIndex{rows: map[string]map[string]int{}, cols: map[string]map[string]string{}, n: map[string]int{}}
	for _, sheet := range []string{"Countries", "Relationships", "Sources"} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		ix.rows[sheet], ix.cols[sheet] = map[string]int{}, map[string]string{}
		for i, h := range rows[0] {
			c, _ := excelize.ColumnNumberToName(i + 1)
			ix.cols[sheet][h] = c
		}
		for i, r := range rows[1:] {
			if len(r) > 0 {
				ix.rows[sheet][r[0]] = i + 2
			}
		}
		ix.n[sheet] = len(rows)
	}
	return ix
}

func (ix sheetIndex) cell(sheet, id, col string) string {
	r, ok := ix.rows[sheet][id]
	c, ok2 := ix.cols[sheet][col]
	if !ok || !ok2 {
		panic("no cell " + sheet + " " + id + " " + col)
	}
	return c + strconv.Itoa(r)
}

// edit makes a LibreOffice-saved copy of the seed workbook, applies edits
// with openpyxl and saves it through LibreOffice again, as an analyst
// correcting the file in Calc would leave it.
func edit(t *testing.T, edits func(ix sheetIndex) [][4]any) string {
	t.Helper()
	py := needPython(t)
	dir := t.TempDir()
	exported := filepath.Join(dir, "w.xlsx")
	if _, errs, code := runCLI(t, "export", "-o", exported); code != 0 {
		t.Fatal(errs)
	}
	saved := officetest.Resave(t, exported)
	list := edits(indexWorkbook(t, saved))
	b, _ := json.Marshal(list)
	editsPath := filepath.Join(dir, "edits.json")
	os.WriteFile(editsPath, b, 0o644)
	edited := filepath.Join(dir, "edited.xlsx")
	if out, err := exec.Command(py, "testdata/edit_cells.py", saved, editsPath, edited).CombinedOutput(); err != nil {
		t.Fatalf("edit_cells.py: %v\n%s", err, out)
	}
	final := officetest.Resave(t, edited)
	dst := filepath.Join(dir, "corrected.xlsx")
	if err := os.Rename(final, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// seedFacts picks rows of the seed for the edits: a reference country, a
// relationship dated to a month (two of them), one dated to a day.
type seedFacts struct {
	d                  *graphmodel.Dataset
	refCountry         graphmodel.Code
	month1, month2     string
	day, plain, source string
}

func pickSeed(t *testing.T) seedFacts {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	s := seedFacts{d: d, source: d.Sources[0].Key}
	own := map[graphmodel.Code]bool{}
	for _, c := range d.Countries {
		own[c.Code] = true
	}
	for _, r := range d.Relationships {
		switch {
		case s.refCountry == "" && !own[r.ToCountry] && len(r.ToCountry) == 2 && r.ToCountry != "ZZ":
			s.refCountry = r.ToCountry
		case r.Date.Precision() == graphmodel.Month && s.month1 == "":
			s.month1 = r.Key
		case r.Date.Precision() == graphmodel.Month && s.month2 == "":
			s.month2 = r.Key
		case r.Date.Precision() == graphmodel.Day && s.day == "":
			s.day = r.Key
		case s.plain == "" && r.Status != "":
			s.plain = r.Key
		}
	}
	if s.refCountry == "" || s.month2 == "" || s.day == "" || s.plain == "" {
		t.Fatalf("seed lacks the rows the test edits: %+v", s)
	}
	return s
}

func (s seedFacts) rel(key string) graphmodel.Relationship {
	for _, r := range s.d.Relationships {
		if r.Key == key {
			return r
		}
	}
	panic(key)
}

// Corrections an analyst makes in Calc are all applied or named by cell:
// reference country edits, a new country and a relationship using it, a
// day typed on month rows (as a date and as text), "12 March 2025", case
// in headers and statuses, a source edit; an edited derived column and an
// inserted column give warnings with their cells.
func TestImportAppliesCorrectionsMadeInLibreOffice(t *testing.T) {
	s := pickSeed(t)
	ref, _ := s.d.Registry.Country(s.refCountry)
	plain := s.rel(s.plain)
	var cells struct{ refName, refRegion, month1, month2, day, fromName, extra, status, newRow string }
	path := edit(t, func(ix sheetIndex) [][4]any {
		cells.refName = ix.cell("Countries", string(s.refCountry), "Name")
		cells.refRegion = ix.cell("Countries", string(s.refCountry), "Region")
		cells.month1 = ix.cell("Relationships", s.month1, "Date")
		cells.month2 = ix.cell("Relationships", s.month2, "Date")
		cells.day = ix.cell("Relationships", s.day, "Date")
		cells.fromName = ix.cell("Relationships", s.plain, "From name")
		cells.status = ix.cell("Relationships", s.plain, "Status")
		extraCol, _ := excelize.ColumnNumberToName(len(ix.cols["Relationships"]) + 1)
		cells.extra = extraCol + "1"
		newC := strconv.Itoa(ix.n["Countries"] + 1)
		newR := strconv.Itoa(ix.n["Relationships"] + 1)
		cells.newRow = newR
		rc := func(col string) string { return ix.cols["Relationships"][col] + newR }
		m1 := s.rel(s.month1).Date.Start()
		return [][4]any{
			{"Countries", cells.refName, "text", ref.Name + " (NGO spelling)"},
			{"Countries", cells.refRegion, "text", "Edited region"},
			{"Countries", "A" + newC, "text", "XN"},
			{"Countries", "B" + newC, "text", "Testland"},
			{"Countries", "C" + newC, "text", "country"},
			{"Countries", "A1", "text", "code"},
			{"Relationships", cells.month1, "date", m1.AddDate(0, 0, 14).Format("2006-01-02")},
			{"Relationships", cells.month2, "text", s.rel(s.month2).Date.Start().AddDate(0, 0, 11).Format("2006-01-02")},
			{"Relationships", cells.day, "text", "12 March 2025"},
			{"Relationships", cells.fromName, "text", "Somewhere else"},
			{"Relationships", cells.status, "text", strings.ToUpper(string(plain.Status[:1])) + string(plain.Status[1:]) + " "},
			{"Relationships", ix.cols["Relationships"]["Note"] + "1", "text", "NOTE"},
			{"Relationships", cells.extra, "text", "NGO comment"},
			{"Relationships", extraCol + "2", "text", "checked by phone"},
			{"Relationships", rc("ID"), "text", "ngo-new-1"},
			{"Relationships", rc("Type"), "text", "Received"},
			{"Relationships", rc("From"), "text", "XN"},
			{"Relationships", rc("To"), "text", string(s.refCountry)},
			{"Relationships", rc("Date"), "date", "2025-07-01"},
			{"Relationships", rc("Date precision"), "text", "month"},
			{"Relationships", rc("Count"), "number", 12},
			{"Relationships", rc("Count qualifier"), "text", "about"},
			{"Relationships", rc("Confidence"), "text", "Reported"},
			{"Relationships", rc("Sources"), "text", s.source},
			{"Relationships", rc("Note"), "text", "NGO field report"},
			{"Sources", ix.cell("Sources", s.source, "Publisher"), "text", "Edited publisher"},
		}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	t.Logf("%s", out)
	m1 := s.rel(s.month1).Date.Start().AddDate(0, 0, 14).Format("2006-01-02")
	m2 := s.rel(s.month2).Date.Start().AddDate(0, 0, 11).Format("2006-01-02")
	for _, want := range []string{
		"relationships: 1 added, 0 removed, 3 modified",
		"added    ngo-new-1",
		"modified " + s.month1, "Date: " + s.rel(s.month1).Date.String() + " → " + m1,
		"modified " + s.month2, "Date: " + s.rel(s.month2).Date.String() + " → " + m2,
		"modified " + s.day, "Date: " + s.rel(s.day).Date.String() + " → 2025-03-12",
		"sources: 0 added, 0 removed, 1 modified",
		"Publisher: ",
		"modified " + string(s.refCountry), `Name: "` + ref.Name + `" → "` + ref.Name + ` (NGO spelling)"`, `Region: "` + ref.Region + `" → "Edited region"`,
		"added    XN",
		"warning: Relationships!" + cells.month1 + ": " + s.month1 + ": date: " + m1 + " is finer than the row's precision",
		"warning: Relationships!" + cells.month2 + ": " + s.month2 + ": date: " + m2 + " is finer",
		"warning: Relationships!" + cells.fromName + ": " + s.plain + `: from name: "Somewhere else" not read`,
		"warning: Relationships!" + cells.extra + ": NGO comment: column not known to import",
		"not read (computed from the data, or not ours): Hubs, Patterns, Profiles, Communities, Timeline, Dependencies, Metric settings, Data dictionary",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(out, "modified "+s.plain) {
		t.Errorf("a status typed in other case, a header in other case or an extra column changed %s", s.plain)
	}
}

// Problems in every sheet are reported in one run, each by its cell:
// formulas (never their cached values), a logical Count, dates validate
// rejects, a bad kind on Countries and on Sources.
func TestImportReportsEveryProblemByCell(t *testing.T) {
	s := pickSeed(t)
	var c struct{ link, count, boolean, serial, far, kind, srcKind string }
	path := edit(t, func(ix sheetIndex) [][4]any {
		rels := s.d.Relationships
		c.link = ix.cell("Relationships", rels[0].Key, "Note")
		c.count = ix.cell("Relationships", rels[1].Key, "Count")
		c.boolean = ix.cell("Relationships", rels[2].Key, "Count")
		c.serial = ix.cell("Relationships", rels[3].Key, "Date")
		c.far = ix.cell("Relationships", rels[4].Key, "Date")
		c.kind = ix.cell("Countries", string(s.d.Countries[0].Code), "Kind")
		c.srcKind = ix.cell("Sources", s.source, "Kind")
		return [][4]any{
			{"Relationships", c.link, "formula", `HYPERLINK("http://x","y")`},
			{"Relationships", c.count, "formula", "2*3"},
			{"Relationships", c.boolean, "bool", true},
			{"Relationships", c.serial, "number", 99999999},
			{"Relationships", c.far, "date", "9999-12-31"},
			{"Countries", c.kind, "text", "planet"},
			{"Sources", c.srcKind, "text", "rumour"},
		}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 3 {
		t.Fatalf("import: exit %d, want 3\n%s%s", code, out, errs)
	}
	t.Logf("%s", errs)
	for _, want := range []string{
		"Relationships!" + c.link + ": note: holds the formula =HYPERLINK(",
		"Relationships!" + c.count + ": count: holds the formula =2*3",
		// LibreOffice stores a typed TRUE as the formula =TRUE(); openpyxl
		// or Excel as a logical cell: either way an error at the cell.
		"Relationships!" + c.boolean + ": count: holds ",
		"Relationships!" + c.serial + ": " + s.d.Relationships[3].Key + ": date: ",
		"Relationships!" + c.far + ": " + s.d.Relationships[4].Key + ": date: date \"9999-12-31\": year out of range",
		"Countries!" + c.kind + ": ",
		"Sources!" + c.srcKind + ": ",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q", want)
		}
	}
	if !strings.Contains(errs, "Relationships!"+c.boolean+": count: holds the logical value TRUE") &&
		!strings.Contains(errs, "Relationships!"+c.boolean+": count: holds the formula =TRUE()") {
		t.Errorf("Count TRUE not reported as a logical value or formula")
	}
}

// A workbook without our sheets says which are missing, Relationships
// included.
func TestImportEmptyWorkbookNamesMissingSheets(t *testing.T) {
	f := excelize.NewFile()
	path := filepath.Join(t.TempDir(), "empty.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runCLI(t, "import", path)
	if code != 3 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Countries: sheet missing", "Relationships: sheet missing", "Sources: sheet missing"} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q:\n%s", want, errs)
		}
	}
}
