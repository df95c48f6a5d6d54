package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
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

// The analysis sheets are computed from the data and import does not read
// them, whatever the language: no translated analysis sheet name may be
// taken for a sheet import reads (in any language), and every sheet name
// of one language is distinct and fits Excel's 31 characters. Read back,
// a translated workbook lists its analysis sheets and Data dictionary as
// not read, one for one with the English workbook, and gives the same
// dataset.
func TestAnalysisSheetNamesStayUnread(t *testing.T) {
	read := []sheetSpec{aboutSpec, countriesSpec, relationshipsSpec, sourcesSpec}
	for _, l := range append([]Lang{""}, Langs...) {
		seen := map[string]string{}
		for _, s := range dataSpecs(true) {
			name := l.T(s.name)
			if other, ok := seen[normSheet(name)]; ok {
				t.Errorf("%s: sheets %s and %s are both named %q", l, other, s.name, name)
			}
			seen[normSheet(name)] = s.name
			if n := len([]rune(name)) + len(" (99)"); n > 31 {
				t.Errorf("%s: sheet name %q with a continuation is %d characters", l, name, n)
			}
			if slices.ContainsFunc(read, func(r sheetSpec) bool { return r.name == s.name }) {
				continue
			}
			for _, r := range read {
				if isSheetOf(name, r.name) || isSheetOf(name+" (2)", r.name) {
					t.Errorf("%s: analysis sheet %q reads as %s", l, name, r.name)
				}
			}
		}
	}
	unread := func(l Lang) ([]string, *graphmodel.Dataset) {
		res, err := ReadReportWith(context.Background(), bytes.NewReader(writeSeed(t, Options{Seed: 1, Lang: l})), iso3166.Registry(), ReadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		return res.Unread, res.Dataset
	}
	en, want := unread("")
	if len(en) < 8 {
		t.Fatalf("English workbook: only %v not read", en)
	}
	for _, l := range Langs {
		got, d := unread(l)
		var exp []string
		for _, s := range en {
			exp = append(exp, l.T(s))
		}
		if !slices.Equal(got, exp) {
			t.Errorf("%s: not read %v, want %v", l, got, exp)
		}
		if d.ContentHash() != want.ContentHash() {
			t.Errorf("%s: read back to another dataset", l)
		}
	}
}

// The Hubs and Timeline charts plot their own sheet's cells whatever its
// name: a translated workbook has as many charts as the English one, and
// they refer to the translated sheet names (quoted where Excel needs it).
func TestChartsFollowTranslatedSheetNames(t *testing.T) {
	charts := func(l Lang) string {
		raw := writeSeed(t, Options{Seed: 1, Lang: l})
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "xl/charts/chart") {
				r, _ := f.Open()
				b, _ := io.ReadAll(r)
				r.Close()
				all.WriteString(f.Name + "\n" + string(b))
			}
		}
		return all.String()
	}
	en := charts("")
	n := strings.Count(en, "xl/charts/chart")
	if n < 2 || !strings.Contains(en, "<f>Hubs!$") || !strings.Contains(en, "<f>Timeline!$") {
		t.Fatalf("English workbook: %d charts", n)
	}
	for _, l := range Langs {
		got := charts(l)
		if k := strings.Count(got, "xl/charts/chart"); k != n {
			t.Errorf("%s: %d charts, English %d", l, k, n)
		}
		for _, s := range []sheetSpec{hubsSpec, timelineSpec} {
			if ref := sheetRef(l.T(s.name)); !strings.Contains(got, "<f>"+escapeXML(ref)+"!$") {
				t.Errorf("%s: no chart refers to %s", l, ref)
			}
		}
	}
}

func escapeXML(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
