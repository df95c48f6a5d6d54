package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ShowNotes copies the xlsx package in (size bytes) to w with the notes
// on the given cells (sheet name → cell references) shown, so that they
// are read without hovering and come out on paper:
//
//   - each such note is made visible (VML <x:Visible/>, visibility:visible):
//     Excel and LibreOffice draw it beside its cell on screen, and LibreOffice
//     prints it there too;
//   - the sheets holding them get pageSetup cellComments="asDisplayed":
//     Excel prints shown notes in place, and LibreOffice's OOXML filter
//     reads that value (and only that one; "atEnd" is ignored) as "print
//     comments", listing every note by cell on pages after the sheet.
//
// Other notes, such as the user's own, are left as they were. excelize has
// neither setting, so they are written into its output here. On every
// sheet, a note shape with no comment left on its cell, or an older shape
// of a cell with a newer one, is dropped: excelize's DeleteComment leaves
// the shape behind, so an earlier answer's notes, replaced or gone, would
// stay on the page as empty or doubled boxes.
func ShowNotes(in io.ReaderAt, size int64, w io.Writer, cells map[string][]string) error {
	zr, err := zip.NewReader(in, size)
	if err != nil {
		return err
	}
	sheets, err := sheetPaths(zr)
	if err != nil {
		return err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ToLower(f.Name)] = f
	}
	// edit maps a part name to the change it gets.
	edit := map[string]func([]byte) []byte{}
	for sheet, part := range sheets {
		at := map[[2]int]bool{}
		for _, ref := range cells[sheet] {
			col, row, err := excelize.CellNameToCoordinates(ref)
			if err != nil {
				return fmt.Errorf("%s!%s: %w", sheet, ref, err)
			}
			at[[2]int{col - 1, row - 1}] = true // VML counts from 0
		}
		if len(at) > 0 {
			edit[strings.ToLower(part)] = printNotesAsDisplayed
		}
		vml, comments, err := noteParts(files, part)
		if err != nil {
			return err
		}
		if vml == "" {
			continue
		}
		commented, err := commentedCells(files, comments)
		if err != nil {
			return err
		}
		edit[strings.ToLower(vml)] = func(b []byte) []byte { return tidyShapes(b, at, commented) }
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		change := edit[strings.ToLower(f.Name)]
		if change == nil {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		hdr := f.FileHeader
		hdr.Method = zip.Deflate
		out, err := zw.CreateHeader(&hdr)
		if err != nil {
			return err
		}
		if _, err := out.Write(change(b)); err != nil {
			return err
		}
	}
	return zw.Close()
}

// noteParts finds the legacy drawing (the VML holding the notes' shapes)
// and the comments part of the worksheet part through its relationships;
// "" for a part it has none of.
func noteParts(files map[string]*zip.File, part string) (vml, comments string, err error) {
	rels := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	f, ok := files[strings.ToLower(rels)]
	if !ok {
		return "", "", nil
	}
	rc, err := f.Open()
	if err != nil {
		return "", "", err
	}
	defer rc.Close()
	var rel struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(&rel); err != nil {
		return "", "", fmt.Errorf("%s: %w", rels, err)
	}
	target := func(t string) string {
		if strings.HasPrefix(t, "/") {
			return strings.TrimPrefix(t, "/")
		}
		return path.Join(path.Dir(part), t)
	}
	for _, r := range rel.Rels {
		switch {
		case strings.HasSuffix(r.Type, "/vmlDrawing"):
			vml = target(r.Target)
		case strings.HasSuffix(r.Type, "/comments"):
			comments = target(r.Target)
		}
	}
	return vml, comments, nil
}

// commentedCells are the cells (column, row, from 0) of a comments part.
func commentedCells(files map[string]*zip.File, part string) (map[[2]int]bool, error) {
	out := map[[2]int]bool{}
	f, ok := files[strings.ToLower(part)]
	if part == "" || !ok {
		return out, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, 256<<20))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "comment" {
			for _, a := range el.Attr {
				if a.Name.Local == "ref" {
					if col, row, err := excelize.CellNameToCoordinates(a.Value); err == nil {
						out[[2]int{col - 1, row - 1}] = true
					}
				}
			}
		}
	}
}

// printNotesAsDisplayed sets cellComments="asDisplayed" on the worksheet's
// page setup, adding one where the sheet has none. The sheet's own
// pageSetup is the last one: custom views, which have theirs, come before.
func printNotesAsDisplayed(sheet []byte) []byte {
	const attr = ` cellComments="asDisplayed"`
	if i := bytes.LastIndex(sheet, []byte("<pageSetup")); i >= 0 {
		end := bytes.IndexByte(sheet[i:], '>')
		if end < 0 {
			return sheet
		}
		tag := sheet[i : i+end]
		var b bytes.Buffer
		b.Write(sheet[:i])
		b.WriteString("<pageSetup" + attr)
		b.Write(dropAttr(tag[len("<pageSetup"):], "cellComments"))
		b.Write(sheet[i+end:])
		return b.Bytes()
	}
	// No page setup: it goes before the first element the schema orders
	// after it; a sheet with notes always has <legacyDrawing>.
	for _, next := range []string{"<headerFooter", "<rowBreaks", "<colBreaks", "<customProperties", "<cellWatches",
		"<ignoredErrors", "<smartTags", "<drawing", "<legacyDrawing"} {
		if i := bytes.Index(sheet, []byte(next)); i >= 0 {
			return bytes.Join([][]byte{sheet[:i], []byte("<pageSetup" + attr + "/>"), sheet[i:]}, nil)
		}
	}
	return sheet
}

