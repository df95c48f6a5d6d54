package workbook

import (
	"strings"
	"testing"
)

// The mark scan finds formulas (with or without a namespace prefix, plain
// or shared), logicals and errors by cell, and counts rows; values and
// closing tags are skipped.
func TestScanSheetFindsMarks(t *testing.T) {
	xml := `<?xml version="1.0"?><worksheet xmlns="x"><dimension ref="A1:C3"/><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row>` +
		`<row r="2"><c r="A2"><f>2*3</f><v>6</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c></row>` +
		`<x:row r="3"><x:c r="A3"><x:f t="shared" si="0"/><x:v>1</x:v></x:c><c r="B3" t="str"><f>HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</f><v>y</v></c></x:row>` +
		`</sheetData></worksheet>`
	got, err := scanSheet(strings.NewReader(xml))
	if err != nil {
		t.Fatal(err)
	}
	if got.rows != 3 {
		t.Errorf("%d rows, want 3", got.rows)
	}
	want := sheetMarks{
		"A2": {formula: "2*3", isFormula: true},
		"B2": {boolean: true},
		"C2": {errorValue: true},
		"A3": {isFormula: true},
		"B3": {formula: `HYPERLINK("http://x","y")`, isFormula: true},
	}
	if len(got.marks) != len(want) {
		t.Errorf("marks %+v, want %+v", got.marks, want)
	}
	for ref, m := range want {
		if got.marks[ref] != m {
			t.Errorf("%s: %+v, want %+v", ref, got.marks[ref], m)
		}
	}
}

func FuzzScanSheet(f *testing.F) {
	f.Add(`<row r="2"><c r="A2"><f>2*3</f><v>6</v></c><c r="B2" t="b"><v>1</v></c></row>`)
	f.Add(`<c r='A1' t='e'><f`)
	f.Add(`<<<>>><c r="`)
	f.Fuzz(func(t *testing.T, xml string) {
		got, err := scanSheet(strings.NewReader(xml))
		if err != nil {
			t.Fatalf("scan of an in-memory string failed: %v", err)
		}
		if got.rows > strings.Count(xml, "<") {
			t.Fatalf("%d rows from %d tags", got.rows, strings.Count(xml, "<"))
		}
	})
}
