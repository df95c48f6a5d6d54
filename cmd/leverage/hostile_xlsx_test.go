package main

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// seedWorkbook is the base every workbook recipe edits: an export of seed
// 1.0.0 frozen in testdata, so the recipes' cell references (Relationships!S8,
// <c r="L11" s="3">) do not move when the workbook's layout or the seed
// changes. TestHostileBaseIsValid keeps it a clean input for today's reader.
var seedWorkbook = sync.OnceValues(func() ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", "hostile", "base.xlsx"))
})

func TestHostileBaseIsValid(t *testing.T) {
	if _, errs, code := runCLI(t, "validate", "--data", filepath.Join("testdata", "hostile", "base.xlsx")); code != 0 {
		t.Fatalf("the corpus base workbook no longer validates (exit %d):\n%s", code, errs)
	}
}

// sheetPart finds the part of a sheet by name through the workbook and
// its relationships, as a reader does; names with a '/' are parts already.
func sheetPart(t *testing.T, parts map[string][]byte, sheet string) string {
	t.Helper()
	if strings.Contains(sheet, "/") || strings.HasSuffix(sheet, ".xml") {
		return sheet
	}
	m := regexp.MustCompile(`<sheet name="` + regexp.QuoteMeta(sheet) + `"[^>]* r:id="([^"]+)"`).FindSubmatch(parts["xl/workbook.xml"])
	if m == nil {
		t.Fatalf("no sheet %s", sheet)
	}
	rel := regexp.MustCompile(`Id="` + string(m[1]) + `" Target="([^"]+)"`).FindSubmatch(parts["xl/_rels/workbook.xml.rels"])
	if rel == nil {
		t.Fatalf("no relationship %s", m[1])
	}
	return "xl/" + string(rel[1])
}

