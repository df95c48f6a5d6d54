package workbook

import (
	"fmt"
	"strings"
)

// The workbook's longer texts in the volunteer's language: the Data
// dictionary's meanings and each sheet's description (meanings_xx.go),
// and the About sheet's texts (about_xx.go). The English stays where it
// is defined (specs.go, network.MetricTable, aboutEN); the translations
// are keyed by it (sheet and column names, About labels), and
// TestLangTextsComplete fails when one lacks a translation.

// sheetTexts is one language's sheet descriptions and column meanings,
// keyed by the specs' English sheet and column names.
type sheetTexts struct {
	sheets  map[string]string
	columns map[string]map[string]string
}

// meaningTables are the sheet texts of Langs, in their order.
var meaningTables = [...]*sheetTexts{&meaningsES, &meaningsFR, &meaningsPT}

// aboutTables are the About texts of Langs, in their order: by the
// English label, the value (a format when the English is one).
var aboutTables = [...]map[string]string{aboutES, aboutFR, aboutPT}

// meaning is what a column holds, in l; the English when l has none.
func (l Lang) meaning(sheet string, c column) string {
	if i := l.index(); i >= 0 {
		if t, ok := meaningTables[i].columns[sheet][c.name]; ok {
			return t
		}
	}
	return c.doc
}

// sheetAbout is what a sheet holds, in l.
func (l Lang) sheetAbout(s sheetSpec) string {
	if i := l.index(); i >= 0 {
		if t, ok := meaningTables[i].sheets[s.name]; ok {
			return t
		}
	}
	return s.about
}

// aboutText is the About text keyed key (aboutEN), in l, with args
// filled in when it is a format; the English when l has none.
func (l Lang) aboutText(key string, args ...any) string {
	f := aboutEN[key]
	if i := l.index(); i >= 0 {
		if t, ok := aboutTables[i][key]; ok {
			f = t
		}
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// label is an About label in l: a word of terms, or a format of terms
// with one parameter ("Sheet: %s").
func (l Lang) label(key string, args ...any) string {
	if len(args) == 0 {
		return l.T(key)
	}
	return fmt.Sprintf(l.T(key), args...)
}

// citeSuffixes are the sentence About adds to the citation, in every
// language, so import takes it off whatever the workbook's language.
func citeSuffixes() []string {
	out := []string{aboutEN[keyCiteSuffix]}
	for _, t := range aboutTables {
		out = append(out, t[keyCiteSuffix])
	}
	return out
}

// trimCiteSuffix takes About's own sentence off a citation read back.
func trimCiteSuffix(s string) string {
	for _, suf := range citeSuffixes() {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	return strings.TrimSuffix(s, " ")
}
