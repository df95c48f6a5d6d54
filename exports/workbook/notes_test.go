package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// ShowNotes shows only the notes it is given: a note the user wrote on
// another cell stays hidden, and the sheet without marks keeps its page
// setup.
func TestShowNotesOnlyTheGivenCells(t *testing.T) {
	f := excelize.NewFile()
	f.NewSheet("Other")
	for _, c := range []excelize.Comment{
		{Author: "volunteer", Cell: "A1", Paragraph: []excelize.RichTextRun{{Text: "my own note"}}},
		{Author: "leverage import", Cell: "C3", Paragraph: []excelize.RichTextRun{{Text: "refused: why"}}},
	} {
		if err := f.AddComment("Sheet1", c); err != nil {
			t.Fatal(err)
		}
	}
	var in, out bytes.Buffer
	if err := f.Write(&in); err != nil {
		t.Fatal(err)
	}
	if err := ShowNotes(bytes.NewReader(in.Bytes()), int64(in.Len()), &out, map[string][]string{"Sheet1": {"C3"}}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[zf.Name] = string(b)
	}
	if s := parts["xl/worksheets/sheet1.xml"]; !strings.Contains(s, `<pageSetup cellComments="asDisplayed"`) {
		t.Errorf("Sheet1 does not print its notes: %.300s", s[strings.Index(s, "</sheetData>"):])
	}
	if s := parts["xl/worksheets/sheet2.xml"]; strings.Contains(s, "cellComments") {
		t.Errorf("Other (no marks) changed: %s", s)
	}
	var vml string
	for name, s := range parts {
		if strings.HasSuffix(name, ".vml") {
			vml = s
		}
	}
	shapes := strings.Split(vml, "<v:shape ")[1:]
	if len(shapes) != 2 {
		t.Fatalf("%d note shapes, want 2: %s", len(shapes), vml)
	}
	for _, s := range shapes {
		shown := strings.Contains(s, "<x:Visible/>") && strings.Contains(s, "visibility:visible")
		ours := strings.Contains(s, "<x:Row>2</x:Row>") && strings.Contains(s, "<x:Column>2</x:Column>")
		if shown != ours {
			t.Errorf("note shape shown %v, on C3 %v: %s", shown, ours, s)
		}
		if ours && !strings.Contains(s, "<x:Anchor>3, 0, 2,") {
			t.Errorf("C3's note not anchored from column D: %s", s)
		}
	}
	// excelize reads the result back with both notes.
	if g, err := excelize.OpenReader(bytes.NewReader(out.Bytes())); err != nil {
		t.Fatal(err)
	} else if cs, _ := g.GetComments("Sheet1"); len(cs) != 2 {
		t.Errorf("%d comments read back, want 2", len(cs))
	}
}

// A second answer over an answered workbook: excelize deletes the old
// comments but not their shapes, so the first answer's boxes (one replaced
// on C3, one gone on D4) would stay on the page; each cell keeps one shape,
// and only cells with a comment keep any.
func TestShowNotesDropsShapesOfDeletedComments(t *testing.T) {
	round := func(in []byte, edit func(f *excelize.File), show []string) []byte {
		t.Helper()
		var f *excelize.File
		var err error
		if in == nil {
			f = excelize.NewFile()
		} else if f, err = excelize.OpenReader(bytes.NewReader(in)); err != nil {
			t.Fatal(err)
		}
		edit(f)
		var mid, out bytes.Buffer
		if err := f.Write(&mid); err != nil {
			t.Fatal(err)
		}
		if err := ShowNotes(bytes.NewReader(mid.Bytes()), int64(mid.Len()), &out, map[string][]string{"Sheet1": show}); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	note := func(cell, text string) excelize.Comment {
		return excelize.Comment{Author: "leverage import", Cell: cell, Paragraph: []excelize.RichTextRun{{Text: text}}}
	}
	first := round(nil, func(f *excelize.File) {
		f.AddComment("Sheet1", excelize.Comment{Author: "volunteer", Cell: "A1", Paragraph: []excelize.RichTextRun{{Text: "mine"}}})
		f.AddComment("Sheet1", note("C3", "refused: old"))
		f.AddComment("Sheet1", note("D4", "refused: gone"))
	}, []string{"C3", "D4"})
	second := round(first, func(f *excelize.File) {
		f.DeleteComment("Sheet1", "C3")
		f.DeleteComment("Sheet1", "D4")
		f.AddComment("Sheet1", note("C3", "changed: new"))
	}, []string{"C3"})
	zr, err := zip.NewReader(bytes.NewReader(second), int64(len(second)))
	if err != nil {
		t.Fatal(err)
	}
	var vml string
	for _, zf := range zr.File {
		if strings.HasSuffix(zf.Name, ".vml") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			vml = string(b)
		}
	}
	cells := map[string]int{}
	for _, s := range strings.Split(vml, "<v:shape ")[1:] {
		at := s[strings.Index(s, "<x:Row>"):strings.Index(s, "</x:Column>")]
		cells[at]++
		if strings.Contains(at, "<x:Row>2</x:Row><x:Column>2") != strings.Contains(s, "<x:Visible/>") {
			t.Errorf("shape %s: only C3's is shown", at)
		}
	}
	want := map[string]int{"<x:Row>0</x:Row><x:Column>0": 1, "<x:Row>2</x:Row><x:Column>2": 1}
	if len(cells) != len(want) || cells["<x:Row>0</x:Row><x:Column>0"] != 1 || cells["<x:Row>2</x:Row><x:Column>2"] != 1 {
		t.Errorf("note shapes by cell %v, want A1 and C3 once each", cells)
	}
}
