// Package iso3166 builds the reference Registry of leverage: every current
// ISO 3166-1 country plus Kosovo (XK), from github.com/biter777/countries,
// completed with the names, aliases and demonyms that table lacks.
package iso3166

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/biter777/countries"

	"github.com/leverage-project/leverage/graphmodel"
)

// Countries returns the reference table, sorted by code.
func Countries() []graphmodel.Country {
	extra := parseExtra()
	var out []graphmodel.Country
	for _, c := range countries.All() {
		code := c.Alpha2()
		if withdrawn[code] {
			continue
		}
		country := graphmodel.Country{
			Code:   graphmodel.Code(code),
			Name:   c.String(),
			Kind:   graphmodel.KindCountry,
			Region: region(code, c.Region().String()),
			Alpha3: c.Alpha3(),
		}
		if e, ok := extra[code]; ok {
			if e.name != "" && e.name != country.Name {
				country.Aliases = append(country.Aliases, country.Name)
				country.Name = e.name
			}
			country.Aliases = append(country.Aliases, e.aliases...)
			country.Demonyms = withPlurals(e.demonyms)
		}
		out = append(out, country)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

var (
	once   sync.Once
	reg    *graphmodel.Registry
	regErr error
)

// Registry returns the reference registry, built once. It panics if the
// built-in tables conflict, which a test guards against.
func Registry() *graphmodel.Registry {
	once.Do(func() { reg, regErr = graphmodel.NewRegistry(Countries()) })
	if regErr != nil {
		panic(fmt.Sprintf("iso3166: built-in tables conflict: %v", regErr))
	}
	return reg
}

type extraEntry struct {
	name     string
	aliases  []string
	demonyms []string
}

func parseExtra() map[string]extraEntry {
	out := map[string]extraEntry{}
	for _, line := range strings.Split(strings.TrimSpace(extraNames), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 4 {
			panic("iso3166: malformed extraNames line " + line)
		}
		out[f[0]] = extraEntry{name: f[1], aliases: splitList(f[2]), demonyms: splitList(f[3])}
	}
	return out
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// withPlurals adds the regular English plural of each demonym that takes
// one ("Iraqi" -> "Iraqis"); "Chinese", "Swiss", "British" take none.
func withPlurals(demonyms []string) []string {
	out := append([]string(nil), demonyms...)
	for _, d := range demonyms {
		if p := plural(d); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func plural(d string) string {
	if strings.ContainsAny(d, "() ") && !strings.HasSuffix(d, "an") {
		return ""
	}
	for _, suf := range []string{"ese", "sh", "ch", "ss", "s", "x", "i-Kiribati"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	if strings.HasSuffix(d, ")") {
		return ""
	}
	if strings.HasSuffix(d, "man") {
		return strings.TrimSuffix(d, "man") + "men"
	}
	return d + "s"
}

func region(code, continent string) string {
	if centralAmerica[code] {
		return "Central America"
	}
	if continent == "North America" {
		switch code {
		case "US", "CA", "MX", "GL", "BM", "PM":
			return continent
		}
		return "Caribbean"
	}
	return continent
}
