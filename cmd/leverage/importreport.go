package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/ingest"
	"github.com/leverage-project/leverage/internal/safeio"
)

// finding is one line of import's full report: one cell (or record) and
// what import did with it.
type finding struct {
	Sheet, Cell, Record, Field, Typed, Done, Why string
	msg                                          string // the reader's own message, hostile text quoted
	// why is Why as a kind and parameters, for the answered-back
	// workbook to say in the volunteer's language; nil when the finding
	// has no kind (it is said in English).
	why *graphmodel.Reason
}

// findingColumns is the full report's header row, in the order of finding.
var findingColumns = []string{"sheet", "cell", "row id", "field", "typed", "done", "why"}

// shownFindings is how many findings the terminal lists before pointing
// to the report file for the rest.
const shownFindings = 50

func (f finding) row() []string {
	return []string{f.Sheet, f.Cell, f.Record, f.Field, f.Typed, f.Done, f.Why}
}

// String is the finding as a terminal line: Sheet!Cell: id: field: why.
func (f finding) String() string {
	if f.msg != "" {
		return f.msg
	}
	var b strings.Builder
	if f.Cell != "" {
		b.WriteString(f.Sheet + "!" + f.Cell + ": ")
	} else if f.Sheet != "" {
		b.WriteString(f.Sheet + ": ")
	}
	if f.Record != "" {
		b.WriteString(f.Record + ": ")
	}
	if f.Field != "" {
		b.WriteString(f.Field + ": ")
	}
	b.WriteString(f.Why)
	return b.String()
}

// fromFieldError turns a reader's finding into a report line.
func fromFieldError(e *graphmodel.FieldError) finding {
	f := finding{Record: e.Record, Field: e.Field, Typed: e.Typed, Done: e.Done, Why: e.Err.Error(), msg: e.Error(), why: workbook.ReasonOf(e.Err)}
	f.Sheet, f.Cell = splitCell(e.Cell)
	return f
}

func fromError(err error) finding {
	var fe *graphmodel.FieldError
	if errors.As(err, &fe) {
		f := fromFieldError(fe)
		if f.Done == "" {
			f.Done = "refused"
		}
		return f
	}
	return finding{Done: "refused", Why: err.Error(), msg: err.Error(), why: workbook.ReasonOf(err)}
}

// splitCell splits "Relationships!H12" into sheet and cell; a bare sheet
// name or a row range ("Relationships!1:1") keeps what it has.
func splitCell(ref string) (sheet, cell string) {
	if i := strings.LastIndex(ref, "!"); i >= 0 {
		return ref[:i], ref[i+1:]
	}
	return ref, ""
}

// findingsOf lists a failed read's findings: its problems, then the
// warnings and notes found on the way.
func findingsOf(re *workbook.ReadError) []finding {
	var out []finding
	for _, e := range re.List {
		out = append(out, fromError(e))
	}
	for _, w := range re.Warnings {
		out = append(out, fromFieldError(w))
	}
	for _, n := range re.Notes {
		out = append(out, fromFieldError(n))
	}
	return out
}

// writeReport writes the full report, CSV (one finding a row, every text
// cell that a spreadsheet would evaluate prefixed with ').
func writeReport(path string, fs []finding, more int) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return safeio.WriteFile(context.Background(), path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		if err := writeReportCSV(bw, fs, more); err != nil {
			return err
		}
		return bw.Flush()
	})
}

func writeReportCSV(w io.Writer, fs []finding, more int) error {
	cw := csv.NewWriter(w)
	cw.Write(findingColumns)
	for _, f := range fs {
		row := f.row()
		for i := range row {
			row[i] = graphmodel.EscapeFormula(row[i])
		}
		cw.Write(row)
	}
	if more > 0 {
		cw.Write([]string{"", "", "", "", "", "not listed", fmt.Sprintf("%d more findings past the limit of %d kept in memory", more, workbook.MaxFindings)})
	}
	cw.Flush()
	return cw.Error()
}

// printFindings lists up to shownFindings findings and says how many
// more there are and where they all are.
func printFindings(w io.Writer, fs []finding, more int, path string) {
	for i, f := range fs {
		if i == shownFindings {
			fmt.Fprintf(w, "  … %d more not shown here; all %d are in %s\n", len(fs)-shownFindings+more, len(fs)+more, path)
			return
		}
		fmt.Fprintf(w, "  %-9s %s\n", f.Done+":", f)
	}
}

// readFailure is a workbook import refused: its message lists the first
// problems, counts all and names the report file holding every one.
type readFailure struct {
	n, more int
	shown   []finding
	path    string // "" when no report was written
	answer  string // the answered-back workbook, if written
	err     error
}

