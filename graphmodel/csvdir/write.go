package csvdir

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
)

// WriteDirContext writes d into dir, creating it if needed. Every file is
// first written under a temporary name in dir and renamed into place only
// when all files are complete, so an interrupted write leaves the previous
// files (or none), never a truncated one; once ctx is done it replaces
// nothing.
func WriteDirContext(ctx context.Context, dir string, d *graphmodel.Dataset) error {
	return writeDir(ctx, dir, d, true)
}

// WriteHeadContext writes meta, countries and sources like WriteDirContext
// and leaves relationships.csv alone, for writers that stream it.
func WriteHeadContext(ctx context.Context, dir string, d *graphmodel.Dataset) error {
	return writeDir(ctx, dir, d, false)
}

func writeDir(ctx context.Context, dir string, d *graphmodel.Dataset, withRelationships bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	type job struct {
		name  string
		write func(io.Writer) error
		skip  bool
	}
	jobs := []job{
		{MetaFile, func(w io.Writer) error { return WriteMeta(w, d.Meta) }, false},
		{CountriesFile, func(w io.Writer) error { return WriteCountries(w, d.Countries) }, len(d.Countries) == 0},
		{SourcesFile, func(w io.Writer) error { return WriteSources(w, d.Sources) }, false},
	}
	if withRelationships {
		jobs = append(jobs, job{RelationshipsFile, func(w io.Writer) error { return WriteRelationships(w, d.Relationships) }, false})
	}
	var outs []*safeio.File
	defer func() {
		for _, f := range outs {
			if f != nil {
				f.Abort()
			}
		}
	}()
	for _, j := range jobs {
		if j.skip {
			// A stale countries.csv from an earlier write would change the
			// meaning of the new dataset; it goes at rename time.
			outs = append(outs, nil)
			continue
		}
		f, err := safeio.CreateReplacingInput(filepath.Join(dir, j.name))
		if err != nil {
			return err
		}
		outs = append(outs, f)
		bw := bufio.NewWriterSize(f, 1<<16)
		if err := j.write(bw); err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(dir, j.name), err)
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	for i, j := range jobs {
		if outs[i] == nil {
			if err := ctx.Err(); err != nil {
				return err
			}
			final := filepath.Join(dir, j.name)
			if err := os.Remove(final); err != nil && !os.IsNotExist(err) {
				return err
			}
			continue
		}
		if err := outs[i].Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

func newWriter(w io.Writer, header []string) (*csv.Writer, error) {
	cw := csv.NewWriter(w)
	return cw, cw.Write(header)
}

func finish(cw *csv.Writer) error {
	cw.Flush()
	return cw.Error()
}

// text escapes a free-text cell so no spreadsheet evaluates it.
func text(s string) string { return graphmodel.EscapeFormula(s) }

func num(n int64, present bool) string {
	if !present {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// WriteMeta writes meta.csv. Empty values are omitted.
func WriteMeta(w io.Writer, m graphmodel.Meta) error {
	cw, err := newWriter(w, MetaColumns)
	if err != nil {
		return err
	}
	for _, kv := range [][2]string{
		{"name", m.Name}, {"version", m.Version}, {"description", m.Description},
		{"license", m.License}, {"citation", m.Citation}, {"updated", m.Updated.String()},
		{"campaign", joinCodes(m.Campaign)},
	} {
		if kv[1] != "" {
			if err := cw.Write([]string{kv[0], text(kv[1])}); err != nil {
				return err
			}
		}
	}
	return finish(cw)
}

// WriteCountries writes countries.csv.
func WriteCountries(w io.Writer, cs []graphmodel.Country) error {
	cw, err := newWriter(w, CountryColumns)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if err := cw.Write([]string{string(c.Code), text(c.Name), string(c.Kind), text(c.Region), c.Alpha3,
			text(strings.Join(c.Aliases, listSep)), text(strings.Join(c.Demonyms, listSep))}); err != nil {
			return err
		}
	}
	return finish(cw)
}

// WriteSources writes sources.csv.
func WriteSources(w io.Writer, ss []graphmodel.Source) error {
	cw, err := newWriter(w, SourceColumns)
	if err != nil {
		return err
	}
	for _, s := range ss {
		if err := cw.Write([]string{text(s.Key), text(s.Publisher), text(s.Title), s.Published.String(),
			string(s.Kind), text(s.URL), text(s.Domain), text(s.Republishes),
			text(strings.Join(s.DerivedFrom, listSep)), text(s.Availability), text(s.Note)}); err != nil {
			return err
		}
	}
	return finish(cw)
}

func joinCodes(cs []graphmodel.Code) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c)
	}
	return strings.Join(parts, listSep)
}