// hostileWorkbook applies one corpus recipe to the seed workbook.
func hostileWorkbook(t *testing.T, sheet, op, a, b string) []byte {
	t.Helper()
	seed, err := seedWorkbook()
	if err != nil {
		t.Fatal(err)
	}
	switch op {
	case "raw":
		return []byte(a)
	case "truncate-file":
		n, _ := strconv.Atoi(a)
		return seed[:n]
	case "zipof":
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create(a)
		io.WriteString(w, "hello")
		zw.Close()
		return buf.Bytes()
	}
	zr, err := zip.NewReader(bytes.NewReader(seed), int64(len(seed)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	var order []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
		order = append(order, f.Name)
	}
	part := sheetPart(t, parts, sheet)
	content := string(parts[part])
	at := func(s string) int {
		i := strings.Index(content, s)
		if i < 0 {
			t.Fatalf("%s holds no %q", part, s)
		}
		return i
	}
	declared := uint64(0)
	switch op {
	case "cut-before":
		content = content[:at(a)]
	case "cut-after":
		content = content[:at(a)+len(a)]
	case "replace":
		at(a)
		content = strings.Replace(content, a, b, 1)
	case "insert-after":
		n, _ := strconv.Atoi(strings.TrimPrefix(b, "spaces:"))
		i := at(a) + len(a)
		content = content[:i] + strings.Repeat(" ", n) + content[i:]
	case "longtext":
		n, _ := strconv.Atoi(b)
		i := at(a)
		start := i + strings.Index(content[i:], "<t>") + 3
		end := start + strings.Index(content[start:], "</t>")
		content = content[:start] + strings.Repeat("x", n) + content[end:]
	case "declare-size":
		declared, _ = strconv.ParseUint(a, 10, 64)
	case "addpart":
		content = a
		order = append(order, part)
	case "addpart-use":
		n, _ := strconv.Atoi(a)
		content = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>` + strings.Repeat("y", n) + `</t></si></sst>`
		order = append(order, part)
		rel := sheetPart(t, parts, "Relationships")
		cell := regexp.MustCompile(`<c r="S4"[^>]*>.*?</c>`)
		parts[rel] = cell.ReplaceAll(parts[rel], []byte(b))
	case "rename":
		// The part stored under the name a (and, with b, its relationship
		// pointing at b), with a row duplicated: read unguarded, a row
		// would import twice.
		row := regexp.MustCompile(`<row r="3"[^>]*>.*?</row>`).FindString(content)
		content = strings.Replace(content, row, row+row, 1)
		for i, n := range order {
			if n == part {
				order[i] = a
			}
		}
		if b != "" {
			rels := "xl/_rels/workbook.xml.rels"
			parts[rels] = []byte(strings.Replace(string(parts[rels]), `Target="`+strings.TrimPrefix(part, "xl/")+`"`, `Target="`+b+`"`, 1))
		}
		delete(parts, part)
		part = a
	default:
		t.Fatalf("unknown op %q", op)
	}
	parts[part] = []byte(content)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		data := parts[name]
		if name == part && declared > 0 {
			// A header that claims more than the part holds: a reader
			// must refuse it from the header, before inflating anything.
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
				CompressedSize64: uint64(len(data)), UncompressedSize64: declared})
			w.Write(data)
			continue
		}
		w, _ := zw.Create(name)
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

func TestHostileWorkbooks(t *testing.T) {
	cases := readCorpus(t, "xlsx.tsv", 6)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sheet, op, a, b, verbs, want := c.fields[0], c.fields[1], c.fields[2], c.fields[3], c.fields[4], c.fields[5]
			dir := t.TempDir()
			book := filepath.Join(dir, "hostile.xlsx")
			os.WriteFile(book, hostileWorkbook(t, sheet, op, a, b), 0o644)
			expect(t, exitInvalid, want, "validate", "--data", book)
			out := filepath.Join(dir, "imported")
			expect(t, exitInvalid, want, "import", book, "--out", out)
			if verbs == "all" {
				expect(t, exitInvalid, want, "ingest", "tracker", book, "--sheet", "Relationships", "--out", out)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("%d entries beside the workbook, want none", len(entries)-1)
			}
		})
	}
	if len(cases) < 40 {
		t.Errorf("workbook corpus has %d cases", len(cases))
	}
}

// writeFloodWorkbook writes a workbook whose Relationships sheet holds one
// inline string (or one run of whitespace) of n bytes, streamed so the
// test itself stays small: the 1.6 MB file with a 1.5 GB string.
func writeFloodWorkbook(t *testing.T, path string, n int, whitespace bool) {
	t.Helper()
	seed, err := seedWorkbook()
	if err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(seed), int64(len(seed)))
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	target := sheetPart(t, parts, "Relationships")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if f.Name != target {
			w.Write(parts[f.Name])
			continue
		}
		content := string(parts[f.Name])
		at := strings.Index(content, `<c r="S2"`)
		start := at + strings.Index(content[at:], "<t>") + 3
		if whitespace {
			start = strings.Index(content, "<sheetData>") + len("<sheetData>")
		}
		io.WriteString(w, content[:start])
		chunk := bytes.Repeat([]byte{'A'}, 1<<20)
		if whitespace {
			chunk = bytes.Repeat([]byte{' '}, 1<<20)
		}
		for written := 0; written < n; written += len(chunk) {
			w.Write(chunk)
		}
		io.WriteString(w, content[start:])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// Issue 12: a 1.6 MB workbook holding a 1.5 GB inline string ran import
// and ingest out of memory; 1.5 GB of whitespace took 4.2 GB. Now each
// fails at once, naming the cell, having read a fraction of a megabyte.
func TestFloodedWorkbookFailsWithinBoundedMemory(t *testing.T) {
	n := 256 << 20
	if testing.Short() || raceEnabled {
		n = 32 << 20
	}
	for _, whitespace := range []bool{false, true} {
		dir := t.TempDir()
		book := filepath.Join(dir, "flood.xlsx")
		writeFloodWorkbook(t, book, n, whitespace)
		want := "Relationships!S2"
		if whitespace {
			want = "Relationships"
		}
		for _, args := range [][]string{{"validate", "--data", book}, {"import", book, "--out", filepath.Join(dir, "out")},
			{"ingest", "tracker", book, "--sheet", "Relationships", "--out", filepath.Join(dir, "out")}} {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			expect(t, exitInvalid, want, args...)
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Errorf("%s: allocated %d MiB for a %d MiB flood", args[0], grew>>20, n>>20)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%d files beside the workbook, want none", len(entries)-1)
		}
	}
}
