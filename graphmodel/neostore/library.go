package neostore

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
)

// NamedQuery is one query of the library: a documented Cypher file under
// queries/, whose header comments give its title, description and params.
type NamedQuery struct {
	Name        string
	Title       string
	Description string
	Params      []string // "name (what it is)"
	Cypher      string
}

//go:embed queries/*.cypher
var queryFS embed.FS

// Library returns the named queries, sorted by name. Queries named
// pattern_* are the analysis package's pattern catalogue in Cypher.
func Library() []NamedQuery {
	entries, _ := queryFS.ReadDir("queries")
	var out []NamedQuery
	for _, e := range entries {
		raw, _ := queryFS.ReadFile("queries/" + e.Name())
		q := NamedQuery{Name: strings.TrimSuffix(e.Name(), path.Ext(e.Name())), Cypher: string(raw)}
		for _, line := range strings.Split(string(raw), "\n") {
			rest, ok := strings.CutPrefix(line, "// ")
			if !ok {
				continue
			}
			k, v, _ := strings.Cut(rest, ": ")
			switch k {
			case "title":
				q.Title = v
			case "description":
				q.Description = v
			case "params":
				q.Params = append(q.Params, strings.Split(v, "; ")...)
			}
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupQuery returns the named query.
func LookupQuery(name string) (NamedQuery, error) {
	for _, q := range Library() {
		if q.Name == name {
			return q, nil
		}
	}
	return NamedQuery{}, fmt.Errorf("no query named %q in the library (leverage query --list)", name)
}
