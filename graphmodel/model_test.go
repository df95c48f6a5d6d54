package graphmodel

import (
	"errors"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/multi"
)

func TestCodeID(t *testing.T) {
	for _, c := range []Code{"AA", "AZ", "US", "XK", "ZZ"} {
		back, err := CodeFromID(c.ID())
		if err != nil || back != c {
			t.Errorf("CodeFromID(%q.ID()=%d) = %q, %v", c, c.ID(), back, err)
		}
	}
	if Code("GRP_X").ID() <= 676 {
		t.Errorf("long code ID %d overlaps two-letter range", Code("GRP_X").ID())
	}
	valid := map[Code]bool{"US": true, "GRP_1": true, "us": false, "U": false, "1A": false, "A-B": false, "": false}
	for c, want := range valid {
		if c.Valid() != want {
			t.Errorf("Code(%q).Valid() = %v, want %v", c, !want, want)
		}
	}
}

// The model must plug into gonum's multigraphs as it is: one line per
// relationship, so two approaches to the same country stay two lines.
func TestRelationshipIsGonumLine(t *testing.T) {
	g := multi.NewDirectedGraph()
	rels := []Relationship{
		{Key: "a1", Type: Approached, FromCountry: "US", ToCountry: "PE"},
		{Key: "a2", Type: Approached, FromCountry: "US", ToCountry: "PE"},
		{Key: "r1", Type: Received, FromCountry: "IQ", ToCountry: "RW"},
	}
	for _, r := range rels {
		for _, n := range []graph.Node{r.From(), r.To()} {
			if g.Node(n.ID()) == nil {
				g.AddNode(n)
			}
		}
		g.SetLine(r)
	}
	lines := graph.LinesOf(g.Lines(Code("US").ID(), Code("PE").ID()))
	if len(lines) != 2 {
		t.Fatalf("got %d lines US->PE, want 2", len(lines))
	}
	rev := rels[2].ReversedLine()
	if rev.From().ID() != Code("RW").ID() || rev.ID() != rels[2].ID() {
		t.Errorf("ReversedLine = %v", rev)
	}
}

