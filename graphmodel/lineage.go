package graphmodel

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// OfficialKinds are the source kinds that are themselves an official
// document or statement. A claim resting on one may be confirmed on that
// source alone (the README's rule: confirmed = an official statement or
// document, or independent reports agreeing).
var OfficialKinds = []SourceKind{"statement", "cable", "memo", "court"}

// IsOfficial reports whether k is one of OfficialKinds.
func (k SourceKind) IsOfficial() bool { return slices.Contains(OfficialKinds, k) }

func (s *Source) hasLineage() bool {
	return s.Domain != "" || s.Republishes != "" || len(s.DerivedFrom) > 0 || s.Availability != ""
}

// Lineage partitions a dataset's sources into independent accounts: two
// sources are one account when one republishes or is derived from the
// other, directly or through a chain, in either direction (a summary of a
// report and that report's republication are one account). Each account is
// named by its original (see Account), so the partition is deterministic.
type Lineage struct {
	account map[string]string // source key -> account name
	kind    map[string]SourceKind
}

// Lineage computes the independent accounts of d's sources. References to
// unknown sources are ignored here; Validate reports them.
func (d *Dataset) Lineage() *Lineage {
	parent := make(map[string]string, len(d.Sources))
	kind := make(map[string]SourceKind, len(d.Sources))
	for _, s := range d.Sources {
		parent[s.Key] = s.Key
		kind[s.Key] = s.Kind
	}
	var find func(string) string
	find = func(k string) string {
		for parent[k] != k {
			parent[k] = parent[parent[k]]
			k = parent[k]
		}
		return k
	}
	union := func(a, b string) {
		if _, ok := parent[b]; !ok {
			return
		}
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra // the smaller key names the account
	}
	for _, s := range d.Sources {
		if s.Republishes != "" {
			union(s.Key, s.Republishes)
		}
		for _, p := range s.DerivedFrom {
			union(s.Key, p)
		}
	}
	// Name each account by its original: the smallest key among its
	// sources that republish and derive from nothing (the smallest key of
	// all when every source in it has lineage, as in a cycle).
	name := map[string]string{}
	for _, s := range d.Sources {
		if s.Republishes != "" || len(s.DerivedFrom) > 0 {
			continue
		}
		r := find(s.Key)
		if cur, ok := name[r]; !ok || s.Key < cur {
			name[r] = s.Key
		}
	}
	l := &Lineage{account: make(map[string]string, len(parent)), kind: kind}
	for k := range parent {
		r := find(k)
		if n, ok := name[r]; ok {
			l.account[k] = n
		} else {
			l.account[k] = r
		}
	}
	return l
}

// Account returns the name of the independent account key belongs to: the
// smallest key among the account's originals (sources with no lineage of
// their own), key itself for a source alone or unknown.
func (l *Lineage) Account(key string) string {
	if a, ok := l.account[key]; ok {
		return a
	}
	return key
}

// Independent returns the number of independent accounts among keys.
func (l *Lineage) Independent(keys []string) int {
	seen := make([]string, 0, len(keys))
	for _, k := range keys {
		if a := l.Account(k); !slices.Contains(seen, a) {
			seen = append(seen, a)
		}
	}
	return len(seen)
}

// SupportsConfirmed reports whether keys can carry confidence confirmed:
// one of them is an official document or statement, or they form at least
// two independent accounts.
func (l *Lineage) SupportsConfirmed(keys []string) bool {
	for _, k := range keys {
		if l.kind[k].IsOfficial() {
			return true
		}
	}
	return l.Independent(keys) >= 2
}

// Warning is a finding that does not make a dataset invalid but that a
// reader citing it should know about.
type Warning struct {
	Record, Field, Message string
	// Why is Message as a kind and parameters, for readers in other
	// languages.
	Why *Reason `json:"-"`
}

func (w Warning) String() string { return fmt.Sprintf("%s: %s: %s", w.Record, w.Field, w.Message) }

// ConfidenceWarnings lists every relationship whose confidence is confirmed
// although its sources are neither official nor two independent accounts,
// in dataset order.
func (d *Dataset) ConfidenceWarnings() []Warning {
	l := d.Lineage()
	var out []Warning
	for i := range d.Relationships {
		r := &d.Relationships[i]
		if r.Confidence != Confirmed || l.SupportsConfirmed(r.Sources) {
			continue
		}
		why := Because("confirmed_one_account", "confirmed, but its %d source(s) are %d independent account(s) and none is official; use reported, or cite an independent or official source",
			len(r.Sources), l.Independent(r.Sources))
		out = append(out, Warning{Record: r.Key, Field: "confidence", Message: why.Error(), Why: why})
	}
	return out
}

// SourceWarnings lists sources that leave a reader unable to find the
// document: no URL and no word in Availability on why, or a title that
// carries a caveat in parentheses instead of the title (the caveat belongs
// in Availability).
func (d *Dataset) SourceWarnings() []Warning {
	var out []Warning
	for _, s := range d.Sources {
		if s.URL == "" && s.Availability == "" {
			why := Because("url_empty", "empty; give the URL, or say in availability why there is none")
			out = append(out, Warning{Record: s.Key, Field: "url", Message: why.Error(), Why: why})
		}
		if strings.HasPrefix(strings.TrimSpace(s.Title), "(") {
			why := Because("title_parenthesis", "starts with a parenthesis; put what the stored copy lacks in availability, not in the title")
			out = append(out, Warning{Record: s.Key, Field: "title", Message: why.Error(), Why: why})
		}
	}
	return out
}

// Warnings is SourceWarnings followed by ConfidenceWarnings.
func (d *Dataset) Warnings() []Warning {
	return append(d.SourceWarnings(), d.ConfidenceWarnings()...)
}

// checkLineage validates every source's lineage references against the
// set of all source keys.
func checkLineage(sources []Source, known map[string]bool) []*FieldError {
	var out []*FieldError
	for i := range sources {
		s := &sources[i]
		refs := map[string][]string{"republishes": nil, "derived_from": s.DerivedFrom}
		if s.Republishes != "" {
			refs["republishes"] = []string{s.Republishes}
		}
		for _, field := range []string{"republishes", "derived_from"} {
			for _, ref := range refs[field] {
				switch {
				case ref == s.Key:
					out = append(out, &FieldError{Record: s.Key, Field: field, Err: errors.New("a source cannot refer to itself")})
				case !known[ref]:
					out = append(out, &FieldError{Record: s.Key, Field: field, Err: fmt.Errorf("unknown source %q", ref)})
				}
			}
		}
	}
	return out
}
