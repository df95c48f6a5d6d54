package xlsxguard

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkCheckFile measures the guard on the workbook named by
// LEVERAGE_GUARD_BENCH (e.g. a 100k-row export), so its cost beside
// excelize's own read can be stated.
func BenchmarkCheckFile(b *testing.B) {
	path := os.Getenv("LEVERAGE_GUARD_BENCH")
	if path == "" {
		b.Skip("set LEVERAGE_GUARD_BENCH to an xlsx file")
	}
	for b.Loop() {
		if err := CheckFile(context.Background(), path, Default); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzCheck feeds arbitrary sheet XML to the guard inside a minimal
// workbook: it must never panic, and what it passes must be well-formed
// XML with rows in increasing order, which is what excelize needs to read
// every row.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="2"></row><row r="2"></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"/></row>`,
		`<!DOCTYPE x [<!ENTITY a "b">]><worksheet>&a;</worksheet>`,
		`<worksheet><sheetData><row><c><v>&bogus;</v></c></row></sheetData></worksheet>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sheet string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, body := range map[string]string{
			"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
			"xl/worksheets/sheet1.xml":   sheet,
		} {
			w, _ := zw.Create(name)
			w.Write([]byte(body))
		}
		zw.Close()
		lim := Default
		lim.CellChars = 64
		err := CheckBytesWatching(context.Background(), buf.Bytes(), lim, nil)
		if err != nil {
			return
		}
		dec := xml.NewDecoder(strings.NewReader(sheet))
		last := 0
		for {
			tok, derr := dec.Token()
			if derr == io.EOF {
				break
			}
			if derr != nil {
				t.Fatalf("guard passed XML encoding/xml refuses: %v", derr)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "row" {
				for _, a := range se.Attr {
					if a.Name.Local == "r" {
						n, _ := strconv.Atoi(a.Value)
						if n <= last {
							t.Fatalf("guard passed row %d after row %d", n, last)
						}
						last = n
					}
				}
			}
		}
	})
}
