// Package officetest runs LibreOffice headless for tests, the way an NGO
// analyst's spreadsheet program would treat our files: re-saving, printing
// to PDF, exporting CSV. Under CI=true a missing LibreOffice (or PDF
// rasteriser) fails the test instead of skipping it.
package officetest

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leverage-project/leverage/internal/testgate"
)

// need returns the path of the first program found, or skips (fails
// under CI) naming what to install.
func need(t testing.TB, what string, names ...string) string {
	t.Helper()
	return testgate.Program(t, fmt.Sprintf("%s (%s)", what, strings.Join(names, " or ")), names...)
}

// Soffice returns the LibreOffice binary.
func Soffice(t testing.TB) string {
	t.Helper()
	return need(t, "LibreOffice (Debian package libreoffice-calc)", "soffice", "libreoffice")
}

// Convert runs soffice --convert-to filter on in, writing into a new
// directory, and returns the output files. Each call gets its own user
// profile: concurrent LibreOffice runs sharing one would block or fail.
func Convert(t testing.TB, in, filter string) []string {
	t.Helper()
	soffice := Soffice(t)
	out := t.TempDir()
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", filter, "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice --convert-to %s %s: %v\n%s", filter, in, err, stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(out, "*"))
	if len(files) == 0 {
		t.Fatalf("soffice --convert-to %s %s wrote nothing:\n%s", filter, in, stderr.String())
	}
	return files
}

// Resave opens in with LibreOffice Calc and saves it as xlsx, as a user
// pressing Save (Keep current format) would; it returns the new file.
func Resave(t testing.TB, in string) string {
	t.Helper()
	return Convert(t, in, "xlsx:Calc MS Excel 2007 XML")[0]
}

// SheetCSVs exports every sheet of in as UTF-8 CSV (comma, double
// quotes, cell text as shown) and returns the file of each sheet by name.
func SheetCSVs(t testing.TB, in string) map[string]string {
	t.Helper()
	// Filter options: separator 44, quote 34, charset 76 (UTF-8), first
	// line 1, no column formats, language default, quote all text false,
	// detect special numbers true, save cell contents as shown, export
	// formulas false, remove space false, sheet -1 = every sheet to its
	// own file named BASE-SHEET.csv.
	files := Convert(t, in, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1")
	base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	out := map[string]string{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".csv")
		out[strings.TrimPrefix(name, base+"-")] = f
	}
	return out
}

// PDF prints in to PDF with LibreOffice and returns the PDF.
func PDF(t testing.TB, in string) string {
	t.Helper()
	return Convert(t, in, "pdf:calc_pdf_Export")[0]
}

// PDFPages returns the text of each page of pdf (pdftotext from
// poppler-utils, or Ghostscript's txtwrite).
func PDFPages(t testing.TB, pdf string) []string {
	t.Helper()
	tool := need(t, "a PDF text extractor (Debian package poppler-utils or ghostscript)", "pdftotext", "gs")
	var out []byte
	var err error
	if filepath.Base(tool) == "pdftotext" {
		out, err = exec.Command(tool, "-layout", pdf, "-").Output()
	} else {
		out, err = exec.Command(tool, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-o", "-", pdf).Output()
		// txtwrite does not mark page ends; pages are told apart by the
		// footer every sheet prints ("Page N of M").
		if err == nil {
			return splitAtFooters(string(out))
		}
	}
	if err != nil {
		t.Fatalf("%s %s: %v", tool, pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func splitAtFooters(text string) []string {
	var pages []string
	var cur strings.Builder
	for _, line := range strings.Split(text, "\n") {
		cur.WriteString(line)
		cur.WriteString("\n")
		if f := strings.Fields(line); len(f) >= 4 && f[len(f)-4] == "Page" && f[len(f)-2] == "of" {
			pages = append(pages, cur.String())
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		pages = append(pages, cur.String())
	}
	return pages
}

// PNG renders page (1-based) of pdf at dpi and returns the PNG file
// (pdftoppm from poppler-utils, or Ghostscript).
func PNG(t testing.TB, pdf string, page, dpi int) string {
	t.Helper()
	tool := need(t, "a PDF rasteriser (Debian package poppler-utils or ghostscript)", "pdftoppm", "gs")
	out := filepath.Join(t.TempDir(), fmt.Sprintf("page-%d.png", page))
	var cmd *exec.Cmd
	if filepath.Base(tool) == "pdftoppm" {
		cmd = exec.Command(tool, "-png", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), "-singlefile", pdf, strings.TrimSuffix(out, ".png"))
	} else {
		cmd = exec.Command(tool, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", fmt.Sprintf("-r%d", dpi),
			fmt.Sprintf("-dFirstPage=%d", page), fmt.Sprintf("-dLastPage=%d", page), "-o", out, pdf)
	}
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, msg)
	}
	return out
}

// Word is one word pdftotext found on a page, with its box in points
// from the page's top left corner.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// PDFWords returns the words of page (1-based) of pdf with their
// positions (pdftotext -bbox from poppler-utils; Ghostscript's text
// output has no positions).
func PDFWords(t testing.TB, pdf string, page int) []Word {
	t.Helper()
	tool := need(t, "pdftotext (Debian package poppler-utils)", "pdftotext")
	out, err := exec.Command(tool, "-bbox", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), pdf, "-").Output()
	if err != nil {
		t.Fatalf("%s -bbox %s: %v", tool, pdf, err)
	}
	var doc struct {
		Words []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			YMax float64 `xml:"yMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"body>doc>page>word"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false // XHTML with a DOCTYPE and entities
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s -bbox %s: %v", tool, pdf, err)
	}
	words := make([]Word, len(doc.Words))
	for i, w := range doc.Words {
		words[i] = Word{w.Text, w.XMin, w.YMin, w.XMax, w.YMax}
	}
	return words
}
