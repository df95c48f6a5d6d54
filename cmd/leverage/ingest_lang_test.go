package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/internal/officetest"
)

// A tracker kept in LibreOffice with Spanish settings: a date typed into a
// date cell, saved by LibreOffice, shows in the rejects file as the date
// (not the serial number 45731), and a Spanish semicolon CSV ingests.
func TestIngestLibreOfficeDateCellAndSpanishCSV(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Destino", "Fecha", "Número", "Nacionalidades"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Atlántida", time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC), 5, "venezolanos"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"Sudán del Sur", time.Date(2025, 7, 5, 0, 0, 0, 0, time.UTC), 8, "mexicanos"})
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Sheet1", "B2", "B3", style)
	book := filepath.Join(dir, "seguimiento.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	saved := officetest.Resave(t, book)
	out := filepath.Join(dir, "out")
	stdout, errs, code := runCLI(t, "ingest", "tracker", saved, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, errs)
	}
	rejects, err := os.ReadFile(filepath.Join(out, "seguimiento.rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rejects), `unknown destination country ""Atlántida""`) && !strings.Contains(string(rejects), "Atlántida") {
		t.Errorf("rejects lack the Atlántida row:\n%s", rejects)
	}
	if !strings.Contains(string(rejects), ",2025-03-15,") {
		t.Errorf("the date cell is not shown as a date in the rejects:\n%s", rejects)
	}
	mustContain(t, stdout, "relationships made: 1")

	csv := filepath.Join(dir, "es.csv")
	os.WriteFile(csv, []byte("Destino;Fecha;Número;Nacionalidades\nRuanda;20/03/2025;7;iraquíes\nEl Salvador;05/03/2025;238;venezolanos\n"), 0o644)
	stdout, errs, code = runCLI(t, "ingest", "tracker", csv, "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, errs)
	}
	mustContain(t, stdout, "1 imported + 1 rejected")
	rej, _ := os.ReadFile(filepath.Join(dir, "es.rejects.csv"))
	mustContain(t, string(rej), `ambiguous date ""05/03/2025"": 5 March 2025 (day first) or 3 May 2025 (month first)`)
	stdout, errs, code = runCLI(t, "ingest", "tracker", csv, "--dry-run", "--date-order", "dmy")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, errs)
	}
	mustContain(t, stdout, "2 imported + 0 rejected", "numeric dates (05/03/2025): day first (dmy)")
}
