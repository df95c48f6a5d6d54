package xlsxguard

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

type recorder struct{ calls []string }

func (r *recorder) Row()                 { r.calls = append(r.calls, "row") }
func (r *recorder) Cell(ref, typ string) { r.calls = append(r.calls, "c "+ref+" "+typ) }
func (r *recorder) Formula(text string)  { r.calls = append(r.calls, "f "+text) }

// The watcher sees rows, cells (with the reference a cell without r
// implies) and formulas, the same whether the fast scan takes the sheet
// or gives up on it (a comment) and the strict scan does, and only the
// latest watcher of a sheet counts.
func TestCheckBytesWatching(t *testing.T) {
	sheet := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x" xmlns:x="x"><sheetData>` +
		`<row r="2"><c r="A2"><f>2*3</f><v>6</v></c><c t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>` +
		`<x:row><x:c r="A3"><x:f t="shared" si="0"/><x:v>1</x:v></x:c><c r="B3" t="str"><f>HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</f><v>y</v></c></x:row>` +
		`</sheetData></worksheet>`
	want := []string{"row", "c A2 ", "f 2*3", "c B2 b", "c D2 e", "row", "c A3 ", "f ", "c B3 str", `f HYPERLINK("http://x","y")`}
	for i, body := range []string{sheet, strings.Replace(sheet, "<sheetData>", "<!-- a comment --><sheetData>", 1)} {
		var got []*recorder
		err := CheckBytesWatching(context.Background(), workbookWith(body), Default, func(name string) CellWatcher {
			if name != "S" {
				t.Errorf("watcher asked for sheet %q", name)
			}
			got = append(got, &recorder{})
			return got[len(got)-1]
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != i+1 {
			t.Errorf("%d watchers, want %d (the fast scan, then for the comment the strict one)", len(got), i+1)
		}
		if last := got[len(got)-1]; !reflect.DeepEqual(last.calls, want) {
			t.Errorf("watcher saw\n%q\nwant\n%q", last.calls, want)
		}
	}
}

func workbookWith(sheet string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	} {
		w, err := zw.Create(p[0])
		if err != nil {
			panic(fmt.Sprint(err))
		}
		w.Write([]byte(p[1]))
	}
	zw.Close()
	return buf.Bytes()
}