func testRegistry(t *testing.T) *Registry {
	t.Helper()
	reg, err := NewRegistry([]Country{
		{Code: "US", Name: "United States", Demonyms: []string{"American"}},
		{Code: "RW", Name: "Rwanda"},
		{Code: "IQ", Name: "Iraq", Demonyms: []string{"Iraqi"}},
		{Code: "ST", Name: "São Tomé and Príncipe", Aliases: []string{"Sao Tome"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func TestRegistry(t *testing.T) {
	reg := testRegistry(t)
	for in, want := range map[string]Code{
		"SAO TOME AND PRINCIPE": "ST", "sao tome & principe": "ST", "  Iraqi ": "IQ", "the United States": "US", "us": "US",
	} {
		if got, ok := reg.Resolve(in); !ok || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, err := NewRegistry([]Country{{Code: "AA", Name: "X", Aliases: []string{"Same"}}, {Code: "BB", Name: "Y", Aliases: []string{"same"}}}); err == nil {
		t.Error("ambiguous alias accepted")
	}
	over, err := reg.With([]Country{{Code: "RW", Demonyms: []string{"Rwandan"}}, {Code: "ZZ", Name: "Unspecified", Kind: KindUnspecified}})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := over.Resolve("rwandan"); c != "RW" {
		t.Errorf("override demonym not resolved: %q", c)
	}
	if c, _ := over.Country("RW"); c.Name != "Rwanda" {
		t.Errorf("override without name changed the name to %q", c.Name)
	}
	if _, ok := reg.Country("ZZ"); ok {
		t.Error("With modified the receiver")
	}
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"São Tomé and Príncipe", "CÔTE D'IVOIRE", "Türkiye", "the Gambia", "a&b", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if NormalizeName(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, NormalizeName(n))
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("untidy spaces in %q", n)
		}
	})
}

func validDataset(t *testing.T) *Dataset {
	return &Dataset{
		Registry: testRegistry(t),
		Sources:  []Source{{Key: "s1", Publisher: "P", Title: "T", Published: YearDate(2025), Kind: "news"}},
		Relationships: []Relationship{
			{Key: "r1", Type: Paid, FromCountry: "US", ToCountry: "RW", Date: On(MonthDate(2025, 4)), Status: Completed,
				Money: Money{Amount: 100000, Currency: "USD", Qualifier: Exact}, Confidence: Reported, Sources: []string{"s1"}, Note: "paid"},
		},
	}
}

func TestValidate(t *testing.T) {
	if err := validDataset(t).Validate(); err != nil {
		t.Fatalf("valid dataset rejected: %v", err)
	}
	tests := []struct {
		name   string
		mutate func(*Relationship)
		field  string
	}{
		{"unknown type", func(r *Relationship) { r.Type = "bribed" }, "type"},
		{"unknown country", func(r *Relationship) { r.ToCountry = "QQ" }, "to"},
		{"self loop", func(r *Relationship) { r.ToCountry = "US" }, "to"},
		{"no date", func(r *Relationship) { r.Date = Period{} }, "date"},
		{"status of another type", func(r *Relationship) { r.Status = Refused }, "status"},
		{"approached needs status", func(r *Relationship) { r.Type = Approached; r.Status = ""; r.Money = Money{} }, "status"},
		{"paid needs money", func(r *Relationship) { r.Money = Money{} }, "amount"},
		{"bad instrument", func(r *Relationship) { r.Instrument = "bribe" }, "instrument"},
		{"bad confidence", func(r *Relationship) { r.Confidence = "sure" }, "confidence"},
		{"no sources", func(r *Relationship) { r.Sources = nil }, "sources"},
		{"unknown source", func(r *Relationship) { r.Sources = []string{"s9"} }, "sources"},
		{"empty note", func(r *Relationship) { r.Note = " " }, "note"},
		{"space in id", func(r *Relationship) { r.Key = "r 1" }, "id"},
	}
	for _, tt := range tests {
		d := validDataset(t)
		tt.mutate(&d.Relationships[0])
		err := d.Validate()
		var fe *FieldError
		if !errors.As(err, &fe) {
			t.Errorf("%s: got %v, want a FieldError", tt.name, err)
			continue
		}
		if fe.Field != tt.field {
			t.Errorf("%s: error on field %q, want %q (%v)", tt.name, fe.Field, tt.field, err)
		}
		if !IsInvalid(err) {
			t.Errorf("%s: IsInvalid(%v) = false", tt.name, err)
		}
	}
	d := validDataset(t)
	d.Relationships = append(d.Relationships, d.Relationships[0])
	if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "duplicate id") {
		t.Errorf("duplicate id: got %v", err)
	}
}

func TestFieldErrorFormat(t *testing.T) {
	tests := []struct {
		e    FieldError
		want string
	}{
		{FieldError{File: "d/relationships.csv", Line: 7, Column: 5, Record: "r1", Field: "date", Err: errors.New("bad")}, "d/relationships.csv:7:5: r1: date: bad"},
		{FieldError{Cell: "Relationships!E7", Field: "date", Err: errors.New("bad")}, "Relationships!E7: date: bad"},
		{FieldError{Record: "r1", Field: "note", Err: errors.New("empty")}, "r1: note: empty"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestContentHashIgnoresOrder(t *testing.T) {
	d := validDataset(t)
	d.Relationships = append(d.Relationships, Relationship{Key: "r2", Type: Received, FromCountry: "IQ", ToCountry: "RW",
		Date: On(MonthDate(2025, 4)), Confidence: Reported, Sources: []string{"s1"}, Note: "n"})
	h1 := d.ContentHash()
	d.Relationships[0], d.Relationships[1] = d.Relationships[1], d.Relationships[0]
	if h2 := d.ContentHash(); h1 != h2 {
		t.Error("hash depends on record order")
	}
	d.Relationships[0].Note = "changed"
	if h3 := d.ContentHash(); h3 == h1 {
		t.Error("hash ignores a changed note")
	}
}

func TestIndexOneHop(t *testing.T) {
	d := validDataset(t)
	d.Relationships = append(d.Relationships,
		Relationship{Key: "r2", Type: Received, FromCountry: "IQ", ToCountry: "RW"},
		Relationship{Key: "r3", Type: Received, FromCountry: "IQ", ToCountry: "US"})
	ix := NewIndex(d)
	if got := ix.Outgoing("IQ", Received); len(got) != 2 {
		t.Errorf("where did Iraqis end up: %d lines, want 2", len(got))
	}
	if got := ix.Incoming("RW", Received); len(got) != 1 || got[0].Key != "r2" {
		t.Errorf("whom did Rwanda receive: %v", got)
	}
	if got := ix.Incoming("RW"); len(got) != 2 {
		t.Errorf("all lines into RW: %d, want 2", len(got))
	}
}

func TestFormulaEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", "=1+1", "+SUM(A1)", "-3", "@cmd", "\tx", "\rx", "\nx", "'quoted", "''", "'", "a=b"} {
		e := EscapeFormula(s)
		if NeedsFormulaEscape(e) && e[0] != '\'' {
			t.Errorf("EscapeFormula(%q) = %q still starts with a trigger", s, e)
		}
		if got := UnescapeFormula(e); got != s {
			t.Errorf("round trip %q -> %q -> %q", s, e, got)
		}
	}
}

func FuzzFormulaEscape(f *testing.F) {
	f.Add("=HYPERLINK(\"x\")")
	f.Add("'=1")
	f.Fuzz(func(t *testing.T, s string) {
		e := EscapeFormula(s)
		if e != "" && (e[0] == '=' || e[0] == '+' || e[0] == '-' || e[0] == '@' || e[0] == '\t' || e[0] == '\r' || e[0] == '\n') {
			t.Fatalf("escaped %q still starts with a formula trigger", e)
		}
		if UnescapeFormula(e) != s {
			t.Fatalf("round trip of %q failed", s)
		}
	})
}
