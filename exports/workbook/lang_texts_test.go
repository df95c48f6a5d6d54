package workbook

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/fixtures"
)

// fmtVerbs are the fmt verbs of a format, in order: a translation must
// take the same parameters as the English it stands for.
// words are runs of letters, to tell a sentence from figures.
var words = regexp.MustCompile(`\pL{2,}`)

var fmtVerbs = regexp.MustCompile(`%[-+# 0]*[0-9.]*[a-zA-Z%]`)

// Every column of every sheet (the specs, the metric table's columns
// included) has its meaning in each language, every sheet its
// description, every About text of ours its translation with the English
// format's parameters; no translation is keyed by something the English
// tables no longer have.
func TestLangTextsComplete(t *testing.T) {
	for i, l := range Langs {
		m := meaningTables[i]
		specs := dataSpecs(true)
		for _, s := range specs {
			if m.sheets[s.name] == "" {
				t.Errorf("%s: sheet %s has no description", l, s.name)
			}
			for _, c := range s.columns {
				if m.columns[s.name][c.name] == "" {
					t.Errorf("%s: %s column %q has no meaning (English: %q)", l, s.name, c.name, c.doc)
				}
			}
		}
		// Every sheet name and header has its entry in terms (a word the
		// same in both languages is entered as such, PageRank included), so
		// an analysis sheet cannot keep its English name or header by
		// having been forgotten.
		for _, s := range specs {
			if _, ok := terms[s.name]; !ok {
				t.Errorf("%s: sheet name %q has no translation", l, s.name)
			}
			for _, c := range s.columns {
				if _, ok := terms[c.name]; !ok {
					t.Errorf("%s: %s header %q has no translation", l, s.name, c.name)
				}
			}
		}
		for sheet, cols := range m.columns {
			k := slices.IndexFunc(specs, func(s sheetSpec) bool { return s.name == sheet })
			if k < 0 {
				t.Errorf("%s: meanings for sheet %q, which no spec has", l, sheet)
				continue
			}
			for col := range cols {
				if specs[k].index(col) < 0 {
					t.Errorf("%s: meaning for %s column %q, which the spec lacks", l, sheet, col)
				}
			}
		}
		for key, en := range aboutEN {
			tr, ok := aboutTables[i][key]
			if !ok {
				t.Errorf("%s: About text %q has no translation", l, key)
				continue
			}
			if a, b := fmtVerbs.FindAllString(en, -1), fmtVerbs.FindAllString(tr, -1); !slices.Equal(a, b) && !strings.Contains(key, " ") {
				t.Errorf("%s: About %q takes %v, the English %v", l, key, b, a)
			} else if strings.Count(en, "%s")+strings.Count(en, "%d") != strings.Count(tr, "%s")+strings.Count(tr, "%d") {
				t.Errorf("%s: About %q takes %v, the English %v", l, key, b, a)
			}
		}
		for key := range aboutTables[i] {
			if _, ok := aboutEN[key]; !ok {
				t.Errorf("%s: About translation %q has no English", l, key)
			}
		}
	}
}