func (e *readFailure) Error() string {
	var b strings.Builder
	if e.n+e.more == 1 {
		b.WriteString("1 problem (nothing imported):")
	} else {
		fmt.Fprintf(&b, "%d problems (nothing imported):", e.n+e.more)
	}
	for _, f := range e.shown {
		b.WriteString("\n  " + f.String())
	}
	if rest := e.n + e.more - len(e.shown); rest > 0 {
		if e.path != "" {
			fmt.Fprintf(&b, "\n  … %d more; every finding is in %s", rest, e.path)
		} else {
			fmt.Fprintf(&b, "\n  … %d more; run again with --report FILE.csv to list every one", rest)
		}
	} else if e.path != "" {
		fmt.Fprintf(&b, "\nevery finding is in %s", e.path)
	}
	if e.answer != "" {
		fmt.Fprintf(&b, "\nanswered back in %s: each cell marked, its reason in a comment, all listed on its Review sheet", e.answer)
	}
	return b.String()
}

func (e *readFailure) Unwrap() error { return e.err }

// importReport gathers what one import found, for the terminal and the
// full report.
type importReport struct {
	res      *workbook.Result
	cur, got *graphmodel.Dataset
	dups     []ingest.Duplicate
	about    []string  // About changes, "License: "a" → "b""
	aboutF   []finding // the same, by cell
	notable  []finding // cells not taken as typed, or to check
}

// keepMeta keeps the current dataset's identity when the workbook has no
// About sheet (an NGO returning only the data sheets), and otherwise lists
// what About changed.
func (r *importReport) keepMeta() {
	if r.res.About == nil {
		r.got.Meta = r.cur.Meta
		return
	}
	a, b := r.cur.Meta, r.got.Meta
	for _, f := range []struct{ field, item, x, y string }{
		{"Name", "Dataset", a.Name, b.Name},
		{"Version", "Dataset version", a.Version, b.Version},
		{"Description", "Dataset description", a.Description, b.Description},
		{"License", "License", a.License, b.License},
		{"Citation", "How to cite", a.Citation, b.Citation},
		{"Updated", "Dataset updated", a.Updated.String(), b.Updated.String()},
	} {
		if f.x == f.y {
			continue
		}
		why := graphmodel.Because("about_changed", "%s (%s): %q → %q", f.item, f.field, f.x, f.y)
		line := why.Error()
		r.about = append(r.about, line)
		sheet, cell := splitCell(r.res.About[f.field])
		if sheet == "" {
			sheet = "About"
		}
		r.aboutF = append(r.aboutF, finding{Sheet: sheet, Cell: cell, Field: f.item, Typed: f.y, Done: "changed", Why: line, why: why})
	}
}

// dropDuplicates takes out of the imported dataset every added row that
// repeats another row's content (see ingest.Duplicates), so nothing is
// counted twice; each is reported.
func (r *importReport) dropDuplicates() {
	r.dups = ingest.Duplicates(r.got, r.addedKeys())
	if len(r.dups) == 0 {
		return
	}
	r.res.CellOf("Relationships", "", "") // index the rows while they still align with the dataset
	drop := make(map[string]bool, len(r.dups))
	for _, d := range r.dups {
		drop[d.New] = true
	}
	kept := r.got.Relationships[:0:0]
	for _, rel := range r.got.Relationships {
		if !drop[rel.Key] {
			kept = append(kept, rel)
		}
	}
	r.got.Relationships = kept
}

// addedKeys are the relationships of the import the current dataset lacks.
func (r *importReport) addedKeys() map[string]bool {
	have := make(map[string]bool, len(r.cur.Relationships))
	for i := range r.cur.Relationships {
		have[r.cur.Relationships[i].Key] = true
	}
	out := map[string]bool{}
	for i := range r.got.Relationships {
		if k := r.got.Relationships[i].Key; !have[k] {
			out[k] = true
		}
	}
	return out
}

func (r *importReport) attention() int { return len(r.notable) }

// goColumn maps the model's field names, as Diff names them, to the
// workbook's columns.
var goColumn = map[string]string{"FromCountry": "From", "ToCountry": "To", "Money": "Amount", "DerivedFrom": "Derived from",
	"Alpha3": "Alpha-3", "Key": "ID", "StatedBy": "Stated by", "PaymentTie": "Payment tie", "PartOf": "Part of"}

func columnOf(field string) string {
	if c, ok := goColumn[field]; ok {
		return c
	}
	return field
}

