package graphmodel

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"slices"
	"sort"
	"strings"
)

// Meta describes a dataset so every output can say where it came from.
type Meta struct {
	Name        string
	Version     string
	Description string
	License     string
	Citation    string
	Updated     Date
	// Campaign lists the actors whose pressure the dataset is about (the
	// seed: US). Other pressing states' claims stay in the data, shown as
	// such, and leave the campaign's counts and patterns unless asked for.
	// Empty: every presser is the campaign's.
	Campaign []Code
}

// Equal reports whether m and o are the same in every field.
func (m Meta) Equal(o Meta) bool {
	return m.Name == o.Name && m.Version == o.Version && m.Description == o.Description && m.License == o.License &&
		m.Citation == o.Citation && m.Updated == o.Updated && slices.Equal(m.Campaign, o.Campaign)
}

// Dataset is a whole leverage graph: its actors, sources and relationships.
// Order of Sources and Relationships is the order read and is kept on write,
// so a dataset round-trips byte for byte.
type Dataset struct {
	Meta Meta
	// Countries holds the dataset's own country records: actors that are
	// not ISO countries, and changes to reference names, aliases or demonyms.
	Countries     []Country
	Sources       []Source
	Relationships []Relationship
	// Registry resolves every code the dataset may use: the reference table
	// with Countries applied. Readers set it; Validate requires it.
	Registry *Registry

	// parent is the provenance of the dataset this one was cut from (Cut).
	parent *Provenance
}

// SourceByKey returns the source with the given key.
func (d *Dataset) SourceByKey(key string) (Source, bool) {
	for _, s := range d.Sources {
		if s.Key == key {
			return s, true
		}
	}
	return Source{}, false
}

// Validate checks every record and cross-reference and returns all problems
// found (up to MaxErrors), each a *FieldError naming the record and field.
func (d *Dataset) Validate() error {
	var errs ErrorList
	add := func(fe []*FieldError) {
		for _, e := range fe {
			if len(errs) < MaxErrors {
				errs = append(errs, e)
			}
		}
	}
	if d.Registry == nil {
		return errors.New("graphmodel: dataset has no registry")
	}
	for _, c := range d.Meta.Campaign {
		if _, ok := d.Registry.Country(c); !ok {
			add([]*FieldError{{Record: "campaign", Field: "value", Err: fmt.Errorf("unknown country code %q", c)}})
		}
	}
	seenSource := make(map[string]bool, len(d.Sources))
	for i := range d.Sources {
		add(d.Sources[i].Check(seenSource))
		seenSource[d.Sources[i].Key] = true
	}
	add(checkLineage(d.Sources, seenSource))
	seenRel := make(map[string]bool, len(d.Relationships))
	seenID := make(map[int64]string, len(d.Relationships))
	for i := range d.Relationships {
		r := &d.Relationships[i]
		add(r.Check(d.Registry, seenSource))
		add(checkUnique(r.Key, seenRel, seenID))
	}
	add(CheckPartOf(d.Relationships))
	return errs.Err()
}

// CheckPartOf checks every relationship's PartOf against the others (see
// PartOfChecker); the error is on the part's part_of field.
func CheckPartOf(rels []Relationship) []*FieldError {
	var c PartOfChecker
	for i := range rels {
		c.Add(&rels[i], &FieldError{Record: rels[i].Key, Field: "part_of"})
	}
	return c.Errors()
}

// PartOfChecker checks PartOf across relationships that arrive one at a
// time, as a streamed read gives them: the claim a part names exists, is
// another claim of the same type and receiver, gives a count (the number
// the part is within), and is part of nothing itself (a group of groups
// would hide which number holds the people). It keeps about 24 bytes a
// relationship, not the relationships.
type PartOfChecker struct {
	claims  map[int64]partClaim
	refused map[int64]bool
	parts   []pendingPart
}

type partClaim struct {
	sig           int64 // KeyID of type and receiver
	counted, part bool
}

type pendingPart struct {
	key, of string
	sig     int64
	at      *FieldError
}

// Add records r; at is where an error about r's part_of goes (its Err is
// set by Errors).
func (c *PartOfChecker) Add(r *Relationship, at *FieldError) {
	if c.claims == nil {
		c.claims = map[int64]partClaim{}
	}
	sig := KeyID(string(r.Type) + "\x00" + string(r.ToCountry))
	c.claims[KeyID(r.Key)] = partClaim{sig: sig, counted: !r.Count.IsZero(), part: r.PartOf != ""}
	if r.PartOf != "" {
		c.parts = append(c.parts, pendingPart{key: r.Key, of: r.PartOf, sig: sig, at: at})
	}
}

// Refused records the id of a row refused for another reason. A part
// naming it is not judged: the group's own error says what to fix, and one
// mistyped cell in a group row should not read as "unknown relationship"
// on each of its parts.
func (c *PartOfChecker) Refused(key string) {
	if key == "" {
		return
	}
	if c.refused == nil {
		c.refused = map[int64]bool{}
	}
	c.refused[KeyID(key)] = true
}

