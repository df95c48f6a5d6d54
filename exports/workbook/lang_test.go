package workbook

import (
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
)

// Each translated header of a sheet, and each translated vocabulary word,
// folds to one meaning only, or import could not read it back; every
// vocabulary value the model offers has its three translations.
func TestLangTermsReadBackToOneMeaning(t *testing.T) {
	for _, spec := range []sheetSpec{aboutSpec, countriesSpec, relationshipsSpec, sourcesSpec, dictionarySpec} {
		seen := map[string]string{}
		for _, c := range spec.columns {
			for _, l := range append([]Lang{""}, Langs...) {
				f := normHeader(l.T(c.name))
				if f == "" {
					t.Errorf("%s: %s header %q folds to nothing", spec.name, l, l.T(c.name))
				}
				if other, ok := seen[f]; ok && other != c.name {
					t.Errorf("%s: %s header %q reads as both %s and %s", spec.name, l, l.T(c.name), other, c.name)
				}
				seen[f] = c.name
				if got := canonicalHeader(spec.name, f); got != normHeader(c.name) {
					t.Errorf("%s: %s header %q reads back as %q", spec.name, l, l.T(c.name), got)
				}
			}
		}
	}
	words := map[string]string{}
	for _, f := range graphmodel.VocabularyFields() {
		for _, v := range f.Values {
			if _, ok := vocabTerms[v]; !ok {
				t.Errorf("%s.%s value %q has no translation", f.Record, f.Field, v)
			}
		}
	}
	for en, tr := range vocabTerms {
		for i, w := range tr {
			k := vocabWord(w)
			if other, ok := words[k]; ok && other != en {
				t.Errorf("%s word %q reads as both %s and %s", Langs[i], w, other, en)
			}
			words[k] = en
			if got := canonicalWord(k); got != en {
				t.Errorf("%s word %q reads back as %q, want %s", Langs[i], w, got, en)
			}
		}
	}
}

// Country names come from CLDR: spot checks against the Unicode CLDR
// territory names (cldr common/main/{es,fr,pt}.xml).
func TestLangCountryNames(t *testing.T) {
	for _, tc := range []struct {
		l    Lang
		code graphmodel.Code
		want string
	}{
		{"es", "SS", "Sudán del Sur"}, {"es", "RW", "Ruanda"}, {"es", "PA", "Panamá"},
		{"fr", "US", "États-Unis"}, {"fr", "SS", "Soudan du Sud"},
		{"pt", "CI", "Costa do Marfim"}, {"pt", "SS", "Sudão do Sul"},
		{"es", "ZZ", ""}, {"", "PA", ""},
	} {
		if got := tc.l.CountryName(tc.code); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.l, tc.code, got, tc.want)
		}
	}
}
