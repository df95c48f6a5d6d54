package workbook

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/termsafe"
)

// maxInterned bounds the interning table; values past it are kept as
// they come.
const maxInterned = 1 << 16

func (r *reader) intern(s string) string {
	if s == "" || len(s) > 64 {
		return s
	}
	if x, ok := r.interned[s]; ok {
		return x
	}
	if r.interned == nil {
		r.interned = map[string]string{}
	}
	if len(r.interned) < maxInterned {
		s = strings.Clone(s)
		r.interned[s] = s
	}
	return s
}

// internList is list with each element interned.
func (r *reader) internList(s string) []string {
	out := list(s)
	for i, x := range out {
		out[i] = r.intern(x)
	}
	return out
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *reader) meta() graphmodel.Meta {
	var m graphmodel.Meta
	if len(r.sheetsOf(aboutSpec.name)) == 0 {
		return m
	}
	r.about = map[string]string{}
	r.sheetRows(aboutSpec, []string{"Item", "Value"}, func(v *rowView) {
		val := v.text("Value")
		item := canonicalAbout(v.text("Item"))
		if f, ok := aboutFields[item]; ok {
			r.about[f] = v.cell("Value")
		}
		switch item {
		case "Dataset":
			if val != "(unnamed)" {
				m.Name = val
			}
		case "Dataset version":
			m.Version = val
		case "Dataset description":
			m.Description = val
		case "License":
			m.License = val
		case "Campaign":
			for _, c := range strings.Split(val, ";") {
				if c = strings.TrimSpace(c); c != "" {
					m.Campaign = append(m.Campaign, graphmodel.Code(strings.ToUpper(c)))
				}
			}
		case "How to cite":
			m.Citation = trimCiteSuffix(val)
		case "Dataset updated":
			d, err := graphmodel.ParseDate(val)
			if err != nil {
				v.fail("Value", "dataset updated", err)
			}
			m.Updated = d
		}
	})
	return m
}

// aboutFields maps the About items import reads to the Meta fields they
// set.
var aboutFields = map[string]string{"Dataset": "Name", "Dataset version": "Version", "Dataset description": "Description",
	"License": "License", "How to cite": "Citation", "Dataset updated": "Updated"}

// countries reads every Countries row. Rows marked dataset are the
// dataset's records; a row marked reference (or left blank) becomes one
// too when it differs from the reference table or names a code the table
// lacks, so an edit to a reference row or a new row is never dropped.
func (r *reader) countries() []graphmodel.Country {
	var out []graphmodel.Country
	r.sheetRows(countriesSpec, []string{"Code", "Name"}, func(v *rowView) {
		c := graphmodel.Country{Code: graphmodel.Code(strings.ToUpper(v.text("Code"))), Name: v.text("Name"),
			Kind: graphmodel.ActorKind(v.word("Kind")), Region: v.text("Region"), Alpha3: strings.ToUpper(v.text("Alpha-3")),
			Aliases: list(v.text("Aliases")), Demonyms: list(v.text("Demonyms"))}
		v.id = string(c.Code)
		if r.ctryRows == nil {
			r.ctryRows = map[string]rowPos{}
		}
		r.ctryRows[v.id] = rowPos{v.sheet, v.line}
		r.derived = append(r.derived, derivedCell{v.cell("Out"), v.text("Out"), "out", derivedOut, string(c.Code)},
			derivedCell{v.cell("In"), v.text("In"), "in", derivedIn, string(c.Code)},
			derivedCell{v.cell("Total"), v.text("Total"), "total", derivedTotal, string(c.Code)})
		rec := v.word("Record")
		ref, known := r.base.Country(c.Code)
		if known && r.lang != "" && c.Name == r.lang.CountryName(c.Code) {
			// the reference name, as the workbook's language shows it
			c.Name = ref.Name
		}
		switch rec {
		case "dataset":
		case "", "reference":
			if known && sameCountry(ref, c) {
				return
			}
		default:
			v.fail("Record", "record", graphmodel.Because("unknown_record", "%s is not dataset or reference", termsafe.Excerpt(rec)))
			return
		}
		if known {
			// The reference table's own names stay; the row adds to them.
			// A dataset row shows them merged with its own (and a renamed
			// country's former name as an alias), so they are taken out
			// whatever Record says: otherwise every round trip after a
			// rename would add them to the record again.
			c.Aliases = without(c.Aliases, append(slices.Clone(ref.Aliases), ref.Name))
			c.Demonyms = without(c.Demonyms, ref.Demonyms)
		}
		for _, e := range c.Check() {
			v.fail(countryColumn[e.Field], e.Field, e.Err)
		}
		if c.Name == "" {
			v.fail("Name", "name", graphmodel.Because("empty", "empty"))
		}
		out = append(out, c)
	})
	return out
}

