package xlsxguard

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// FuzzFastScanAgrees holds the fast scanner to the strict one: whatever
// it passes, encoding/xml's strict scan passes too and leaves the
// worksheet checker in the same state; whatever it refuses, it refuses
// as unsure, so the strict scan words the refusal.
func FuzzFastScanAgrees(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<x:worksheet xmlns:x="u"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>3</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Côte d&apos;Ivoire &#x41;&#66;&amp;&lt;&gt;&quot;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="2"></row><row r="2"></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"/></row>`,
		`<!DOCTYPE x [<!ENTITY a "b">]><worksheet>&a;</worksheet>`,
		`<worksheet><sheetData><row><c><v>&bogus;</v></c></row></sheetData></worksheet>`,
		"<worksheet>\r\n<!-- c --><sheetData><![CDATA[x]]></sheetData></worksheet>",
		`<worksheet a='1' b = "&#0;"><sheetData/></worksheet>`,
		`<worksheet><a></b></worksheet>`,
		`<worksheet><t>]]></t><t>a&#x110000;</t></worksheet>`,
	} {
		f.Add(s)
	}
	// Past runLimiter's bounds (CellChars 64 below: 512 bytes): a text
	// outside any cell, and a tag whose attribute holds a '>'.
	f.Add(`<worksheet><x>` + strings.Repeat("a", 600) + `</x></worksheet>`)
	f.Add(`<worksheet><x a=">` + strings.Repeat("a", 600) + `"/></worksheet>`)
	f.Fuzz(func(t *testing.T, sheet string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		w.Write([]byte(sheet))
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		lim := Default
		lim.CellChars = 64
		fast := &worksheet{sheet: "S", lim: lim, long: map[int]int{3: 100}}
		rc, _ := zr.File[0].Open()
		ferr := fastScan(context.Background(), rc, lim, fast)
		rc.Close()
		if ferr != nil {
			if !errors.Is(ferr, errUnsure) {
				t.Fatalf("fast scan refused with its own error %v", ferr)
			}
			return
		}
		strict := &worksheet{sheet: "S", lim: lim, long: map[int]int{3: 100}}
		if err := strictScan(context.Background(), zr.File[0], lim, "S", strict); err != nil {
			t.Fatalf("fast scan passed what the strict scan refuses: %v", err)
		}
		if fast.row != strict.row || fast.rows != strict.rows || fast.col != strict.col || fast.ref != strict.ref || fast.chars != strict.chars {
			t.Fatalf("fast scan ended at %+v, strict at %+v", *fast, *strict)
		}
	})
}