// WriteRelationships writes relationships.csv with the columns its
// relationships use: part_of only when one sets it (dataset 1.3.0),
// reported, stated_by and payment_tie only when one sets any of them
// (1.2.0), so an older dataset written back keeps its bytes.
func WriteRelationships(w io.Writer, rs []graphmodel.Relationship) error {
	header := relationshipColumns11
	switch {
	case slices.ContainsFunc(rs, func(r graphmodel.Relationship) bool { return r.HasPartOf() }):
		header = RelationshipColumns
	case slices.ContainsFunc(rs, func(r graphmodel.Relationship) bool { return r.HasTimeFields() }):
		header = relationshipColumns12
	}
	cw, err := newWriter(w, header)
	if err != nil {
		return err
	}
	keep := columnIndices(header)
	row := make([]string, len(RelationshipColumns))
	out := make([]string, len(header))
	for i := range rs {
		fillRelationship(row, &rs[i])
		for k, j := range keep {
			out[k] = row[j]
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	return finish(cw)
}

// columnIndices gives, for each column of header, its position in
// RelationshipColumns.
func columnIndices(header []string) []int {
	out := make([]int, len(header))
	for k, c := range header {
		out[k] = slices.Index(RelationshipColumns, c)
	}
	return out
}

// RelationshipWriter streams relationships one at a time, for datasets
// too large to hold (the synthetic generator's millions). It writes the
// columns of dataset 1.2.0: whether a later row sets part_of is not known
// when the header is written, so a row that does is refused, never
// written without it.
type RelationshipWriter struct {
	cw       *csv.Writer
	row, out []string
	keep     []int
}

// NewRelationshipWriter writes the header and returns a streaming writer.
func NewRelationshipWriter(w io.Writer) (*RelationshipWriter, error) {
	cw, err := newWriter(w, relationshipColumns12)
	return &RelationshipWriter{cw: cw, row: make([]string, len(RelationshipColumns)), out: make([]string, len(relationshipColumns12)),
		keep: columnIndices(relationshipColumns12)}, err
}

// Write appends one relationship.
func (rw *RelationshipWriter) Write(r *graphmodel.Relationship) error {
	if r.HasPartOf() {
		return fmt.Errorf("relationship %s: the streaming writer has no part_of column", r.Key)
	}
	fillRelationship(rw.row, r)
	for k, j := range rw.keep {
		rw.out[k] = rw.row[j]
	}
	return rw.cw.Write(rw.out)
}

// Close flushes buffered rows; it does not close the underlying writer.
func (rw *RelationshipWriter) Close() error { return finish(rw.cw) }

// fillRelationship fills row in the order of RelationshipColumns.
func fillRelationship(row []string, r *graphmodel.Relationship) {
	row[0] = text(r.Key)
	row[1] = text(r.Event)
	row[2] = text(string(r.Type))
	row[3] = text(string(r.FromCountry))
	row[4] = text(string(r.ToCountry))
	row[5] = r.Date.String()
	row[6] = r.Reported.String()
	row[7] = text(string(r.Status))
	row[8] = text(string(r.StatedBy))
	row[9] = text(string(r.Instrument))
	row[10] = text(string(r.PaymentTie))
	row[11] = num(r.Count.Value, !r.Count.IsZero())
	row[12] = text(string(r.Count.Qualifier))
	row[13] = text(r.PartOf)
	row[14] = num(r.Money.Amount, !r.Money.IsZero())
	row[15] = text(r.Money.Currency)
	row[16] = text(string(r.Money.Qualifier))
	row[17] = text(string(r.Confidence))
	row[18] = text(strings.Join(r.Sources, listSep))
	row[19] = text(r.Note)
}
