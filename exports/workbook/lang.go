package workbook

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/leverage-project/leverage/graphmodel"
)

// Lang is the language a workbook is written in: "" (English, the
// default), "es", "fr" or "pt". Every sheet gets its name and headers in
// it (the analysis sheets too, which import leaves unread in any
// language), the sheets import reads and the Data dictionary their About
// labels and vocabulary words, and every sheet its
// country names (from CLDR, through golang.org/x/text/language/display);
// import reads any of them back to the same dataset, whatever the
// language. The stored values (codes, ids, the canonical vocabulary) never
// change.
type Lang string

// Langs are the languages besides English, in the order of terms' values.
var Langs = []Lang{"es", "fr", "pt"}

// ParseLang reads the --lang option.
func ParseLang(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(s)); l {
	case "", "en":
		return "", nil
	case "es", "fr", "pt":
		return l, nil
	}
	return "", fmt.Errorf("%q is not en, es, fr or pt", s)
}

func (l Lang) index() int {
	for i, x := range Langs {
		if x == l {
			return i
		}
	}
	return -1
}

// T translates one of the workbook's own words (a sheet name, a header,
// an About label); anything else is returned as is.
func (l Lang) T(s string) string {
	i := l.index()
	if i < 0 {
		return s
	}
	if t, ok := terms[s]; ok {
		return t[i]
	}
	return s
}

// Word shows a vocabulary value in l ("no_response" → "sin respuesta").
func (l Lang) Word(s string) string {
	i := l.index()
	if i < 0 {
		return s
	}
	if t, ok := vocabTerms[s]; ok {
		return t[i]
	}
	return s
}

// CountryName is the CLDR name of an ISO country in l, or "" when CLDR
// has none (a dataset's own actor: ZZ, GRP_…).
func (l Lang) CountryName(code graphmodel.Code) string {
	if l.index() < 0 || len(code) != 2 || code == "ZZ" {
		return ""
	}
	r, err := language.ParseRegion(string(code))
	if err != nil {
		return ""
	}
	name := display.Regions(language.MustParse(string(l))).Name(r)
	if name == "" || strings.EqualFold(name, string(code)) {
		return ""
	}
	return name
}

var reverse struct {
	once   sync.Once
	sheets map[string]string            // normHeader(translated sheet name) -> English
	heads  map[string]map[string]string // English sheet -> normHeader(translated header) -> normHeader(English)
	words  map[string]string            // vocabWord(translated word) -> canonical
	about  map[string]string            // translated About label -> English
}

func loadReverse() {
	reverse.once.Do(func() {
		reverse.sheets, reverse.heads = map[string]string{}, map[string]map[string]string{}
		reverse.words, reverse.about = map[string]string{}, map[string]string{}
		for _, spec := range []sheetSpec{aboutSpec, countriesSpec, relationshipsSpec, sourcesSpec, dictionarySpec} {
			m := map[string]string{}
			for _, l := range Langs {
				reverse.sheets[normSheet(l.T(spec.name))] = spec.name
				for _, c := range spec.columns {
					m[normHeader(l.T(c.name))] = normHeader(c.name)
				}
			}
			reverse.heads[spec.name] = m
		}
		for en, t := range vocabTerms {
			for _, w := range t {
				reverse.words[vocabWord(w)] = en
			}
		}
		for _, item := range aboutItems {
			for _, l := range Langs {
				reverse.about[l.T(item)] = item
			}
		}
	})
}

// normSheet folds a sheet name for matching: case and accents kept as
// typed are compared after lower-casing.
func normSheet(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// canonicalSheet is the English name of a sheet named in any language
// ("Relaciones" → "Relationships"), or name itself.
func canonicalSheet(name string) string {
	loadReverse()
	if en, ok := reverse.sheets[normSheet(name)]; ok {
		return en
	}
	return name
}

// canonicalHeader is the folded English header of a folded header in any
// language, for a sheet's columns.
func canonicalHeader(sheet, folded string) string {
	loadReverse()
	if en, ok := reverse.heads[sheet][folded]; ok {
		return en
	}
	return folded
}

// canonicalWord is the vocabulary value of a word in any language, folded
// as vocabWord folds it; a word that is no translation is returned as is.
func canonicalWord(w string) string {
	loadReverse()
	if en, ok := reverse.words[w]; ok {
		return en
	}
	return w
}

// canonicalAbout is the English About label of a label in any language.
func canonicalAbout(item string) string {
	loadReverse()
	if en, ok := reverse.about[item]; ok {
		return en
	}
	return item
}

// langOf tells the language of a workbook from its sheet names: the
// language whose Relationships sheet it has.
func langOf(sheets []string) Lang {
	for _, l := range Langs {
		want := normSheet(l.T(relationshipsSpec.name))
		if want == normSheet(relationshipsSpec.name) {
			continue
		}
		for _, s := range sheets {
			if normSheet(s) == want || strings.HasPrefix(normSheet(s), want+" (") {
				return l
			}
		}
	}
	return ""
}
