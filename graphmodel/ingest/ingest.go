package ingest

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/textbound"
)

// Options control an ingest.
type Options struct {
	Shape Shape
	// Columns overrides the column header of a field ("date": "Fecha").
	Columns map[string]string
	// Source describes the file as a source of the relationships made from
	// it; its Key prefixes their ids, so ingesting the same file twice
	// yields the same ids.
	Source graphmodel.Source
	// Registry resolves countries and demonyms (the dataset's registry).
	Registry *graphmodel.Registry
	// Confidence of the relationships made (default reported).
	Confidence graphmodel.Confidence
	// DateOrder reads numeric dates with two readings (05/03/2025); unset,
	// such a row is rejected naming both.
	DateOrder DateOrder
	Progress  graphmodel.Progress
}

// Rejected is an input row that could not be used, and why.
type Rejected struct {
	Row    int
	Reason string
	Cells  []string
}

// Accounting says where every row went: Read = Header + Preamble + Blank +
// Used + Rejected, where Used rows were aggregated (removals) or imported
// (tracker).
type Accounting struct {
	Read, Header, Preamble, Blank, Used, Rejected int
	Relationships                                 int
	ThirdCountry, OwnCountry                      int64          // removals: people sent to a third country / home
	Unresolved                                    map[string]int // tracker: nationality words not resolved
	// ReportDated counts tracker rows dated on the source's own published
	// (scrape or export) date: their date says when the row was reported,
	// so they are read as "reported by" it, not as the event's date.
	ReportDated int
}

// MostlyReportDated reports whether most rows used carry the file's own
// export date, which a reader should be told: the file then says little
// about when its removals happened.
func (a Accounting) MostlyReportDated() bool { return a.Used > 0 && 2*a.ReportDated > a.Used }

// Balanced reports whether every row is accounted for.
func (a Accounting) Balanced() bool {
	return a.Read == a.Header+a.Preamble+a.Blank+a.Used+a.Rejected
}

// Result is what an ingest produced.
type Result struct {
	Source        graphmodel.Source
	Header        []string
	Relationships []graphmodel.Relationship
	Rejects       []Rejected
	Accounting    Accounting
	dateCols      []int // a workbook's date columns, shown as dates in Rejects
}

// Run reads every row of rr and converts it per opt.Shape.
func Run(ctx context.Context, rr RowReader, opt Options) (*Result, error) {
	if opt.Confidence == "" {
		opt.Confidence = graphmodel.Reported
	}
	if opt.Source.Key == "" {
		return nil, errors.New("ingest: the source needs an id")
	}
	spec, err := LookupShape(opt.Shape)
	if err != nil {
		return nil, err
	}
	for f := range opt.Columns {
		if _, ok := spec.columns[f]; !ok {
			return nil, fmt.Errorf("ingest: %s has no field %q (fields: %s)", opt.Shape, f, strings.Join(spec.Fields(), ", "))
		}
	}
	p := graphmodel.OrNop(opt.Progress)
	p.Start("ingesting rows", 0)
	defer p.Done()
	res := &Result{Source: opt.Source}
	res.Accounting.Unresolved = map[string]int{}
	conv := spec.convert(opt, res)
	var col map[string]int
	for {
		cells, row, err := rr.Next()
		if err == io.EOF {
			break
		}
		if errors.Is(err, textbound.ErrTooLong) {
			// Not one bad row: the reader cannot find where the record
			// ends without holding it, so the file stops here.
			return nil, err
		}
		res.Accounting.Read++
		if err != nil {
			res.reject(row, "unreadable row: "+err.Error(), nil)
			continue
		}
		if res.Accounting.Read&0xfff == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			p.Add(0x1000)
		}
		if blank(cells) {
			res.Accounting.Blank++
			continue
		}
		if col == nil {
			if c, ok := spec.headerOf(cells, opt.Columns); ok {
				col = c
				res.Header = append([]string(nil), cells...)
				res.Accounting.Header++
				if _, xlsx := rr.(*xlsxReader); xlsx {
					for _, f := range []string{"date", "date_end"} {
						if i, ok := col[f]; ok {
							res.dateCols = append(res.dateCols, i)
						}
					}
				}
				continue
			}
			res.Accounting.Preamble++
			continue
		}
		conv.row(row, rowView{cells: cells, col: col})
	}
	if col == nil {
		return nil, fmt.Errorf("no header row found: need columns for %s (e.g. %s); map them with --column FIELD=HEADER: %w",
			strings.Join(spec.required, ", "), strings.Join(spec.columns[spec.required[0]][:2], " or "), graphmodel.ErrInvalid)
	}
	conv.finish()
	res.Accounting.Rejected = len(res.Rejects)
	res.Accounting.Relationships = len(res.Relationships)
	if !res.Accounting.Balanced() {
		return nil, fmt.Errorf("ingest: internal accounting error %+v", res.Accounting)
	}
	return res, nil
}

