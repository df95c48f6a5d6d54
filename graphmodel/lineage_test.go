package graphmodel

import (
	"strings"
	"testing"
)

func TestLineageAccounts(t *testing.T) {
	src := func(key string, kind SourceKind, republishes string, derived ...string) Source {
		return Source{Key: key, Publisher: "p", Title: "t", Published: YearDate(2025), Kind: kind, Republishes: republishes, DerivedFrom: derived}
	}
	d := &Dataset{Sources: []Source{
		src("b-original", "news", ""),
		src("a-copy", "news", "b-original"),
		src("c-summary-of-copy", "news", "", "a-copy"), // a chain: still one account
		src("d-other", "news", ""),
		src("e-statement", "statement", "", "d-other"),
	}}
	l := d.Lineage()
	for key, want := range map[string]string{"b-original": "b-original", "a-copy": "b-original", "c-summary-of-copy": "b-original",
		"d-other": "d-other", "e-statement": "d-other", "unknown": "unknown"} {
		if got := l.Account(key); got != want {
			t.Errorf("account of %s = %s, want %s", key, got, want)
		}
	}
	for _, tt := range []struct {
		keys      []string
		n         int
		confirmed bool
	}{
		{[]string{"b-original", "a-copy", "c-summary-of-copy"}, 1, false},
		{[]string{"a-copy", "d-other"}, 2, true},
		{[]string{"b-original", "e-statement"}, 2, true},
		{[]string{"d-other", "e-statement"}, 1, true}, // official, so enough alone
		{[]string{"a-copy"}, 1, false},
	} {
		if got := l.Independent(tt.keys); got != tt.n {
			t.Errorf("%v: %d independent, want %d", tt.keys, got, tt.n)
		}
		if got := l.SupportsConfirmed(tt.keys); got != tt.confirmed {
			t.Errorf("%v: supports confirmed %v, want %v", tt.keys, got, tt.confirmed)
		}
	}
	errs := checkLineage([]Source{src("x", "news", "x"), src("y", "news", "", "nowhere")}, map[string]bool{"x": true, "y": true})
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "itself") || !strings.Contains(errs[1].Error(), `unknown source "nowhere"`) {
		t.Errorf("lineage errors %v", errs)
	}
}

// A dataset without lineage keeps the content hash it had before the
// lineage fields existed, so citations of earlier versions stay checkable.
func TestContentHashIgnoresAbsentLineage(t *testing.T) {
	s := Source{Key: "k", Publisher: "p", Title: "t", Published: YearDate(2025), Kind: "news", Note: "n"}
	d := &Dataset{Sources: []Source{s}}
	before := d.ContentHash()
	d.Sources[0].Domain = "example.org"
	if d.ContentHash() == before {
		t.Error("a domain does not change the hash")
	}
}

// The seed's 1.0.0 sources had empty URLs and titles starting "(title not
// in the stored copy)": both are warned about until availability says so.
func TestSourceWarnings(t *testing.T) {
	d := &Dataset{Sources: []Source{
		{Key: "old", Title: "(title not in the stored copy) a report"},
		{Key: "new", Title: "A report", Availability: "no URL in the stored copy"},
		{Key: "spaced", Title: "  (no title)", URL: "https://example.org/r"},
		{Key: "fine", Title: "A report", URL: "https://example.org/s"},
	}}
	// Every warning, in source order and url before title: the record it
	// is about, the field, and a message that says what to do.
	want := []struct{ record, field, says string }{
		{"old", "url", "availability"},
		{"old", "title", "parenthesis"},
		{"spaced", "title", "parenthesis"},
	}
	w := d.SourceWarnings()
	if len(w) != len(want) {
		t.Fatalf("%d warnings %v, want %d", len(w), w, len(want))
	}
	for i, x := range want {
		if w[i].Record != x.record || w[i].Field != x.field || !strings.Contains(w[i].Message, x.says) {
			t.Errorf("warning %d = %+v, want %s %s saying %q", i, w[i], x.record, x.field, x.says)
		}
	}
}
