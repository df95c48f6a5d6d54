package workbook

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
)

// normHeader folds a header as ingest does: case and everything but
// letters and digits are ignored ("Alpha-3", "alpha 3" and "ALPHA3" match).
func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// derivedColumns are columns the workbook computes from others; import
// does not read them, and says so when one was edited.
var derivedColumns = map[string][]string{
	countriesSpec.name:     {"Out", "In", "Total"},
	relationshipsSpec.name: {"From name", "To name", "Independent sources"},
	sourcesSpec.name:       {"Cited by", "Account"},
}

func derivedColumn(sheet, col string) bool {
	return contains(derivedColumns[sheet], col)
}

// importRole says, for the Data dictionary, what import does with a column.
func importRole(sheet, col string) string {
	switch {
	case sheet != countriesSpec.name && sheet != relationshipsSpec.name && sheet != sourcesSpec.name:
		return "not read (the sheet is computed from the data)"
	case derivedColumn(sheet, col):
		return "derived: not read; an edit gives a warning naming the cell"
	}
	return "read"
}

// header maps the normalised headers of a sheet's first row to their
// columns, warning about columns import does not know (an inserted "NGO
// comment") since their values will not be read.
func (r *reader) header(spec sheetSpec, sheet string, cells []string) map[string]int {
	col := map[string]int{}
	known := map[string]bool{}
	for _, c := range spec.columns {
		known[normHeader(c.name)] = true
	}
	for i, h := range cells {
		n := canonicalHeader(spec.name, normHeader(h))
		if n == "" {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if _, dup := col[n]; dup {
			r.fail(&graphmodel.FieldError{Cell: sheet + "!" + cell, Field: strings.TrimSpace(h), Err: graphmodel.Because("column_twice", "column appears twice")})
			continue
		}
		col[n] = i
		if !known[n] && r.readSheet(sheet) {
			r.warn(&graphmodel.FieldError{Cell: sheet + "!" + cell, Field: strings.TrimSpace(h),
				Err: graphmodel.Because("column_unknown", "column not known to import; its values are not read (known columns: see the Data dictionary)")})
		}
	}
	return col
}

type derivedKind int

const (
	derivedOut derivedKind = iota
	derivedIn
	derivedTotal
	derivedCited
	derivedAccount
)

// derivedCell is a count shown on Countries or Sources, to compare with
// what the imported relationships give.
type derivedCell struct {
	cell, value, field string
	kind               derivedKind
	key                string
}

// checkDerivedCounts warns about Out, In, Total and Cited by cells that do
// not show what the imported relationships give: an edit there changes
// nothing.
func (r *reader) checkDerivedCounts(d *graphmodel.Dataset) {
	out, in, cited := map[string]int{}, map[string]int{}, map[string]int{}
	for i := range d.Relationships {
		rel := &d.Relationships[i]
		out[string(rel.FromCountry)]++
		in[string(rel.ToCountry)]++
		for _, s := range rel.Sources {
			cited[s]++
		}
	}
	lin := d.Lineage()
	for _, c := range r.derived {
		if c.value == "" {
			continue
		}
		var want int
		var kind, from string
		switch c.kind {
		case derivedOut:
			want, kind, from = out[c.key], "derived_out", "relationships from "+c.key
		case derivedIn:
			want, kind, from = in[c.key], "derived_in", "relationships to "+c.key
		case derivedTotal:
			want, kind, from = out[c.key]+in[c.key], "derived_total", "Out + In"
		case derivedCited:
			want, kind, from = cited[c.key], "derived_cited", "relationships citing "+c.key
		case derivedAccount:
			if acc := lin.Account(c.key); c.value != acc {
				r.warn(&graphmodel.FieldError{Cell: c.cell, Record: c.key, Field: c.field, Typed: c.value,
					Err: graphmodel.Because("account_derived", "%q not read: the column is derived from Republishes and Derived from (%s in the imported rows); to join accounts, edit those", c.value, acc)})
			}
			continue
		}
		if got, err := strconv.ParseFloat(strings.ReplaceAll(c.value, ",", ""), 64); err == nil && got == float64(want) {
			continue
		}
		// from is the English of the kind's second parameter; the
		// translations say it from the key (the third).
		r.warn(&graphmodel.FieldError{Cell: c.cell, Record: c.key, Field: c.field, Typed: c.value,
			Err: graphmodel.Because(kind, "%[1]q not read: the column is derived (%[2]s, %[4]d in the imported rows)", c.value, from, c.key, want)})
	}
}