// Errors returns the problems of every part recorded, in the order added.
func (c *PartOfChecker) Errors() []*FieldError {
	var out []*FieldError
	for _, p := range c.parts {
		g, ok := c.claims[KeyID(p.of)]
		if !ok && c.refused[KeyID(p.of)] {
			continue
		}
		var err error
		switch {
		case p.of == p.key:
			err = errors.New("names the relationship itself")
		case !ok:
			err = fmt.Errorf("unknown relationship id %q", p.of)
		case g.sig != p.sig:
			err = fmt.Errorf("%s is another type or goes to another receiver; a part has the same type and receiver as its group", p.of)
		case !g.counted:
			err = fmt.Errorf("%s gives no count to be part of", p.of)
		case g.part:
			err = fmt.Errorf("%s is itself part of another; name the counted group", p.of)
		}
		if err != nil {
			e := *p.at
			e.Err = err
			out = append(out, &e)
		}
	}
	return out
}

// checkUnique records key and reports a duplicate key or line-ID collision.
func checkUnique(key string, seen map[string]bool, ids map[int64]string) []*FieldError {
	if key == "" {
		return nil
	}
	if seen[key] {
		return []*FieldError{{Record: key, Field: "id", Err: Because("duplicate_id", "duplicate id")}}
	}
	seen[key] = true
	id := KeyID(key)
	if other, ok := ids[id]; ok {
		return []*FieldError{{Record: key, Field: "id", Err: Because("id_collides", "line ID collides with %q; choose another id", other)}}
	}
	ids[id] = key
	return nil
}

// Check validates one country record's code and kind, the checks every
// reader of countries makes (the free text is CheckText's); the errors
// name the field and the record, for readers to place.
func (c *Country) Check() []*FieldError {
	var out []*FieldError
	if !c.Code.Valid() {
		out = append(out, &FieldError{Record: string(c.Code), Field: "code", Err: Because("bad_code", "not a code: two upper-case letters, or upper-case letters, digits and _")})
	}
	if c.Kind != "" && !c.Kind.Valid() {
		out = append(out, &FieldError{Record: string(c.Code), Field: "kind", Err: Because("unknown_actor_kind", "unknown kind %q (country, group, unspecified)", c.Kind)})
	}
	return out
}

// Check validates one source; seen holds the keys of sources before it.
func (s *Source) Check(seen map[string]bool) []*FieldError {
	var out []*FieldError
	bad := func(field string, err error) {
		out = append(out, &FieldError{Record: s.Key, Field: field, Err: err})
	}
	if err := CheckID(s.Key); err != nil {
		bad("id", err)
	} else if seen[s.Key] {
		bad("id", Because("duplicate_id", "duplicate id"))
	}
	for _, f := range []struct{ field, text string }{
		{"publisher", s.Publisher}, {"title", s.Title}, {"url", s.URL}, {"note", s.Note},
	} {
		if err := CheckText(f.text); err != nil {
			bad(f.field, err)
		}
	}
	if strings.TrimSpace(s.Publisher) == "" {
		bad("publisher", Because("empty", "empty"))
	}
	if strings.TrimSpace(s.Title) == "" {
		bad("title", Because("empty", "empty"))
	}
	if s.Published.IsZero() {
		bad("published", Because("published_empty", "empty; give at least the year"))
	}
	if !s.Kind.Valid() {
		bad("kind", Because("unknown_source_kind", "unknown kind %q (one of %v)", s.Kind, SourceKinds))
	}
	if s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
		bad("url", Because("bad_url", "%q is not an http(s) URL", s.URL))
	}
	return out
}

