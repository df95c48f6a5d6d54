package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A Spanish workbook is answered back in Spanish: its Review sheet is
// "Revisión" with Spanish headers, and each comment and Review row says
// what was done and why in Spanish, vocabulary words and column names
// included; the same workbook answered with --lang en speaks English.
// The expected sentences are our Spanish catalog's, filled in by hand.
func TestImportAnswersBackInSpanish(t *testing.T) {
	const changed, refused, ignored = "appr-gt-2025-06", "recv-zz-pa-2025-02", "recv-ir-pa-2025-02"
	var status, count, fromName, date string
	path := editExport(t, []string{"--lang", "es"}, func(ix sheetIndex) [][4]any {
		count = ix.cell("Relaciones", refused, "Cantidad")
		fromName = ix.cell("Relaciones", ignored, "Nombre desde")
		date = ix.cell("Relaciones", refused, "Fecha")
		return [][4]any{
			{"Relaciones", count, "text", "trescientos"},
			{"Relaciones", fromName, "text", "Otro lugar"},
			{"Relaciones", date, "text", "05/03/2025"},
		}
	})
	answered := filepath.Join(t.TempDir(), "respuesta.xlsx")
	_, errs, code := runCLI(t, "import", path, "--answer-back", answered)
	if code != 3 {
		t.Fatalf("exit %d, want 3: %s", code, errs)
	}
	a := readAnswers(t, answered)
	if a.Active != "Revisión" {
		t.Errorf("opens on %q, want Revisión", a.Active)
	}
	if want := []string{"Hoja", "Celda", "ID de fila", "Campo", "Escrito", "Qué se hizo", "Por qué"}; !slices.Equal(a.ReviewHeader, want) {
		t.Errorf("Review header %q, want %q", a.ReviewHeader, want)
	}
	c := a.Cells["Relaciones"]
	for cell, want := range map[string]string{
		count:    `rechazado: "trescientos" no es un número entero no negativo`,
		fromName: `no leído: "Otro lugar": la columna se calcula a partir del código (IR es "Irán")`,
		date:     `rechazado: fecha ambigua "05/03/2025": 2025-03-05 (día primero) o 2025-05-03 (mes primero)`,
	} {
		if got := c[cell]; !strings.Contains(got[2], want) {
			t.Errorf("comment on Relaciones!%s: %q, want %q", cell, got[2], want)
		}
	}
	english := []string{"refused", "not read", "is not", "the column", "ambiguous", "day first"}
	for cell, got := range c {
		for _, w := range english {
			if strings.Contains(got[2], w) {
				t.Errorf("comment on Relaciones!%s holds the English %q: %q", cell, w, got[2])
			}
		}
	}
	for _, r := range a.Review {
		if !slices.Contains([]string{"rechazado", "no leído"}, r[5]) {
			t.Errorf("Review row %v: done %q is not Spanish", r, r[5])
		}
		for _, w := range english {
			if strings.Contains(r[6], w) {
				t.Errorf("Review row %v holds the English %q", r, w)
			}
		}
	}
	if !slices.ContainsFunc(a.Review, func(r [8]string) bool { return r[3] == "Cantidad" && r[7] == "'Relaciones'!"+count }) {
		t.Errorf("no Review row for Cantidad linking to Relaciones!%s: %v", count, a.Review)
	}

	// A Spanish status word typed over another is a change, said in
	// Spanish; with --lang en the same answer is English.
	path = editExport(t, []string{"--lang", "es"}, func(ix sheetIndex) [][4]any {
		status = ix.cell("Relaciones", changed, "Estado")
		return [][4]any{{"Relaciones", status, "text", "rechazado"}}
	})
	for _, tc := range []struct{ lang, review, comment string }{
		{"", "Revisión", "cambiado: Estado: condicional → rechazado"},
		{"en", "Review", "changed: Status: conditional → refused"},
	} {
		args := []string{"import", path, "--answer-back", answered}
		if tc.lang != "" {
			args = append(args, "--lang", tc.lang)
		}
		out, errs, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errs)
		}
		a = readAnswers(t, answered)
		if got := a.Cells["Relaciones"][status]; a.Active != tc.review || got[0] != "A9D08E" || !strings.Contains(got[2], tc.comment) {
			t.Errorf("--lang %q: opens on %q, status cell %v; want %s and %q", tc.lang, a.Active, got, tc.review, tc.comment)
		}
		// The Review row shows the word as the workbook does.
		want := map[string]string{"": "rechazado", "en": "refused"}[tc.lang]
		if !slices.ContainsFunc(a.Review, func(r [8]string) bool { return r[1] == status && r[4] == want }) {
			t.Errorf("--lang %q: no Review row for %s typed %q: %v", tc.lang, status, want, a.Review)
		}
	}
	if _, errs, code := runCLI(t, "import", path, "--lang", "es"); code != 2 {
		t.Errorf("--lang without --answer-back: exit %d, want 2: %s", code, errs)
	}
}