type converter interface {
	row(n int, v rowView)
	finish()
}

// reject keeps a row with why. A workbook's date cell holds a serial
// number (45731); the rejects file shows it as the date a spreadsheet
// shows (2025-03-15), so the row can be recognised.
func (r *Result) reject(row int, reason string, cells []string) {
	cells = append([]string(nil), cells...)
	for _, i := range r.dateCols {
		if i < len(cells) && reSerial.MatchString(cells[i]) {
			if d, err := ParseDate(cells[i]); err == nil {
				cells[i] = d.String()
			}
		}
	}
	r.Rejects = append(r.Rejects, Rejected{Row: row, Reason: reason, Cells: cells})
}

type rowView struct {
	cells []string
	col   map[string]int
}

func (v rowView) get(field string) string {
	i, ok := v.col[field]
	if !ok || i >= len(v.cells) {
		return ""
	}
	return strings.TrimSpace(v.cells[i])
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerOf recognises the header row: every required field must find its
// column. A row that does not is preamble (titles above the table).
func (spec ShapeSpec) headerOf(cells []string, override map[string]string) (map[string]int, bool) {
	pos := map[string]int{}
	for i, c := range cells {
		if n := normHeader(c); n != "" {
			if _, dup := pos[n]; !dup {
				pos[n] = i
			}
		}
	}
	col := map[string]int{}
	for field, names := range spec.columns {
		if over, ok := override[field]; ok {
			names = []string{over}
		}
		for _, n := range names {
			if i, ok := pos[normHeader(n)]; ok {
				col[field] = i
				break
			}
		}
	}
	for _, f := range spec.required {
		if _, ok := col[f]; !ok {
			return nil, false
		}
	}
	return col, true
}

func shortHash(parts ...string) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%012x", h.Sum64()&0xffffffffffff)
}

// WriteRejects writes the rejected rows as CSV: row number, reason, then
// the row's cells under the input's header. Text is formula-escaped.
func WriteRejects(w io.Writer, header []string, rejects []Rejected) error {
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"row", "reason"}, escape(header)...))
	for _, r := range rejects {
		cw.Write(append([]string{fmt.Sprint(r.Row), graphmodel.EscapeFormula(r.Reason)}, escape(r.Cells)...))
	}
	cw.Flush()
	return cw.Error()
}

func escape(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = graphmodel.EscapeFormula(x)
	}
	return out
}

// Merge adds res to base: its source (replacing one with the same id) and
// its relationships (replacing those with the same id, appending the
// rest). Ingesting the same file twice therefore changes nothing.
func Merge(base *graphmodel.Dataset, res *Result) (*graphmodel.Dataset, error) {
	out := *base
	out.Sources = append([]graphmodel.Source(nil), base.Sources...)
	replaced := false
	for i, s := range out.Sources {
		if s.Key == res.Source.Key {
			out.Sources[i] = res.Source
			replaced = true
		}
	}
	if !replaced {
		out.Sources = append(out.Sources, res.Source)
	}
	// ZZ (unspecified nationalities) is a dataset-level actor; a dataset
	// that lacks it gets the record the ingest needs.
	if _, ok := base.Registry.Country("ZZ"); !ok {
		zz := graphmodel.Country{Code: "ZZ", Name: "Unspecified nationalities", Kind: graphmodel.KindUnspecified}
		out.Countries = append(append([]graphmodel.Country(nil), base.Countries...), zz)
		reg, err := base.Registry.With([]graphmodel.Country{zz})
		if err != nil {
			return nil, err
		}
		out.Registry = reg
	}
	out.Relationships = append([]graphmodel.Relationship(nil), base.Relationships...)
	pos := make(map[string]int, len(out.Relationships))
	for i, r := range out.Relationships {
		pos[r.Key] = i
	}
	for _, r := range res.Relationships {
		if i, ok := pos[r.Key]; ok {
			out.Relationships[i] = r
			continue
		}
		pos[r.Key] = len(out.Relationships)
		out.Relationships = append(out.Relationships, r)
	}
	if err := out.Validate(); err != nil {
		return nil, fmt.Errorf("merged dataset is invalid: %w", err)
	}
	return &out, nil
}
