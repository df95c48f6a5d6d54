package graphmodel

import (
	"fmt"
	"reflect"
	"strings"
)

// Change is one relationship that differs between two datasets.
type Change struct {
	Key    string   `json:"id"`
	Kind   string   `json:"change"`           // added, removed, modified
	Fields []string `json:"fields,omitempty"` // for modified: "note: old → new"
	// Edits are Fields as parts, for readers that word them otherwise.
	Edits []Edit `json:"-"`
}

// Edit is one field a change modified: its name and both values as
// Fields shows them.
type Edit struct{ Field, Old, New string }

func (e Edit) String() string { return e.Field + ": " + e.Old + " → " + e.New }

func editsOf(a, b any) (fields []string, edits []Edit) {
	edits = fieldDiff(a, b)
	for _, e := range edits {
		fields = append(fields, e.String())
	}
	return fields, edits
}

// Changes compares relationships (by Key), sources and country records of
// two datasets: what a corrected copy changed against the current data.
type Changes struct {
	Relationships []Change `json:"relationships"`
	Sources       []Change `json:"sources"`
	Countries     []Change `json:"countries"`
}

// Count returns the number of added, removed and modified relationships.
func (c Changes) Count() (added, removed, modified int) {
	for _, x := range c.Relationships {
		switch x.Kind {
		case "added":
			added++
		case "removed":
			removed++
		default:
			modified++
		}
	}
	return
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool {
	return len(c.Relationships) == 0 && len(c.Sources) == 0 && len(c.Countries) == 0
}

// Diff lists what changed from old to new, in new's order then old's.
func Diff(old, new *Dataset) Changes {
	var out Changes
	oldRels := map[string]*Relationship{}
	for i := range old.Relationships {
		oldRels[old.Relationships[i].Key] = &old.Relationships[i]
	}
	seen := map[string]bool{}
	for i := range new.Relationships {
		n := &new.Relationships[i]
		seen[n.Key] = true
		o, ok := oldRels[n.Key]
		if !ok {
			out.Relationships = append(out.Relationships, Change{Key: n.Key, Kind: "added"})
			continue
		}
		if f, e := editsOf(*o, *n); len(f) > 0 {
			out.Relationships = append(out.Relationships, Change{Key: n.Key, Kind: "modified", Fields: f, Edits: e})
		}
	}
	for _, o := range old.Relationships {
		if !seen[o.Key] {
			out.Relationships = append(out.Relationships, Change{Key: o.Key, Kind: "removed"})
		}
	}
	oldSrc := map[string]Source{}
	for _, s := range old.Sources {
		oldSrc[s.Key] = s
	}
	seen = map[string]bool{}
	for _, s := range new.Sources {
		seen[s.Key] = true
		o, ok := oldSrc[s.Key]
		switch {
		case !ok:
			out.Sources = append(out.Sources, Change{Key: s.Key, Kind: "added"})
		case !reflect.DeepEqual(o, s):
			f, e := editsOf(o, s)
			out.Sources = append(out.Sources, Change{Key: s.Key, Kind: "modified", Fields: f, Edits: e})
		}
	}
	for _, s := range old.Sources {
		if !seen[s.Key] {
			out.Sources = append(out.Sources, Change{Key: s.Key, Kind: "removed"})
		}
	}
	oldC := map[Code]Country{}
	for _, c := range old.Countries {
		oldC[c.Code] = c
	}
	seenC := map[Code]bool{}
	for _, c := range new.Countries {
		seenC[c.Code] = true
		o, ok := oldC[c.Code]
		switch {
		case !ok:
			out.Countries = append(out.Countries, Change{Key: string(c.Code), Kind: "added"})
		case !reflect.DeepEqual(normCountry(o), normCountry(c)):
			f, e := editsOf(normCountry(o), normCountry(c))
			out.Countries = append(out.Countries, Change{Key: string(c.Code), Kind: "modified", Fields: f, Edits: e})
		}
	}
	for _, c := range old.Countries {
		if !seenC[c.Code] {
			out.Countries = append(out.Countries, Change{Key: string(c.Code), Kind: "removed"})
		}
	}
	return out
}

func normCountry(c Country) Country {
	if len(c.Aliases) == 0 {
		c.Aliases = nil
	}
	if len(c.Demonyms) == 0 {
		c.Demonyms = nil
	}
	return c
}

// fieldDiff lists the exported fields that differ, with both values.
func fieldDiff(a, b any) []Edit {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []Edit
	for i := 0; i < va.NumField(); i++ {
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if !reflect.DeepEqual(x, y) {
			out = append(out, Edit{va.Type().Field(i).Name, show(x), show(y)})
		}
	}
	return out
}

func show(v any) string {
	switch x := v.(type) {
	case []string:
		return "[" + strings.Join(x, "; ") + "]"
	case string:
		if len(x) > 60 {
			return fmt.Sprintf("%q…", x[:60])
		}
		return fmt.Sprintf("%q", x)
	}
	s := fmt.Sprint(v)
	if s == "" {
		return `""`
	}
	return s
}
