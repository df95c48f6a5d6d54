package graphmodel

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/gonum/graph"
)

// Country is a node of the leverage graph: a country, or one of the few
// other actors a dataset needs (see ActorKind).
type Country struct {
	Code     Code
	Name     string
	Kind     ActorKind
	Region   string
	Alpha3   string
	Aliases  []string // other names: former, short, local ("Swaziland", "Kyrgyz Republic")
	Demonyms []string // nationality words, singular and plural ("Iraqi", "Uzbeks")
}

var _ graph.Node = Country{}
var _ graph.Node = Code("")

// ID is the code's stable node ID.
func (c Country) ID() int64 { return c.Code.ID() }

// Registry resolves codes, names, aliases and demonyms to countries.
// Resolution ignores case, accents, punctuation and a leading "the", so
// "SAO TOME AND PRINCIPE", "São Tomé and Príncipe" and "sao-tome & principe"
// meet. A Registry is immutable once built and safe for concurrent use.
type Registry struct {
	byCode map[Code]*Country
	index  map[string]Code
	codes  []Code // sorted
}

// NewRegistry indexes countries. A name that would resolve to two different
// codes is an error: resolution must never depend on map order.
func NewRegistry(countries []Country) (*Registry, error) {
	r := &Registry{byCode: make(map[Code]*Country, len(countries)), index: make(map[string]Code, len(countries)*6)}
	return r, r.add(countries)
}

// With returns a new registry in which overrides replace or extend r's
// countries. Fields left empty in an override keep r's value, so a dataset's
// countries.csv need only say what it changes.
func (r *Registry) With(overrides []Country) (*Registry, error) {
	merged := make([]Country, 0, len(r.byCode)+len(overrides))
	pos := make(map[Code]int, len(r.byCode))
	for _, code := range r.codes {
		pos[code] = len(merged)
		merged = append(merged, *r.byCode[code])
	}
	for _, o := range overrides {
		i, ok := pos[o.Code]
		if !ok {
			pos[o.Code] = len(merged)
			merged = append(merged, o)
			continue
		}
		b := &merged[i]
		if o.Name != "" {
			b.Aliases = append(b.Aliases, b.Name)
			b.Name = o.Name
		}
		if o.Kind != "" {
			b.Kind = o.Kind
		}
		if o.Region != "" {
			b.Region = o.Region
		}
		if o.Alpha3 != "" {
			b.Alpha3 = o.Alpha3
		}
		b.Aliases = appendNew(b.Aliases, o.Aliases...)
		b.Demonyms = appendNew(b.Demonyms, o.Demonyms...)
	}
	return NewRegistry(merged)
}

func appendNew(dst []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, d := range dst {
			if d == a {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, a)
		}
	}
	return dst
}

func (r *Registry) add(countries []Country) error {
	for i := range countries {
		c := countries[i]
		if !c.Code.Valid() {
			return fmt.Errorf("country %q: invalid code", c.Code)
		}
		if c.Kind == "" {
			c.Kind = KindCountry
		}
		if _, dup := r.byCode[c.Code]; dup {
			return fmt.Errorf("country %s listed twice", c.Code)
		}
		r.byCode[c.Code] = &c
		r.codes = append(r.codes, c.Code)
	}
	sort.Slice(r.codes, func(i, j int) bool { return r.codes[i] < r.codes[j] })
	// Codes and official names first, so an alias can never take them over.
	for _, code := range r.codes {
		c := r.byCode[code]
		for _, k := range []string{string(c.Code), c.Alpha3, c.Name} {
			if err := r.put(k, code, true); err != nil {
				return err
			}
		}
	}
	for _, code := range r.codes {
		c := r.byCode[code]
		for _, list := range [][]string{c.Aliases, c.Demonyms} {
			for _, k := range list {
				if err := r.put(k, code, false); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (r *Registry) put(name string, code Code, primary bool) error {
	k := NormalizeName(name)
	if k == "" {
		return nil
	}
	if prev, ok := r.index[k]; ok && prev != code {
		if !primary {
			// A primary name or code wins over an alias of another country
			// ("Congo" the name of CG stays CG even if listed as CD's alias).
			if r.isPrimary(k, prev) {
				return nil
			}
		}
		return fmt.Errorf("name %q resolves to both %s and %s", name, prev, code)
	}
	r.index[k] = code
	return nil
}

func (r *Registry) isPrimary(k string, code Code) bool {
	c := r.byCode[code]
	return NormalizeName(string(c.Code)) == k || NormalizeName(c.Alpha3) == k || NormalizeName(c.Name) == k
}

// Country returns the country with code c.
func (r *Registry) Country(c Code) (Country, bool) {
	p, ok := r.byCode[c]
	if !ok {
		return Country{}, false
	}
	return *p, true
}

// Name returns the display name of c, or c itself if unknown.
func (r *Registry) Name(c Code) string {
	if p, ok := r.byCode[c]; ok {
		return p.Name
	}
	return string(c)
}

// Resolve finds the country a code, name, alias or demonym denotes.
func (r *Registry) Resolve(name string) (Code, bool) {
	c, ok := r.index[NormalizeName(name)]
	return c, ok
}

// Codes returns every code in the registry, sorted.
func (r *Registry) Codes() []Code { return append([]Code(nil), r.codes...) }

// Len is the number of countries and actors.
func (r *Registry) Len() int { return len(r.codes) }

// NormalizeName folds a name for lookup: accents removed, lower case,
// "&" read as "and", every run of other non-alphanumerics one space, and a
// leading "the" dropped.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	// Invalid bytes would stop NFD from decomposing what follows them.
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '&':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("and")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(foldLetter(r)))
		default:
			space = true
		}
	}
	out := b.String()
	for strings.HasPrefix(out, "the ") {
		out = out[len("the "):]
	}
	return out
}

// foldLetter maps letters that NFD does not decompose to their plain Latin
// reading, so "Łódź"-style and Nordic spellings still meet.
func foldLetter(r rune) rune {
	switch r {
	case 'ø', 'Ø':
		return 'o'
	case 'ł', 'Ł':
		return 'l'
	case 'đ', 'Đ':
		return 'd'
	case 'ı':
		return 'i'
	case 'ß':
		return 's'
	}
	return r
}
