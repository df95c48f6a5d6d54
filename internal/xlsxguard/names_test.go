package xlsxguard

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// part is one stored zip entry, in order (duplicates are a case).
type part struct{ name, body string }

func zipParts(t *testing.T, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		// CreateRaw-free path: zip.Writer keeps names as given, backslashes
		// and leading slashes included.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`
	rootRels     = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%WB%"/></Relationships>`
	workbookXML  = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`
	wbRels       = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%SHEET%"/></Relationships>`
	// badSheet holds row 2 twice: excelize reads it twice, the guard
	// refuses it wherever it looks.
	badSheet    = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`
	sharedSheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`
	// badShared is damaged after its first item: the guard refuses damaged
	// XML, excelize's decoder stops there and reads the item.
	badShared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>shared</t></si></sst><si><t>`
)

func workbookParts(wb, sheetTarget string) []part {
	return []part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", strings.ReplaceAll(rootRels, "%WB%", wb)},
		{"xl/workbook.xml", workbookXML},
		{"xl/_rels/workbook.xml.rels", strings.ReplaceAll(wbRels, "%SHEET%", sheetTarget)},
	}
}

// TestLenientPartNames builds workbooks whose sheet or shared strings are
// stored under names excelize resolves but the standard does not, shows
// that excelize reads their content, and that the guard refuses each,
// naming the part. Before the guard checked names, every case passed it
// unchecked (the sheet with a duplicated row imported twice).
func TestLenientPartNames(t *testing.T) {
	canon := workbookParts("xl/workbook.xml", "worksheets/sheet1.xml")
	tests := []struct {
		name     string
		parts    []part
		wantCell string // what excelize reads in Data!A1
		wantPart string // the refusal names it
	}{
		{"backslashes", append(canon[:4:4], part{`xl\worksheets\sheet1.xml`, badSheet}), "id", `xl\\worksheets\\sheet1.xml`},
		{"sheet folder case", append(canon[:4:4], part{"xl/Worksheets/sheet1.xml", badSheet}), "", "xl/Worksheets/sheet1.xml"},
		{"shared strings case", append(canon[:4:4], part{"xl/worksheets/sheet1.xml", sharedSheet}, part{"xl/SHAREDSTRINGS.xml", badShared}), "shared", "xl/SHAREDSTRINGS.xml"},
		{"content types case", append([]part{{"[content_types].xml", contentTypes}}, append(canon[1:4:4], part{"xl/worksheets/sheet1.xml", badSheet})...), "id", "[content_types].xml"},
		{"leading slash", append(canon[:4:4], part{"/xl/worksheets/sheet1.xml", badSheet}), "", "/xl/worksheets/sheet1.xml"},
		{"dot segment", append(canon[:4:4], part{"xl/./worksheets/sheet1.xml", badSheet}), "", "xl/./worksheets/sheet1.xml"},
		{"stored twice", append(canon[:4:4], part{"xl/worksheets/sheet1.xml", sharedSheet}, part{"xl/worksheets/sheet1.xml", badSheet}), "id", "xl/worksheets/sheet1.xml"},
		{"sheet outside worksheets", append(workbookParts("xl/workbook.xml", "../data/sheet1.xml"), part{"data/sheet1.xml", badSheet}), "id", "workbook.xml.rels"},
		{"sheet not .xml", append(workbookParts("xl/workbook.xml", "worksheets/sheet1.bin"), part{"xl/worksheets/sheet1.bin", badSheet}), "id", "workbook.xml.rels"},
		{"workbook elsewhere", []part{
			{"[Content_Types].xml", contentTypes},
			{"_rels/.rels", strings.ReplaceAll(rootRels, "%WB%", "/book/main.xml")},
			{"xl/workbook.xml", workbookXML},
			{"book/main.xml", workbookXML},
			{"book/_rels/main.xml.rels", strings.ReplaceAll(wbRels, "%SHEET%", "s.xml")},
			{"book/s.xml", badSheet},
		}, "id", "_rels/.rels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := zipParts(t, tt.parts)
			if tt.wantCell != "" {
				// The point of the case: excelize reads the content.
				f, err := excelize.OpenReader(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("excelize cannot open the case: %v", err)
				}
				got, err := f.GetCellValue("Data", "A1")
				f.Close()
				if err != nil || got != tt.wantCell {
					t.Fatalf("excelize reads Data!A1 = %q, %v; the case no longer shows excelize's leniency", got, err)
				}
			}
			err := CheckBytesWatching(context.Background(), b, Default, nil)
			if err == nil {
				t.Fatal("the guard passed a workbook with a lenient part name")
			}
			if !strings.Contains(err.Error(), tt.wantPart) {
				t.Errorf("error %q does not name %q", err, tt.wantPart)
			}
		})
	}
}

// TestCanonicalPartNamesPass: the canonical form of the same workbook
// passes the name checks (its duplicated row is then refused by the sheet
// check, which names the row).
func TestCanonicalPartNamesPass(t *testing.T) {
	b := zipParts(t, append(workbookParts("/xl/workbook.xml", "/xl/worksheets/sheet1.xml"), part{"xl/worksheets/sheet1.xml", badSheet}))
	err := CheckBytesWatching(context.Background(), b, Default, nil)
	if err == nil || !strings.Contains(err.Error(), "Data!") {
		t.Fatalf("want the duplicated row refused by position, got %v", err)
	}
	ok := strings.ReplaceAll(badSheet, `<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row></sheetData>`, `</sheetData>`)
	b = zipParts(t, append(workbookParts("xl/workbook.xml", "worksheets/sheet1.xml"), part{"xl/worksheets/sheet1.xml", ok}))
	if err := CheckBytesWatching(context.Background(), b, Default, nil); err != nil {
		t.Fatalf("canonical workbook refused: %v", err)
	}
}

// The shared strings are counted: excelize holds every item (some 100
// bytes each) once a cell uses one, so a small file of millions of tiny
// items is refused before it is read, naming the item past the bound.
func TestSharedStringsCounted(t *testing.T) {
	sst := func(n int) string {
		return `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + strings.Repeat(`<si><t>a</t></si><si/>`, n/2) + `</sst>`
	}
	ok := strings.ReplaceAll(badSheet, `<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row></sheetData>`, `</sheetData>`)
	lim := Default
	lim.SharedStrings = 10
	for _, tt := range []struct {
		n       int
		wantErr bool
	}{{10, false}, {12, true}} {
		b := zipParts(t, append(workbookParts("xl/workbook.xml", "worksheets/sheet1.xml"), part{"xl/worksheets/sheet1.xml", ok}, part{"xl/sharedStrings.xml", sst(tt.n)}))
		err := CheckBytesWatching(context.Background(), b, lim, nil)
		if (err != nil) != tt.wantErr || err != nil && !strings.Contains(err.Error(), "shared string 11") {
			t.Errorf("%d items: %v", tt.n, err)
		}
	}
}

// FuzzPartNames: a name the guard accepts is one excelize reads under the
// same name (no backslash to turn into a slash, no case to fold), so what
// the guard checked is what the reader reads.
func FuzzPartNames(f *testing.F) {
	for _, s := range []string{"xl/worksheets/sheet1.xml", `xl\worksheets\sheet1.xml`, "xl/SharedStrings.xml", "/xl/a.xml", "xl//a.xml", "[content_types].xml"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if nameProblem(name) != "" {
			return
		}
		if strings.Contains(name, `\`) || strings.HasPrefix(name, "/") || strings.Contains(name, "//") {
			t.Fatalf("accepted %q", name)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range []string{name, "xl/workbook.xml"} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: n})
			if err != nil {
				return
			}
			w.Write([]byte("<x/>"))
		}
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			return
		}
		if checkPartNames(zr) != nil {
			return
		}
		lower := strings.ToLower(name)
		for _, want := range canonicalParts {
			if lower == strings.ToLower(want) && name != want {
				t.Fatalf("accepted %q for %q", name, want)
			}
		}
	})
}
