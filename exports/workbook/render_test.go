package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"github.com/leverage-project/leverage/internal/testgate"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/internal/officetest"
)

// Two exports of the same dataset seconds apart, with no time given, are
// the same bytes; SOURCE_DATE_EPOCH, when set, is the document time.
func TestExportsSecondsApartAreIdentical(t *testing.T) {
	d, _ := fixtures.Seed()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	if err := WriteFile(a, d, Options{Seed: 1}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	if err := WriteFile(b, d, Options{Seed: 1}); err != nil {
		t.Fatal(err)
	}
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	if !bytes.Equal(x, y) {
		t.Error("two exports of the same dataset differ")
	}
	if core := zipPart(t, x, "docProps/core.xml"); !strings.Contains(core, d.Meta.Updated.Start().Format("2006-01-02")+"T00:00:00Z") {
		t.Errorf("document time is not the dataset's updated date %s: %s", d.Meta.Updated, core)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if core := zipPart(t, buf.Bytes(), "docProps/core.xml"); !strings.Contains(core, "2023-11-14T22:13:20Z") {
		t.Errorf("SOURCE_DATE_EPOCH=1700000000 not the document time: %s", core)
	}
}

func zipPart(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			s, _ := io.ReadAll(rc)
			return string(s)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

// The chart XML says what the charts should show: Timeline's category
// axis formats its dates as months; Hubs plots layer all's top rows by
// name, rank 1 first (category axis reversed), anchored next to the table.
func TestChartXML(t *testing.T) {
	b := writeSeed(t, Options{Seed: 1})
	var timeline, hubs string
	for i := 1; i <= 2; i++ {
		c := zipPart(t, b, "xl/charts/chart"+strconv.Itoa(i)+".xml")
		switch {
		case strings.Contains(c, "Timeline!"):
			timeline = c
		case strings.Contains(c, "Hubs!"):
			hubs = c
		}
	}
	if timeline == "" || hubs == "" {
		t.Fatal("Timeline or Hubs chart missing")
	}
	catAx := regexp.MustCompile(`<catAx>.*?</catAx>`)
	if ax := catAx.FindString(timeline); !strings.Contains(ax, `formatCode="mmm yyyy"`) || !strings.Contains(ax, `sourceLinked="false"`) {
		t.Errorf("Timeline category axis does not format months: %.300s", ax)
	}
	if ax := catAx.FindString(hubs); !strings.Contains(ax, `<orientation val="maxMin">`) {
		t.Errorf("Hubs category axis not reversed (rank 1 would be at the bottom): %.300s", ax)
	}
	name := colName(hubsSpec, "Name")
	if !strings.Contains(hubs, "Hubs!$"+name+"$2:$"+name+"$11") {
		t.Error("Hubs chart categories are not the names of the top 10 rows")
	}
	if strings.Contains(hubs, "all layers") {
		t.Error("Hubs chart title claims all layers")
	}
	// Hubs opens zoomed out so the chart beside its 19 columns is on screen.
	if sheet := zipPart(t, b, "xl/worksheets/sheet5.xml"); !strings.Contains(sheet, "<t>Layer</t>") || !strings.Contains(sheet, `zoomScale="70"`) {
		t.Errorf("Hubs (sheet5) does not open at 70 %%: %.400s", sheet)
	}
	drawing := zipPart(t, b, "xl/drawings/drawing1.xml") + zipPart(t, b, "xl/drawings/drawing2.xml")
	from := regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col>`).FindAllStringSubmatch(drawing, -1)
	for _, m := range from {
		col, _ := strconv.Atoi(m[1])
		if col != len(hubsSpec.columns)+1 && col != len(timelineSpec.columns)+1 {
			t.Errorf("a chart is anchored at column %d, not one column right of its table", col+1)
		}
	}
}

// LibreOffice prints the workbook as it should: few pages, every sheet
// one page wide with its header row on each page, and the charts drawn
// as they are meant (Hubs: ten bars, longest first, growing from one left
// edge; Timeline: each series' colour present).
func TestLibreOfficePrintsChartsAndPages(t *testing.T) {
	path, _ := seedFile(t, nil)
	pdf := officetest.PDF(t, path)
	pages := officetest.PDFPages(t, pdf)
	if len(pages) == 0 || len(pages) > 50 {
		t.Fatalf("%d printed pages, want 1..50", len(pages))
	}
	footer := regexp.MustCompile(`(?m)^\s*(\S.*?)\s+Page (\d+) of (\d+)\s*$`)
	sheetPages := map[string][]int{}
	for i, p := range pages {
		m := footer.FindStringSubmatch(p)
		if m == nil {
			t.Fatalf("page %d has no footer:\n%s", i+1, p)
		}
		sheetPages[m[1]] = append(sheetPages[m[1]], i+1)
		// Relationships is too wide for one readable A4 page: it prints
		// across pages, each with the ID column and the header row.
		if m[1] == relationshipsSpec.name && !(strings.Contains(p, "ID ") && strings.Contains(p, "appr-")) {
			t.Errorf("Relationships page %d lacks the ID column or the header row:\n%.300s", i+1, p)
		}
	}
	for _, s := range dataSpecs(true) {
		if len(sheetPages[s.name]) == 0 {
			t.Errorf("sheet %s not printed (pages %v)", s.name, sheetPages)
		}
	}
	// Each header word is printed whole (a header too narrow for its
	// longest word breaks it mid-word), every column is on some page, and
	// the widest columns print at a readable size: one band of rows spans
	// three pages, not one squeezed page.
	var rel strings.Builder
	for _, n := range sheetPages[relationshipsSpec.name] {
		rel.WriteString(pages[n-1])
	}
	for _, c := range relationshipsSpec.columns {
		for _, w := range strings.Fields(c.name) {
			if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(w) + `(\s|$)`).MatchString(rel.String()) {
				t.Errorf("Relationships header %q: the word %q is not printed whole", c.name, w)
			}
		}
	}
	if n := len(sheetPages[relationshipsSpec.name]); n < 6 {
		t.Errorf("Relationships printed on %d pages: squeezed to one page wide", n)
	}
	// The ids print at least 7 pt tall (their box; one page wide they
	// were 4 pt, too small to read on A4).
	first := sheetPages[relationshipsSpec.name][0]
	bbox, err := exec.Command(testgate.Program(t, "pdftotext (poppler-utils)", "pdftotext"), "-bbox", "-f", fmt.Sprint(first), "-l", fmt.Sprint(first), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">appr-`).FindStringSubmatch(string(bbox))
	if word == nil {
		t.Fatalf("no relationship id on page %d", first)
	}
	y0, _ := strconv.ParseFloat(word[1], 64)
	y1, _ := strconv.ParseFloat(word[2], 64)
	if y1-y0 < 7 {
		t.Errorf("Relationships ids print %.1f pt tall, want at least 7", y1-y0)
	}
	dict := sheetPages[dictionarySpec.name]
	if len(dict) < 2 {
		t.Fatalf("Data dictionary printed on %d pages; the repeated header needs two", len(dict))
	}
	if !strings.Contains(pages[dict[1]-1], "On import") {
		t.Error("the header row is not repeated on the Data dictionary's second page")
	}

	hubs := decodePNG(t, officetest.PNG(t, pdf, sheetPages[hubsSpec.name][0], 100))
	bars := barsOf(hubs, hexColor(hubsBarColor))
	if len(bars) != 10 {
		t.Fatalf("Hubs chart shows %d bars, want 10", len(bars))
	}
	for i, b := range bars {
		if i > 0 && b.width > bars[i-1].width+2 {
			t.Errorf("Hubs bar %d (%d px) longer than the one above (%d px): rank 1 is not at the top", i+1, b.width, bars[i-1].width)
		}
		if b.left-bars[0].left > 3 || bars[0].left-b.left > 3 {
			t.Errorf("Hubs bar %d starts at x=%d, bar 1 at x=%d: bars do not grow from one edge", i+1, b.left, bars[0].left)
		}
	}
	timeline := decodePNG(t, officetest.PNG(t, pdf, sheetPages[timelineSpec.name][0], 100))
	for _, s := range timelineSeries {
		if n := countColor(timeline, hexColor(s.color)); n < 20 {
			t.Errorf("Timeline chart: %d pixels of the %s colour", n, s.column)
		}
	}
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

type rgb struct{ r, g, b int }

func hexColor(s string) rgb {
	v, _ := strconv.ParseUint(s, 16, 32)
	return rgb{int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)}
}

func near(img image.Image, x, y int, c rgb) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	d := func(a uint32, want int) int {
		x := int(a>>8) - want
		if x < 0 {
			return -x
		}
		return x
	}
	return d(r, c.r) < 16 && d(g, c.g) < 16 && d(b, c.b) < 16
}

func countColor(img image.Image, c rgb) int {
	n := 0
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			if near(img, x, y, c) {
				n++
			}
		}
	}
	return n
}

type bar struct{ top, left, width int }

// barsOf finds horizontal bars of colour c, top to bottom: runs of image
// rows holding a long stretch of it.
func barsOf(img image.Image, c rgb) []bar {
	var bars []bar
	in := false
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		left, n := -1, 0
		for x := bd.Min.X; x < bd.Max.X; x++ {
			if near(img, x, y, c) {
				if left < 0 {
					left = x
				}
				n++
			}
		}
		switch {
		case n >= 3 && !in:
			bars = append(bars, bar{top: y, left: left, width: n})
			in = true
		case n >= 3:
			last := &bars[len(bars)-1]
			last.width = max(last.width, n)
			last.left = min(last.left, left)
		default:
			in = false
		}
	}
	return bars
}