// Check validates one relationship against the registry and the set of
// known source keys.
func (r *Relationship) Check(reg *Registry, sources map[string]bool) []*FieldError {
	var out []*FieldError
	bad := func(field string, err error) {
		out = append(out, &FieldError{Record: r.Key, Field: field, Err: err})
	}
	if err := CheckID(r.Key); err != nil {
		bad("id", err)
	}
	if r.Event != "" {
		if err := CheckID(r.Event); err != nil {
			bad("event", err)
		}
	}
	for _, f := range []struct{ field, text string }{
		{"note", r.Note}, {"currency", r.Money.Currency},
	} {
		if err := CheckText(f.text); err != nil {
			bad(f.field, err)
		}
	}
	if err := checkBound("count", r.Count.Value); err != nil {
		bad("count", err)
	}
	if err := checkBound("amount", r.Money.Amount); err != nil {
		bad("amount", err)
	}
	if !r.Type.Valid() {
		bad("type", Because("unknown_type", "unknown type %q (one of %v)", r.Type, RelTypes))
	}
	for _, end := range []struct {
		field string
		code  Code
	}{{"from", r.FromCountry}, {"to", r.ToCountry}} {
		if _, ok := reg.Country(end.code); !ok {
			bad(end.field, Because("unknown_country", "unknown country code %q", end.code))
		}
	}
	if r.FromCountry == r.ToCountry && r.Type != Received && r.FromCountry != "" {
		bad("to", Because("same_as_from", "same as from (%s); only received may loop, for a return of own citizens", r.FromCountry))
	}
	if r.Date.IsZero() {
		bad("date", Because("date_empty", "empty; give at least the year, or the bound the text allows (../2025-05 for \"by May 2025\")"))
	}
	if !r.Reported.IsZero() {
		switch {
		case r.Reported.OpenEnd():
			bad("reported", Because("reported_open", "open end; a report has a latest date"))
		case !r.Date.IsZero() && r.Status != Planned && r.Status != Proposed && !r.Date.Start().Before(r.Reported.End()):
			bad("date", Because("date_after_report", "%s begins after the claim was reported (%s); a report's date bounds the event from above", r.Date, r.Reported))
		}
	}
	if r.StatedBy != SpeakerNone {
		if !r.StatedBy.Valid() {
			bad("stated_by", Because("unknown_stated_by", "unknown value %q (one of %v)", r.StatedBy, Speakers))
		} else if r.Type != Approached {
			bad("stated_by", Because("stated_by_not_approach", "applies only to type %s", Approached))
		}
	}
	if r.PartOf != "" {
		if err := CheckID(r.PartOf); err != nil {
			bad("part_of", err)
		}
	}
	if r.PaymentTie != TieUnknown {
		if !r.PaymentTie.Valid() {
			bad("payment_tie", Because("unknown_payment_tie", "unknown value %q (one of %v)", r.PaymentTie, PaymentTies))
		} else if r.Type != Paid {
			bad("payment_tie", Because("payment_tie_not_paid", "applies only to type %s", Paid))
		}
	}
	if r.Type.Valid() {
		if err := checkStatus(r.Type, r.Status); err != nil {
			bad("status", err)
		}
	}
	if r.Status == SomeAgreed {
		// "Some of them agreed" says nothing about one named country.
		if to, ok := reg.Country(r.ToCountry); ok && to.Kind != KindGroup {
			bad("status", Because("some_agreed_not_group", "%s applies only to a group actor; %s is a %s", SomeAgreed, r.ToCountry, to.Kind))
		}
	}
	if !r.Instrument.Valid() {
		bad("instrument", Because("unknown_instrument", "unknown instrument %q (one of %v)", r.Instrument, Instruments))
	}
	if r.Type == Paid && r.Money.IsZero() {
		bad("amount", Because("amount_required", "required for type paid"))
	}
	if !r.Confidence.Valid() {
		bad("confidence", Because("unknown_confidence", "unknown confidence %q (one of %v)", r.Confidence, Confidences))
	}
	if len(r.Sources) == 0 {
		bad("sources", Because("sources_required", "at least one source required"))
	}
	for _, s := range r.Sources {
		if !sources[s] {
			bad("sources", Because("unknown_source", "unknown source %q", s))
		}
	}
	if strings.TrimSpace(r.Note) == "" {
		bad("note", Because("note_empty", "empty; say the fact in our own words"))
	}
	return out
}

// ContentHash is a SHA-256 over the dataset's countries, sources and
// relationships, independent of record order and of Meta, so two datasets
// with the same claims have the same hash. Outputs cite it.
func (d *Dataset) ContentHash() string {
	h := &recordHasher{h: sha256.New()}
	countries := slices.Clone(d.Countries)
	sort.Slice(countries, func(i, j int) bool { return countries[i].Code < countries[j].Code })
	for _, c := range countries {
		h.write("C", string(c.Code), c.Name, string(c.Kind), c.Region, c.Alpha3,
			strings.Join(c.Aliases, ";"), strings.Join(c.Demonyms, ";"))
	}
	sources := slices.Clone(d.Sources)
	sort.Slice(sources, func(i, j int) bool { return sources[i].Key < sources[j].Key })
	for _, s := range sources {
		h.write(sourceRecord(&s)...)
	}
	order := make([]int, len(d.Relationships))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return d.Relationships[order[i]].Key < d.Relationships[order[j]].Key })
	for _, i := range order {
		h.buf = appendRelationshipRecord(h.buf[:0], &d.Relationships[i])
		h.h.Write(h.buf)
	}
	return hex.EncodeToString(h.h.Sum(nil))
}

// sourceRecord is a source's fields as both content hashers take them.
func sourceRecord(s *Source) []string {
	fields := []string{"S", s.Key, s.Publisher, s.Title, s.Published.String(), string(s.Kind), s.URL, s.Note}
	if s.hasLineage() {
		// Appended only when present, so a dataset without lineage keeps
		// the hash it had before these fields existed.
		fields = append(fields, s.Domain, s.Republishes, strings.Join(s.DerivedFrom, ";"), s.Availability)
	}
	return fields
}

// recordHasher length-prefixes each field so no two records hash alike by
// shifting text between fields. A record is assembled in one buffer and
// written once: the digest's per-call cost dominated small fields.
type recordHasher struct {
	h   hash.Hash
	buf []byte
}

func (r *recordHasher) write(fields ...string) {
	r.buf = appendRecord(r.buf[:0], fields...)
	r.h.Write(r.buf)
}
