package main

import (
	"encoding/json"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/internal/officetest"
)

type answers struct {
	First, Active string
	Cells         map[string]map[string][3]string
	Review        [][8]string
	ReviewHeader  []string
}

func readAnswers(t *testing.T, path string) answers {
	t.Helper()
	b, err := exec.Command(needPython(t), "testdata/dump_answers.py", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var a answers
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// The answered-back workbook marks each cell import refused, changed or
// did not read, with the reason in a comment, and lists them on a Review
// sheet opened first, each linking to its cell; a refused import answers
// back too. openpyxl reads the marks back, and LibreOffice prints them:
// the rendered Relationships page shows the highlight colours and the
// reasons beside their cells, and a page after the sheet lists them.
func TestImportAnswersBack(t *testing.T) {
	s := pickSeed(t)
	const changed, refused, ignored = "appr-gt-2025-06", "recv-zz-pa-2025-02", "recv-ir-pa-2025-02"
	var status, count, fromName string
	path := edit(t, func(ix sheetIndex) [][4]any {
		status = ix.cell("Relationships", changed, "Status")
		count = ix.cell("Relationships", refused, "Count")
		fromName = ix.cell("Relationships", ignored, "From name")
		return [][4]any{
			{"Relationships", status, "text", "refused"},
			{"Relationships", count, "text", "three hundred"},
			{"Relationships", fromName, "text", "Somewhere else"},
		}
	})
	answered := filepath.Join(t.TempDir(), "answered.xlsx")
	_, errs, code := runCLI(t, "import", path, "--answer-back", answered)
	if code != 3 {
		t.Fatalf("exit %d, want 3: %s", code, errs)
	}
	mustContain(t, errs, "answered back in "+answered)
	a := readAnswers(t, answered)
	if a.Active != "Review" {
		t.Errorf("opens on %s, want Review", a.Active)
	}
	c := a.Cells["Relationships"]
	if got := c[count]; got[0] != "FF9999" || got[1] != "leverage import" || !strings.Contains(got[2], `refused: "three hundred" is not a whole, non-negative number`) {
		t.Errorf("refused cell %s: %v", count, got)
	}
	if got := c[fromName]; got[0] != "FFD966" || !strings.Contains(got[2], `not read: "Somewhere else" not read: the column is derived`) {
		t.Errorf("ignored cell %s: %v", fromName, got)
	}
	// A refused import compares nothing, so the status edit is not a
	// change yet; it is one once the count is fixed (below).
	if _, ok := c[status]; ok {
		t.Errorf("status cell %s marked in a refused import: %v", status, c[status])
	}
	links := map[string]bool{}
	for _, r := range a.Review {
		links[r[7]] = true
	}
	for _, cell := range []string{count, fromName} {
		if !links["'Relationships'!"+cell] {
			t.Errorf("Review lacks a link to Relationships!%s: %v", cell, a.Review)
		}
	}
	_ = s

	// Fixed count: the import goes through and the answer marks the change.
	path2 := edit(t, func(ix sheetIndex) [][4]any {
		return [][4]any{
			{"Relationships", status, "text", "refused"},
			{"Relationships", fromName, "text", "Somewhere else"},
		}
	})
	out, errs, code := runCLI(t, "import", path2, "--answer-back", answered)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	a = readAnswers(t, answered)
	if got := a.Cells["Relationships"][status]; got[0] != "A9D08E" || !strings.Contains(got[2], "changed: Status: conditional → refused") {
		t.Errorf("changed cell %s: %v", status, got)
	}

	// Printed by LibreOffice: the Review page lists the reasons, and the
	// Relationships page holding the rows shows the marks' colours.
	pdf := officetest.PDF(t, answered)
	pages := officetest.PDFPages(t, pdf)
	review := len(pages)
	if review == 0 || !strings.Contains(pages[review-1], "Status: conditional → refused") {
		t.Fatalf("last printed page is not the Review sheet:\n%.600s", pages[review-1])
	}
	// The marked row prints across pages (Relationships is too wide for
	// one readable page); the marks are on the pages holding its columns.
	var candidates []int
	for i, p := range pages[:review-1] {
		if (strings.Contains(p, changed) || strings.Contains(p, ignored)) && strings.Contains(p, "Relationships") {
			candidates = append(candidates, i+1)
		}
	}
	if len(candidates) == 0 {
		t.Fatal("no printed page holds " + changed + " or " + ignored)
	}
	var png string
	page := 0
	for name, rgb := range map[string][3]uint8{"frame (purple)": {0x70, 0x30, 0xA0}, "not read (yellow)": {0xFF, 0xD9, 0x66}} {
		best := 0
		for _, p := range candidates {
			img := officetest.PNG(t, pdf, p, 100)
			if n := countColour(t, img, rgb); n > best {
				best, png, page = n, img, p
			}
		}
		if best < 20 {
			t.Errorf("pages %v: at most %d pixels of the %s mark", candidates, best, name)
		}
	}
	// The reasons print too. The changed cell's note is shown beside it,
	// on the page holding the cell: its first line level with the row,
	// starting right of the Status column's left edge. LibreOffice also
	// lists every note by cell on a page after the sheet's.
	notePage := 0
	for _, p := range candidates {
		words := officetest.PDFWords(t, pdf, p)
		row, header, note := findWord(words, changed), findWord(words, "Status"), findWord(words, "changed:")
		if row == nil || header == nil || note == nil {
			continue
		}
		dy, dx := note.YMin-row.YMin, note.XMin-header.XMin
		if dy < -3 || dy > 12 || dx < 0 || dx > 150 {
			t.Errorf("page %d: the note \"changed: …\" at (%.0f, %.0f), not beside %s's Status cell (row at y %.0f, column at x %.0f)",
				p, note.XMin, note.YMin, changed, row.YMin, header.XMin)
		}
		notePage = p
	}
	if notePage == 0 {
		t.Errorf("pages %v: no page prints the note of %s beside its row: comments do not print", candidates, status)
	}
	listed := false
	for _, p := range pages[:review-1] {
		if strings.Contains(p, status+":") && strings.Contains(p, "changed: Status: conditional → refused") &&
			strings.Contains(p, fromName+":") && strings.Contains(p, "not read:") {
			listed = true
		}
	}
	if !listed {
		t.Errorf("no printed page lists the notes by cell (%s:, %s:) before the Review sheet", status, fromName)
	}
	if notePage != 0 {
		page = notePage
		png = officetest.PNG(t, pdf, page, 100)
	}
	t.Logf("rendered: review page %s, relationships page %s", officetest.PNG(t, pdf, review, 60), png)
	if dir := os.Getenv("LEVERAGE_KEEP_RENDER"); dir != "" {
		for i, p := range []string{officetest.PNG(t, pdf, review, 80), officetest.PNG(t, pdf, page, 80)} {
			b, _ := os.ReadFile(p)
			os.WriteFile(filepath.Join(dir, []string{"answer-review.png", "answer-relationships.png"}[i]), b, 0o644)
		}
	}
}

// findWord returns the first word on a page that is exactly text.
func findWord(words []officetest.Word, text string) *officetest.Word {
	for i := range words {
		if words[i].Text == text {
			return &words[i]
		}
	}
	return nil
}

// countColour counts the pixels of a PNG within 3 of rgb on each channel.
func countColour(t *testing.T, path string, rgb [3]uint8) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	near := func(a uint32, b uint8) bool { d := int(a>>8) - int(b); return d >= -3 && d <= 3 }
	n := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r, rgb[0]) && near(g, rgb[1]) && near(b, rgb[2]) {
				n++
			}
		}
	}
	return n
}