// sameCountry says whether a Countries row shows the reference entry
// unchanged.
func sameCountry(ref, row graphmodel.Country) bool {
	return ref.Name == row.Name && (row.Kind == "" || ref.Kind == row.Kind) && ref.Region == row.Region &&
		ref.Alpha3 == row.Alpha3 && strings.Join(ref.Aliases, "; ") == strings.Join(row.Aliases, "; ") &&
		strings.Join(ref.Demonyms, "; ") == strings.Join(row.Demonyms, "; ")
}

func without(s, drop []string) []string {
	var out []string
	for _, x := range s {
		if !contains(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

func (r *reader) sources() []graphmodel.Source {
	var out []graphmodel.Source
	seen := map[string]bool{}
	r.sheetRows(sourcesSpec, []string{"ID", "Publisher", "Title", "Published", "Kind"}, func(v *rowView) {
		s := graphmodel.Source{Key: v.text("ID"), Publisher: v.text("Publisher"), Title: v.text("Title"),
			Kind: graphmodel.SourceKind(v.word("Kind")), URL: v.text("URL"), Note: v.note("Note"),
			Domain: v.text("Domain"), Republishes: v.text("Republishes"), DerivedFrom: list(v.text("Derived from")),
			Availability: v.text("Availability")}
		v.id = s.Key
		r.rows[s.Key] = rowPos{v.sheet, v.line}
		r.derived = append(r.derived, derivedCell{v.cell("Cited by"), v.text("Cited by"), "cited by", derivedCited, s.Key},
			derivedCell{v.cell("Account"), v.text("Account"), "account", derivedAccount, s.Key})
		s.Published = v.oneDate("Published", "Published precision", "published")
		for _, e := range s.Check(seen) {
			v.fail(sourceColumn[e.Field], e.Field, e.Err)
		}
		seen[s.Key] = true
		out = append(out, s)
	})
	return out
}

var countryColumn = map[string]string{"code": "Code", "kind": "Kind"}

var sourceColumn = map[string]string{"id": "ID", "publisher": "Publisher", "title": "Title", "published": "Published", "kind": "Kind", "url": "URL"}

var relColumn = map[string]string{
	"id": "ID", "event": "Event", "type": "Type", "from": "From", "to": "To", "date": "Date", "status": "Status",
	"instrument": "Instrument", "count": "Count", "amount": "Amount", "confidence": "Confidence", "sources": "Sources", "note": "Note",
	"reported": "Reported", "stated_by": "Stated by", "payment_tie": "Payment tie", "part_of": "Part of",
}

func (r *reader) relationships(reg *graphmodel.Registry, sources []graphmodel.Source) []graphmodel.Relationship {
	known := map[string]bool{}
	for _, s := range sources {
		known[s.Key] = true
	}
	n := 0
	for _, sheet := range r.sheetsOf(relationshipsSpec.name) {
		n += r.scans[sheet].rows
	}
	out := make([]graphmodel.Relationship, 0, n)
	r.relRows = make([]rowPos, 0, n)
	seen := map[string]string{} // id -> the sheet it was first read on
	copies := copiedSheets{}
	defer copies.report(r)
	lin := (&graphmodel.Dataset{Sources: sources}).Lineage()
	var parts graphmodel.PartOfChecker
	r.sheetRows(relationshipsSpec, []string{"ID", "Type", "From", "To", "Date", "Confidence", "Sources", "Note"}, func(v *rowView) {
		in := r.intern
		rel := graphmodel.Relationship{
			Key: v.text("ID"), Event: in(v.text("Event")), Type: graphmodel.RelType(in(v.word("Type"))),
			FromCountry: graphmodel.Code(in(strings.ToUpper(v.text("From")))), ToCountry: graphmodel.Code(in(strings.ToUpper(v.text("To")))),
			Status: graphmodel.Status(in(v.word("Status"))), Instrument: graphmodel.Instrument(in(v.word("Instrument"))),
			Confidence: graphmodel.Confidence(in(v.word("Confidence"))), Sources: r.internList(v.text("Sources")), Note: v.note("Note"),
		}
		v.id = rel.Key
		if x := v.text("Independent sources"); x != "" {
			want := lin.Independent(rel.Sources)
			if got, err := strconv.ParseFloat(x, 64); err != nil || got != float64(want) {
				v.warn("Independent sources", "independent sources", graphmodel.Because("independent_derived",
					"%q not read: the column is derived (independent accounts among the row's Sources, %d in the imported rows); to change it, edit Sources or the Sources sheet's Republishes and Derived from", x, want))
			}
		}
		for _, end := range []struct {
			col  string
			code graphmodel.Code
		}{{"From name", rel.FromCountry}, {"To name", rel.ToCountry}} {
			if got := v.text(end.col); got != "" && !knownName(reg, end.code, got) && (r.lang == "" || got != r.lang.CountryName(end.code)) {
				// the name as the workbook's language shows it (CLDR)
				shown := reg.Name(end.code)
				if n := r.lang.CountryName(end.code); n != "" && knownName(r.base, end.code, shown) {
					shown = n
				}
				v.warn(end.col, strings.ToLower(end.col), graphmodel.Because("name_derived", "%q not read: the column is derived from the code (%s is %q); rename a country on the Countries sheet", got, end.code, shown))
			}
		}
		before := len(r.errs)
		rel.Date = v.date("Date", "Date precision", "date")
		if rep := v.text("Reported"); rep != "" {
			p, err := graphmodel.ParsePeriod(rep)
			if err != nil {
				v.fail("Reported", "reported", err)
			}
			rel.Reported = p
		}
		rel.StatedBy = graphmodel.Speaker(in(v.word("Stated by")))
		rel.PaymentTie = graphmodel.PaymentTie(in(v.word("Payment tie")))
		rel.PartOf = in(v.text("Part of"))
		if n, ok := v.number("Count", "count"); ok || v.text("Count qualifier") != "" {
			c, err := graphmodel.ParseCount(strconv.FormatInt(n, 10), in(v.word("Count qualifier")))
			if !ok && v.text("Count") == "" {
				err = graphmodel.Because("qualifier_without_count", "qualifier given without a number")
			}
			if err != nil {
				v.fail("Count qualifier", "count qualifier", err)
			}
			rel.Count = c
		}
		if n, ok := v.number("Amount", "amount"); ok || v.text("Currency") != "" || v.text("Amount qualifier") != "" {
			amount := ""
			if ok {
				amount = strconv.FormatInt(n, 10)
			}
			m, err := graphmodel.ParseMoney(amount, in(strings.ToUpper(v.text("Currency"))), in(v.word("Amount qualifier")))
			if err != nil {
				v.fail("Amount", "amount", err)
			}
			rel.Money = m
		}
		if len(r.errs) > before {
			parts.Refused(rel.Key)
			return
		}
		for _, e := range rel.Check(reg, known) {
			v.fail(relColumn[e.Field], e.Field, e.Err)
		}
		if first, dup := seen[rel.Key]; dup && rel.Key != "" {
			if first != v.sheet {
				// A whole sheet repeating another's ids is a copy (Excel
				// names a copied sheet "Relationships (2)", as we name a
				// continuation): one hint for it, not an error per row.
				copies.add(v.sheet, first, v.cell("ID"))
				return
			}
			v.fail("ID", "id", graphmodel.Because("duplicate_id", "duplicate id"))
		}
		seen[rel.Key] = r.intern(v.sheet)
		parts.Add(&rel, &graphmodel.FieldError{Cell: v.cell("Part of"), Record: v.id, Field: "part_of", Typed: v.typed("Part of")})
		out = append(out, rel)
		r.relRows = append(r.relRows, rowPos{v.sheet, v.line})
	})
	// part_of may name a row further down or on a continuation sheet:
	// checked once every row is read, each error on the part's own cell.
	for _, e := range parts.Errors() {
		r.fail(e)
	}
	return out
}

// knownName says whether name is what a derived name cell could show for
// code: its name, or a former name (a renamed country keeps its old name
// as an alias, and the other rows still show it until re-exported).
func knownName(reg *graphmodel.Registry, code graphmodel.Code, name string) bool {
	c, ok := reg.Country(code)
	if !ok {
		return name == string(code)
	}
	return name == c.Name || contains(c.Aliases, name)
}

// copiedSheets counts, per continuation sheet, the rows repeating ids of
// an earlier sheet.
type copiedSheets map[[2]string]*copyCount

type copyCount struct {
	n     int
	first string // the first repeating cell
}

func (c copiedSheets) add(sheet, of, cell string) {
	k := [2]string{sheet, of}
	if c[k] == nil {
		c[k] = &copyCount{first: cell}
	}
	c[k].n++
}

func (c copiedSheets) report(r *reader) {
	keys := make([][2]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+"\x00"+keys[i][1] < keys[j][0]+"\x00"+keys[j][1] })
	for _, k := range keys {
		n := c[k]
		r.fail(&graphmodel.FieldError{Cell: n.first, Field: "id", Err: graphmodel.Because("copied_sheet",
			"sheet %q repeats the ids of %d rows of %q: it looks like a copy of that sheet (Excel names a copy so); delete it, or rename it (e.g. \"Old rows\") so import leaves it aside; only a sheet continuing a full one may be called so",
			k[0], n.n, k[1])})
	}
}
