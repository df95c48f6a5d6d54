package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"path"
	"strings"
)

// cellMark is what a cell is, beyond its value, that import must not
// take at face value: excelize's row iterator gives only values, so a
// formula would arrive as its cached result and TRUE as 1.
type cellMark struct {
	formula                        string // the formula text ("" with isFormula for a shared formula's followers)
	isFormula, boolean, errorValue bool
}

// sheetMarks maps a cell reference ("S5") to its mark, for the cells that
// have one.
type sheetMarks map[string]cellMark

// scanMarks finds the formula, logical and error cells of the named
// sheets in the xlsx package zr. It reads each sheet's XML once, tag by
// tag, without building it in memory.
func scanMarks(zr *zip.Reader, wanted func(sheet string) bool) (map[string]sheetMarks, error) {
	paths, err := sheetPaths(zr)
	if err != nil {
		return nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	out := map[string]sheetMarks{}
	for sheet, p := range paths {
		if !wanted(sheet) {
			continue
		}
		f, ok := files[p]
		if !ok {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		m, err := scanSheet(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[sheet] = m
	}
	return out, nil
}

// sheetPaths maps sheet names to their part names through xl/workbook.xml
// and its relationships.
func sheetPaths(zr *zip.Reader) (map[string]string, error) {
	read := func(name string) ([]byte, error) {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, name) {
				rc, err := f.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(io.LimitReader(rc, 64<<20))
			}
		}
		return nil, errors.New(name + " missing")
	}
	wb, err := read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &book); err != nil {
		return nil, err
	}
	var rel struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rels, &rel); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rel.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range book.Sheets {
		if t, ok := target[s.ID]; ok {
			out[s.Name] = t
		}
	}
	return out, nil
}

// scanSheet walks the tags of one worksheet part: <c r=… t=…> opens a
// cell, <f> inside it is a formula; t="b" is a logical, t="e" an error.
func scanSheet(r io.Reader) (sheetMarks, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	marks := sheetMarks{}
	var cur string
	for {
		if _, err := skipTo(br, '<'); err != nil {
			if err == io.EOF {
				return marks, nil
			}
			return nil, err
		}
		tag, err := readTag(br)
		if err != nil {
			if err == io.EOF {
				return marks, nil
			}
			return nil, err
		}
		name, attrs := splitTag(tag)
		switch name {
		case "c":
			cur = attr(attrs, "r")
			switch attr(attrs, "t") {
			case "b":
				m := marks[cur]
				m.boolean = true
				marks[cur] = m
			case "e":
				m := marks[cur]
				m.errorValue = true
				marks[cur] = m
			}
		case "f":
			m := marks[cur]
			m.isFormula = true
			if !bytes.HasSuffix(tag, []byte("/")) {
				text, err := br.ReadSlice('<')
				if err == nil {
					m.formula = html.UnescapeString(string(text[:len(text)-1]))
				}
				if err == nil || errors.Is(err, bufio.ErrBufferFull) {
					br.UnreadByte()
				}
			}
			marks[cur] = m
		}
	}
}

// skipTo discards input up to and including the next delimiter.
func skipTo(br *bufio.Reader, delim byte) (int, error) {
	n := 0
	for {
		s, err := br.ReadSlice(delim)
		n += len(s)
		if err == nil {
			return n, nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return n, err
		}
	}
}

// readTag returns the tag text after '<' up to (not including) '>'; a
// tag longer than the buffer is returned truncated, which only long
// attribute values of other elements can cause.
func readTag(br *bufio.Reader) ([]byte, error) {
	s, err := br.ReadSlice('>')
	if err == nil {
		return s[:len(s)-1], nil
	}
	if errors.Is(err, bufio.ErrBufferFull) {
		head := append([]byte(nil), s...)
		_, err = skipTo(br, '>')
		return head, err
	}
	return nil, err
}

// splitTag gives the local name of a start tag and its attribute text.
func splitTag(tag []byte) (string, []byte) {
	end := bytes.IndexAny(tag, " \t\r\n/")
	name, attrs := tag, []byte(nil)
	if end >= 0 {
		name, attrs = tag[:end], tag[end:]
	}
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	if len(name) != 1 {
		return "", nil // only <c> and <f> matter; skip the rest cheaply
	}
	return string(name), attrs
}

// attr returns the value of the attribute key in attrs ("" if absent).
func attr(attrs []byte, key string) string {
	for len(attrs) > 0 {
		i := bytes.Index(attrs, []byte(key+"="))
		if i < 0 {
			return ""
		}
		if i > 0 && !isSpace(attrs[i-1]) {
			attrs = attrs[i+len(key)+1:]
			continue
		}
		rest := attrs[i+len(key)+1:]
		if len(rest) == 0 {
			return ""
		}
		q := rest[0]
		if q != '"' && q != '\'' {
			return ""
		}
		end := bytes.IndexByte(rest[1:], q)
		if end < 0 {
			return ""
		}
		return string(rest[1 : 1+end])
	}
	return ""
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }
