package csvdir

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
	"github.com/leverage-project/leverage/internal/textbound"
)

// ReadDir reads the dataset in directory dir, resolving codes against base
// (the reference registry) extended by the dataset's countries.csv.
func ReadDir(dir string, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	return ReadDirContext(context.Background(), dir, base)
}

// ReadDirContext is ReadDir that stops between batches of rows once ctx is
// done, returning ctx's error.
func ReadDirContext(ctx context.Context, dir string, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	return ReadContext(ctx, os.DirFS(dir), ".", dir, base)
}

// ReadContext reads the dataset under dir in fsys, stopping between
// batches of rows once ctx is done. display is the prefix used for file
// names in errors (the path the user gave).
func ReadContext(ctx context.Context, fsys fs.FS, dir, display string, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	r := reader{fsys: fsys, dir: dir, display: display, ctx: ctx}
	d := r.head(base)
	if len(r.errs) == 0 {
		d.Relationships = r.readRelationships(d.Registry, d.Sources)
	}
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	return d, nil
}

// head reads meta, countries and sources, and builds the registry.
func (r *reader) head(base *graphmodel.Registry) *graphmodel.Dataset {
	d := &graphmodel.Dataset{}
	d.Meta = r.readMeta()
	d.Countries = r.readCountries()
	if len(r.errs) == 0 {
		reg, err := base.With(d.Countries)
		if err != nil {
			r.errs = append(r.errs, &graphmodel.FieldError{File: r.name(CountriesFile), Err: err})
		}
		d.Registry = reg
		for _, c := range d.Meta.Campaign {
			if _, ok := reg.Country(c); !ok && c.Valid() {
				r.errs = append(r.errs, &graphmodel.FieldError{File: r.name(MetaFile), Record: "campaign", Field: "value",
					Err: fmt.Errorf("unknown country code %q", c)})
			}
		}
	}
	d.Sources = r.readSources()
	return d
}

type reader struct {
	ctx     context.Context // nil: never cancelled
	fsys    fs.FS
	dir     string
	display string
	errs    graphmodel.ErrorList
}

func (r *reader) name(file string) string { return filepath.Join(r.display, file) }

func (r *reader) fail(e *graphmodel.FieldError) bool {
	if len(r.errs) < graphmodel.MaxErrors {
		r.errs = append(r.errs, e)
	}
	return len(r.errs) < graphmodel.MaxErrors
}

// table is one open CSV file: its header mapped to column positions.
type table struct {
	file    string
	csv     *csv.Reader
	col     map[string]int
	row     []string
	closer  io.Closer
	records int
	bound   *textbound.Reader
	line    int // the line the last record began on
}

// open returns nil, nil when an optional file is absent.
func (r *reader) open(file string, known, required []string, optional bool) (*table, error) {
	// Only regular files: /dev/zero never ends and a FIFO blocks the open.
	fh, err := safeio.OpenFS(r.fsys, path.Join(r.dir, file))
	if errors.Is(err, fs.ErrNotExist) && optional {
		return nil, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		err = errors.New("file missing")
	}
	if err != nil {
		r.fail(&graphmodel.FieldError{File: r.name(file), Err: err})
		return nil, err
	}
	// Streamed, not read whole: relationships.csv may hold millions of rows.
	bound := textbound.NewReader(fh, textbound.MaxRecord)
	br := bufio.NewReaderSize(bound, 1<<20)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			err = errors.New("empty file; the first line must be the header")
		}
		r.fail(&graphmodel.FieldError{File: r.name(file), Line: 1, Err: err})
		fh.Close()
		return nil, err
	}
	t := &table{file: r.name(file), csv: cr, col: map[string]int{}, closer: fh, bound: bound, line: 1}
	bound.Mark(cr.InputOffset())
	var bad error
	fail := func(e *graphmodel.FieldError) { r.fail(e); bad = e }
	for i, h := range header {
		h = strings.TrimSpace(h)
		if !slices.Contains(known, h) {
			fail(&graphmodel.FieldError{File: t.file, Line: 1, Column: i + 1, Field: h, Err: fmt.Errorf("unknown column (known: %s)", strings.Join(known, ", "))})
			continue
		}
		if _, dup := t.col[h]; dup {
			fail(&graphmodel.FieldError{File: t.file, Line: 1, Column: i + 1, Field: h, Err: errors.New("column appears twice")})
		}
		t.col[h] = i
	}
	for _, req := range required {
		if _, ok := t.col[req]; !ok {
			fail(&graphmodel.FieldError{File: t.file, Line: 1, Field: req, Err: errors.New("required column missing")})
		}
	}
	if bad != nil {
		// With a wrong header every row would report the same missing or
		// misplaced field again: the header's problems are the message.
		fh.Close()
		return nil, bad
	}
	cr.FieldsPerRecord = len(header)
	return t, nil
}

// next advances to the next record; it reports malformed CSV through r.
func (r *reader) next(t *table) bool {
	for {
		if t.records++; t.records%1024 == 0 && r.ctx != nil {
			if err := r.ctx.Err(); err != nil {
				r.errs = append(r.errs, err)
				t.closer.Close()
				return false
			}
		}
		row, err := t.csv.Read()
		if err == io.EOF {
			t.closer.Close()
			return false
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.fail(&graphmodel.FieldError{File: t.file, Line: pe.Line, Column: pe.Column, Err: pe.Err})
				if errors.Is(pe.Err, csv.ErrFieldCount) {
					continue
				}
			} else if errors.Is(err, textbound.ErrTooLong) {
				r.fail(&graphmodel.FieldError{File: t.file, Line: t.line + 1, Err: fmt.Errorf("%w (%w)", err, graphmodel.ErrInvalid)})
			} else {
				r.fail(&graphmodel.FieldError{File: t.file, Err: err})
			}
			return false
		}
		t.bound.Mark(t.csv.InputOffset())
		t.line, _ = t.csv.FieldPos(len(row) - 1)
		t.row = row
		return true
	}
}

// get returns the cell of column name in the current row, unescaped.
func (t *table) get(name string) string {
	i, ok := t.col[name]
	if !ok {
		return ""
	}
	return graphmodel.UnescapeFormula(t.row[i])
}

// at returns a FieldError positioned at column name of the current row.
func (t *table) at(name, record string, err error) *graphmodel.FieldError {
	line, col := t.csv.FieldPos(0)
	if i, ok := t.col[name]; ok {
		line, col = t.csv.FieldPos(i)
		col = i + 1
	} else {
		col = 0
	}
	return &graphmodel.FieldError{File: t.file, Line: line, Column: col, Record: record, Field: name, Err: err}
}

// place positions validation errors, which name a field, in the current row.
func (r *reader) place(t *table, errs []*graphmodel.FieldError) {
	for _, e := range errs {
		r.fail(t.at(e.Field, e.Record, e.Err))
	}
}

func (r *reader) readMeta() graphmodel.Meta {
	var m graphmodel.Meta
	t, _ := r.open(MetaFile, MetaColumns, MetaColumns, true)
	if t == nil {
		return m
	}
	seen := map[string]bool{}
	for r.next(t) {
		k, v := t.get("key"), t.get("value")
		if seen[k] {
			r.fail(t.at("key", k, errors.New("key appears twice")))
		}
		seen[k] = true
		switch k {
		case "name":
			m.Name = v
		case "version":
			m.Version = v
		case "description":
			m.Description = v
		case "license":
			m.License = v
		case "citation":
			m.Citation = v
		case "updated":
			d, err := graphmodel.ParseDate(v)
			if err != nil {
				r.fail(t.at("value", k, err))
			}
			m.Updated = d
		case "campaign":
			for _, c := range splitList(v) {
				code := graphmodel.Code(c)
				if !code.Valid() {
					r.fail(t.at("value", k, fmt.Errorf("%q is not a country code", c)))
				}
				m.Campaign = append(m.Campaign, code)
			}
		default:
			r.fail(t.at("key", k, errors.New("unknown key (known: name, version, description, license, citation, updated, campaign)")))
		}
	}
	return m
}

func (r *reader) readCountries() []graphmodel.Country {
	t, _ := r.open(CountriesFile, CountryColumns, requiredCountry, true)
	if t == nil {
		return nil
	}
	var out []graphmodel.Country
	for r.next(t) {
		c := graphmodel.Country{
			Code:     graphmodel.Code(t.get("code")),
			Name:     t.get("name"),
			Kind:     graphmodel.ActorKind(t.get("kind")),
			Region:   t.get("region"),
			Alpha3:   t.get("alpha3"),
			Aliases:  splitList(t.get("aliases")),
			Demonyms: splitList(t.get("demonyms")),
		}
		r.place(t, c.Check())
		r.place(t, c.CheckText())
		out = append(out, c)
	}
	return out
}

func (r *reader) readSources() []graphmodel.Source {
	t, _ := r.open(SourcesFile, SourceColumns, requiredSource, false)
	if t == nil {
		return nil
	}
	var out []graphmodel.Source
	seen := map[string]bool{}
	for r.next(t) {
		s := graphmodel.Source{
			Key:          t.get("id"),
			Publisher:    t.get("publisher"),
			Title:        t.get("title"),
			Kind:         graphmodel.SourceKind(t.get("kind")),
			URL:          t.get("url"),
			Domain:       t.get("domain"),
			Republishes:  t.get("republishes"),
			DerivedFrom:  splitList(t.get("derived_from")),
			Availability: t.get("availability"),
			Note:         t.get("note"),
		}
		d, err := graphmodel.ParseDate(t.get("published"))
		if err != nil {
			r.fail(t.at("published", s.Key, err))
		}
		s.Published = d
		if err == nil {
			r.place(t, s.Check(seen))
		}
		seen[s.Key] = true
		out = append(out, s)
	}
	return out
}

func (r *reader) readRelationships(reg *graphmodel.Registry, sources []graphmodel.Source) []graphmodel.Relationship {
	out := make([]graphmodel.Relationship, 0, r.relationshipsHint())
	r.eachRelationship(reg, sources, func(rel *graphmodel.Relationship) error {
		out = append(out, *rel)
		return nil
	})
	return out
}

// eachRelationship streams relationships.csv, checking each row as the
// whole-dataset read does, and calls fn with every row while no problem has
// been found. Duplicates are found through the 63-bit line IDs (8 bytes a
// row, not the keys).
func (r *reader) eachRelationship(reg *graphmodel.Registry, sources []graphmodel.Source, fn func(*graphmodel.Relationship) error) error {
	t, _ := r.open(RelationshipsFile, RelationshipColumns, requiredRelationship, false)
	if t == nil {
		return nil
	}
	defer t.closer.Close()
	known := make(map[string]bool, len(sources))
	for _, s := range sources {
		known[s.Key] = true
	}
	lines := map[int64]int32{}
	var parts graphmodel.PartOfChecker
	defer func() {
		// part_of names a row anywhere in the file, so it is checked at
		// the end; its errors point at the part's own cell.
		for _, e := range parts.Errors() {
			if len(r.errs) < graphmodel.MaxErrors {
				r.fail(e)
			}
		}
	}()
	for r.next(t) {
		rel, ok := r.parseRelationship(t)
		if !ok {
			parts.Refused(rel.Key)
			continue
		}
		parts.Add(&rel, t.at("part_of", rel.Key, nil))
		errs := rel.Check(reg, known)
		if rel.Key != "" {
			id := graphmodel.KeyID(rel.Key)
			line, _ := t.csv.FieldPos(0)
			if first, dup := lines[id]; dup {
				errs = append(errs, &graphmodel.FieldError{Record: rel.Key, Field: "id", Err: fmt.Errorf("duplicate id (same as line %d)", first)})
			} else {
				lines[id] = int32(line)
			}
		}
		r.place(t, errs)
		if len(r.errs) >= graphmodel.MaxErrors {
			break
		}
		if len(r.errs) == 0 {
			if err := fn(&rel); err != nil {
				return err
			}
		}
	}
	return nil
}

// ReadHead reads the meta, countries and sources of the dataset in dir,
// not its relationships.
func ReadHead(dir string, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	r := reader{fsys: os.DirFS(dir), dir: ".", display: dir}
	d := r.head(base)
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	return d, nil
}

// Stream reads meta, countries and sources of the dataset in dir, then
// calls fn with each relationship as it is read and checked, without
// holding them: for datasets too large for memory. It returns the dataset
// without relationships and their number. On an invalid row it reports
// every problem found (fn may have seen earlier rows, so callers write to
// temporary output).
func Stream(dir string, base *graphmodel.Registry, fn func(*graphmodel.Relationship) error) (*graphmodel.Dataset, int, error) {
	r := reader{fsys: os.DirFS(dir), dir: ".", display: dir}
	d := r.head(base)
	if len(r.errs) > 0 {
		return nil, 0, r.errs
	}
	n := 0
	err := r.eachRelationship(d.Registry, d.Sources, func(rel *graphmodel.Relationship) error {
		n++
		return fn(rel)
	})
	if len(r.errs) > 0 {
		return nil, n, r.errs
	}
	if err != nil {
		return nil, n, err
	}
	return d, n, nil
}

// parseRelationship converts the current row; it reports parse problems and
// returns ok=false when the row cannot be checked further.
func (r *reader) parseRelationship(t *table) (graphmodel.Relationship, bool) {
	key := t.get("id")
	rel := graphmodel.Relationship{
		Key:         key,
		Event:       t.get("event"),
		Type:        graphmodel.RelType(t.get("type")),
		FromCountry: graphmodel.Code(t.get("from")),
		ToCountry:   graphmodel.Code(t.get("to")),
		Status:      graphmodel.Status(t.get("status")),
		StatedBy:    graphmodel.Speaker(t.get("stated_by")),
		Instrument:  graphmodel.Instrument(t.get("instrument")),
		PaymentTie:  graphmodel.PaymentTie(t.get("payment_tie")),
		PartOf:      t.get("part_of"),
		Confidence:  graphmodel.Confidence(t.get("confidence")),
		Sources:     splitList(t.get("sources")),
		Note:        t.get("note"),
	}
	ok := true
	var err error
	if rel.Date, err = graphmodel.ParsePeriod(t.get("date")); err != nil {
		ok = r.fail(t.at("date", key, err)) && false
	}
	if rel.Reported, err = graphmodel.ParsePeriod(t.get("reported")); err != nil {
		ok = r.fail(t.at("reported", key, err)) && false
	}
	if rel.Count, err = graphmodel.ParseCount(t.get("count"), t.get("count_qualifier")); err != nil {
		ok = r.fail(t.at("count", key, err)) && false
	}
	if rel.Money, err = graphmodel.ParseMoney(t.get("amount"), t.get("currency"), t.get("amount_qualifier")); err != nil {
		ok = r.fail(t.at("amount", key, err)) && false
	}
	return rel, ok
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, listSep)
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// CountRecords counts the data records of a CSV file (header excluded)
// with a byte scan that honours quoted fields, without parsing them: a
// cheap first pass for writers that must size their output up front.
func CountRecords(path string) (int, error) {
	f, err := safeio.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return countRecords(f)
}

func countRecords(f io.Reader) (int, error) {
	buf := make([]byte, 1<<20)
	n, inQuotes, lineHasData := 0, false, false
	for {
		k, err := f.Read(buf)
		for _, c := range buf[:k] {
			switch {
			case c == '"':
				inQuotes = !inQuotes
				lineHasData = true
			case c == '\n' && !inQuotes:
				if lineHasData {
					n++
				}
				lineHasData = false
			case c != '\r':
				lineHasData = true
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
	}
	if lineHasData {
		n++
	}
	return max(n-1, 0), nil
}

// minRowBytes is less than any valid relationships.csv row takes: a key,
// a type, two codes, a date, a confidence and a source, their commas and
// the newline.
const minRowBytes = 32

// relationshipsHint is how many relationships relationships.csv holds,
// counted by a byte scan before it is parsed, so that the slice holding
// them is allocated once at its size. Grown by append instead, a 200,000
// row dataset kept the old and the new array (60 and 78 MB) alive at once
// and up to a quarter of the final one unused. The count is trusted only
// as far as the file's size allows valid rows (minRowBytes each), so a
// file of empty or tiny lines cannot make it reserve more than its own
// size justifies. 0 when the file cannot be read: append then grows it.
func (r *reader) relationshipsHint() int {
	fh, err := safeio.OpenFS(r.fsys, path.Join(r.dir, RelationshipsFile))
	if err != nil {
		return 0
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return 0
	}
	n, err := countRecords(fh)
	if err != nil {
		return 0
	}
	return int(min(int64(n), info.Size()/minRowBytes))
}