// A Spanish, French or Portuguese workbook of the seed shows none of our
// English texts on About or the Data dictionary: each text of the tables
// the English comes from (column meanings, sheet descriptions, About
// texts) is looked for in every cell, and every About value that is the
// same text as in the English workbook must be the dataset's own data.
func TestTranslatedAboutAndDictionaryHaveNoEnglish(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	rowsOf := func(l Lang) (about, dict [][]string, sheets map[string][]string) {
		var buf bytes.Buffer
		if err := Write(&buf, d, Options{Generated: fixed, Seed: 1, Lang: l}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		about, _ = f.GetRows(l.T(aboutSpec.name))
		dict, _ = f.GetRows(l.T(dictionarySpec.name))
		sheets = map[string][]string{} // each sheet's header row
		for _, name := range f.GetSheetList() {
			rows, _ := f.GetRows(name)
			sheets[name] = nil
			if len(rows) > 0 {
				sheets[name] = rows[0]
			}
		}
		return about, dict, sheets
	}
	var english []string // every English text of ours, or its fixed part
	for _, s := range dataSpecs(true) {
		english = append(english, s.about)
		for _, c := range s.columns {
			english = append(english, c.doc)
		}
	}
	for _, v := range aboutEN {
		for _, part := range fmtVerbs.Split(v, -1) {
			if len(strings.Fields(part)) >= 3 {
				english = append(english, strings.TrimSpace(part))
			}
		}
	}
	// The dataset's own words, which About shows as they are.
	data := map[string]bool{d.Meta.Name: true, d.Meta.Version: true, d.Meta.Description: true, d.Meta.License: true,
		d.Meta.Updated.String(): true, d.ContentHash(): true, campaignText(d.Meta.Campaign): true}
	enAbout, _, _ := rowsOf("")
	for _, l := range Langs {
		about, dict, sheets := rowsOf(l)
		if len(about) != len(enAbout)+1 || len(dict) < 100 {
			t.Fatalf("%s: %d About rows (English %d), %d dictionary rows", l, len(about), len(enAbout), len(dict))
		}
		for _, sheet := range [][][]string{about, dict} {
			for r, row := range sheet {
				for _, cell := range row {
					for _, en := range english {
						if len(en) > 12 && strings.Contains(cell, en) {
							t.Errorf("%s: row %d holds the English %q", l, r+1, en)
						}
					}
				}
			}
		}
		// Row by row against the English workbook (the translated one has
		// the Language row as its fourth).
		tr := append(slices.Clone(about[:3]), about[4:]...)
		for r := 1; r < len(enAbout); r++ {
			if len(tr[r]) < 2 || len(enAbout[r]) < 2 {
				continue
			}
			if tr[r][0] == enAbout[r][0] && terms[tr[r][0]][l.index()] != tr[r][0] {
				t.Errorf("%s: About label %q left in English", l, tr[r][0])
			}
			v := tr[r][1]
			if v == enAbout[r][1] && !data[v] && len(words.FindAllString(v, -1)) >= 3 && !strings.HasPrefix(v, "leverage ") {
				t.Errorf("%s: About %q value left in English: %q", l, enAbout[r][0], v)
			}
		}
		noEnglishNames(t, l, sheets, dict)
		cite := slices.IndexFunc(about, func(row []string) bool { return len(row) > 1 && row[0] == l.T("How to cite") })
		if cite < 0 || !strings.HasSuffix(about[cite][1], aboutTables[l.index()][keyCiteSuffix]) {
			t.Errorf("%s: How to cite lacks the translated sentence", l)
		}
	}
}

// The citation read back loses About's own sentence in any language.
func TestCiteSuffixTakenOffInEveryLanguage(t *testing.T) {
	for _, l := range append([]Lang{""}, Langs...) {
		if got := trimCiteSuffix("A. Author (2026). Data. " + l.aboutText(keyCiteSuffix)); got != "A. Author (2026). Data." {
			t.Errorf("%s: %q", l, got)
		}
	}
}

// noEnglishNames fails when a translated workbook keeps an English sheet
// name or header, on the sheets themselves or in the Data dictionary's
// Sheet and Column cells. A word is allowed in English only where terms
// says the language writes it the same ("Total", "PageRank").
func noEnglishNames(t *testing.T, l Lang, sheets map[string][]string, dict [][]string) {
	t.Helper()
	same := func(en string) bool { tr, ok := terms[en]; return ok && tr[l.index()] == en }
	for _, s := range dataSpecs(true) {
		if _, ok := sheets[s.name]; ok && !same(s.name) {
			t.Errorf("%s: sheet %q keeps its English name", l, s.name)
		}
		head, ok := sheets[l.T(s.name)]
		if !ok {
			t.Errorf("%s: no sheet %q (%s)", l, l.T(s.name), s.name)
			continue
		}
		for i, c := range s.columns {
			if i >= len(head) || head[i] != l.T(c.name) || (c.name == head[i] && !same(c.name)) {
				t.Errorf("%s: %s header %d is %q (English %q)", l, l.T(s.name), i+1, head[min(i, len(head)-1)], c.name)
			}
		}
	}
	names, cols := map[string]bool{}, map[string]bool{}
	for _, s := range dataSpecs(true) {
		names[s.name] = !same(s.name)
		for _, c := range s.columns {
			cols[c.name] = cols[c.name] || !same(c.name)
		}
	}
	for r, row := range dict[1:] {
		if len(row) < 2 {
			continue
		}
		if names[row[0]] {
			t.Errorf("%s: Data dictionary row %d names the sheet in English: %q", l, r+2, row[0])
		}
		if cols[row[1]] {
			t.Errorf("%s: Data dictionary row %d names the column in English: %q", l, r+2, row[1])
		}
	}
}