// findings lists every finding of a successful import: each change by
// its cell, the duplicates, the About changes, the cells not taken as
// typed and the warnings validate gives.
func (r *importReport) findings(ch graphmodel.Changes, countries []countryChange) []finding {
	var out []finding
	changes := func(sheet string, list []graphmodel.Change) {
		for _, c := range list {
			switch c.Kind {
			case "removed":
				out = append(out, because(finding{Sheet: sheet, Record: c.Key, Done: "removed"}, "removed", "the row is not in the workbook"))
			case "added":
				s, cell := splitCell(r.res.CellOf(sheet, c.Key, "ID"))
				out = append(out, because(finding{Sheet: s, Cell: cell, Record: c.Key, Done: "added"}, "added", "a new row"))
			default:
				for i, f := range c.Fields {
					name, _, _ := strings.Cut(f, ":")
					s, cell := splitCell(r.res.CellOf(sheet, c.Key, columnOf(name)))
					_, typed, _ := strings.Cut(f, " → ")
					out = append(out, finding{Sheet: s, Cell: cell, Record: c.Key, Field: columnOf(name), Typed: unquote(typed), Done: "changed", Why: f,
						why: editReason(c.Edits, i, len(c.Fields))})
				}
			}
		}
	}
	for _, d := range r.dups {
		s, cell := splitCell(r.res.CellOf("Relationships", d.New, "ID"))
		why := graphmodel.Because("duplicate", "duplicate: %[2]s", d.Of, d.Why())
		out = append(out, finding{Sheet: s, Cell: cell, Record: d.New, Field: "ID", Typed: d.New, Done: "not added", Why: why.Error(), why: why})
	}
	changes("Relationships", ch.Relationships)
	changes("Sources", ch.Sources)
	for _, c := range countries {
		if len(c.Fields) == 0 {
			s, cell := splitCell(r.res.CellOf("Countries", c.Code, "Code"))
			out = append(out, because(finding{Sheet: s, Cell: cell, Record: c.Code, Done: c.Kind}, "country_"+c.Kind, "country record "+c.Kind))
		}
		for i, f := range c.Fields {
			name, _, _ := strings.Cut(f, ":")
			s, cell := splitCell(r.res.CellOf("Countries", c.Code, columnOf(name)))
			_, typed, _ := strings.Cut(f, " → ")
			out = append(out, finding{Sheet: s, Cell: cell, Record: c.Code, Field: columnOf(name), Typed: unquote(typed), Done: "changed", Why: f,
				why: editReason(c.edits, i, len(c.Fields))})
		}
	}
	out = append(out, r.aboutF...)
	stale := staleDerived(r.cur)
	for _, w := range r.res.Warnings {
		f := fromFieldError(w)
		if stale(f) {
			// the exported count, unedited, of rows since added or
			// removed: nothing the volunteer typed
			f.Done = "recomputed"
			out = append(out, f)
			continue
		}
		r.notable = append(r.notable, f)
	}
	for _, n := range r.res.Notes {
		r.notable = append(r.notable, fromFieldError(n))
	}
	for _, w := range r.got.Warnings() {
		sheet, col := "Relationships", "Confidence"
		if w.Field != "confidence" {
			sheet, col = "Sources", columnOf(strings.ToUpper(w.Field[:1])+w.Field[1:])
			if w.Field == "url" {
				col = "URL"
			}
		}
		s, cell := splitCell(r.res.CellOf(sheet, w.Record, col))
		if s == "" {
			s = sheet
		}
		f := finding{Sheet: s, Cell: cell, Record: w.Record, Field: w.Field, Done: "kept; check", Why: "validate warns: " + w.Message}
		if w.Why != nil {
			f.why = graphmodel.Because("validate_warns", "validate warns: %v", w.Why)
		}
		r.notable = append(r.notable, f)
	}
	return append(out, r.notable...)
}

// because gives f its reason: a kind with no parameters and its English.
func because(f finding, kind, english string) finding {
	f.why = graphmodel.Because(kind, english)
	f.Why = english
	return f
}

// editReason is the reason of the i-th of n changed fields: the field,
// its values and its workbook column, when Diff gave the parts.
func editReason(edits []graphmodel.Edit, i, n int) *graphmodel.Reason {
	if len(edits) != n {
		return nil
	}
	e := edits[i]
	return graphmodel.Because("changed", "%[1]s: %[2]s → %[3]s", e.Field, e.Old, e.New, columnOf(e.Field))
}

// unquote takes the quotes Diff puts around a text value off it.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// staleDerived says whether a derived-column finding shows the value the
// current dataset gives (the workbook as exported, left alone): rows the
// volunteer added or removed changed the count, not their typing.
func staleDerived(cur *graphmodel.Dataset) func(finding) bool {
	var out, in, cited, indep map[string]int
	count := func() { // on the first derived finding only: most imports have none
		out, in, cited, indep = map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
		lin := cur.Lineage()
		for i := range cur.Relationships {
			r := &cur.Relationships[i]
			out[string(r.FromCountry)]++
			in[string(r.ToCountry)]++
			for _, s := range r.Sources {
				cited[s]++
			}
			indep[r.Key] = lin.Independent(r.Sources)
		}
	}
	return func(f finding) bool {
		switch f.Field {
		case "out", "in", "total", "cited by", "independent sources":
			if out == nil {
				count()
			}
		}
		var want int
		switch f.Field {
		case "out":
			want = out[f.Record]
		case "in":
			want = in[f.Record]
		case "total":
			want = out[f.Record] + in[f.Record]
		case "cited by":
			want = cited[f.Record]
		case "independent sources":
			n, ok := indep[f.Record]
			if !ok {
				return false
			}
			want = n
		default:
			return false
		}
		return f.Typed == strconv.Itoa(want)
	}
}