// dropAttr removes the attribute key="…" from a tag's attribute text.
func dropAttr(attrs []byte, key string) []byte {
	i := bytes.Index(attrs, []byte(" "+key+`="`))
	if i < 0 {
		return attrs
	}
	rest := attrs[i+len(key)+3:]
	end := bytes.IndexByte(rest, '"')
	if end < 0 {
		return attrs
	}
	return append(append([]byte(nil), attrs[:i]...), rest[end+1:]...)
}

// tidyShapes makes visible the note shapes of a VML drawing anchored at
// the cells in show (column, row, from 0), as Excel writes a shown note,
// and drops each note shape with no comment on its cell or with a later
// shape on the same cell (excelize appends a new note's shape after the
// old ones).
func tidyShapes(vml []byte, show, commented map[[2]int]bool) []byte {
	type piece struct {
		text []byte
		note bool
		at   [2]int
	}
	var pieces []piece
	last := map[[2]int]int{}
	rest := vml
	for {
		i := bytes.Index(rest, []byte("<v:shape "))
		if i < 0 {
			break
		}
		end := bytes.Index(rest[i:], []byte("</v:shape>"))
		if end < 0 {
			break
		}
		end += i + len("</v:shape>")
		pieces = append(pieces, piece{text: rest[:i]})
		shape := rest[i:end]
		p := piece{text: shape, note: bytes.Contains(shape, []byte(`ObjectType="Note"`))}
		if p.note {
			p.at = [2]int{vmlInt(shape, "x:Column"), vmlInt(shape, "x:Row")}
			last[p.at] = len(pieces)
		}
		pieces = append(pieces, p)
		rest = rest[end:]
	}
	var b bytes.Buffer
	for k, p := range pieces {
		switch {
		case !p.note:
			b.Write(p.text)
		case !commented[p.at] || last[p.at] != k:
			// an earlier answer's shape, its comment deleted or replaced
		case show[p.at]:
			b.Write(showShape(p.text))
		default:
			b.Write(p.text)
		}
	}
	b.Write(rest)
	return b.Bytes()
}

func showShape(shape []byte) []byte {
	open := bytes.IndexByte(shape, '>')
	if open < 0 {
		return shape
	}
	head := bytes.Replace(shape[:open], []byte("visibility:hidden"), []byte("visibility:visible"), 1)
	body := shape[open:]
	if !bytes.Contains(body, []byte("<x:Visible")) {
		body = bytes.Replace(body, []byte("</x:ClientData>"), []byte("<x:Visible/></x:ClientData>"), 1)
	}
	return append(append([]byte(nil), head...), besideCell(body)...)
}

// besideCell moves a note's box from inside its cell's column (where
// excelize anchors it, over the value it explains) to the next column,
// where Excel puts a shown note. x:Anchor is left column, offset, top
// row, offset, right column, offset, bottom row, offset, in pixels.
func besideCell(body []byte) []byte {
	const open, close = "<x:Anchor>", "</x:Anchor>"
	i := bytes.Index(body, []byte(open))
	if i < 0 {
		return body
	}
	end := bytes.Index(body[i:], []byte(close))
	if end < 0 {
		return body
	}
	fields := strings.Split(string(body[i+len(open):i+end]), ",")
	if len(fields) != 8 {
		return body
	}
	n := make([]int, 8)
	for k, f := range fields {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return body
		}
		n[k] = v
	}
	if n[4] == n[0] {
		n[5] = max(n[5]-n[1], 1) // the box's width, now from offset 0
	}
	n[0], n[1], n[4] = n[0]+1, 0, n[4]+1
	anchor := fmt.Sprintf("%d, %d, %d, %d, %d, %d, %d, %d", n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7])
	return slices.Concat(body[:i+len(open)], []byte(anchor), body[i+end:])
}

// vmlInt reads the number in <tag>N</tag>; -1 if absent.
func vmlInt(shape []byte, tag string) int {
	i := bytes.Index(shape, []byte("<"+tag+">"))
	if i < 0 {
		return -1
	}
	s := shape[i+len(tag)+2:]
	end := bytes.IndexByte(s, '<')
	if end < 0 {
		return -1
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(s[:end])))
	if err != nil {
		return -1
	}
	return n
}
