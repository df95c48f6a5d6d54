package edgelist

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/internal/graphfile"
	"github.com/leverage-project/leverage/internal/textbound"
)

// Column names a header may give, lower-cased: the ones Gephi's
// spreadsheet import, igraph, pandas and most tutorials use.
var (
	sourceNames = []string{"source", "from", "src", "node1", "source_id", "sender", "tail", "u"}
	targetNames = []string{"target", "to", "dst", "dest", "destination", "node2", "target_id", "receiver", "head", "v"}
	weightNames = []string{"weight", "value", "w", "count", "strength"}
	typeNames   = []string{"type", "directed", "kind"}
)

// delimiters are tried in this order: a tab or a semicolon in every line
// is a choice, a comma may sit inside a quoted name, blanks come last.
var delimiters = []struct {
	r    rune
	name string
}{{'\t', "tab"}, {';', "';'"}, {',', "','"}, {' ', "blanks"}}

// sampleBytes is how much of the file the dialect is guessed from.
const sampleBytes = 64 << 10

// Parse reads an edge list in any of the dialects graph tools write: CSV
// with a comma, semicolon or tab (Gephi's spreadsheet, pandas), or
// blank-separated columns (NCOL, networkx's write_edgelist with data
// False or a weight, SNAP), CR, LF or CRLF line ends, with or without a
// header. The delimiter is the first of tab, ';', ',' and blanks that
// splits every line of the first 64 KiB into two or more fields, unless
// o.Delimiter says; a first row is a header when it names a known column
// (source, target, weight, type, …) or its third field is not a number.
// Source and target are the first two columns unless a header names them
// or o.SourceCol/o.TargetCol do; the weight is the column named weight
// (or value, …), or o.Weight, or without a header the third column, else
// 1. A Type column (Gephi's: Directed, Undirected) gives each edge its
// direction; without one every edge is directed, as Gephi and igraph read
// edge lists (networkx's read_edgelist reads them undirected: say
// --undirected). Lines starting with # (and % between blanks) are comments.
func Parse(r io.Reader, name string, o graphfile.Options) (graphfile.Raw, error) {
	br := bufio.NewReaderSize(&lineEnds{r: bufio.NewReaderSize(r, 1<<16)}, sampleBytes)
	sample, _ := br.Peek(sampleBytes)
	raw := graphfile.Raw{Name: name, Data: map[string]string{}}
	lines := sampleLines(sample, len(sample) == sampleBytes)
	if len(lines) == 0 {
		return raw, graphfile.Bad(name, 0, "", errors.New("no edges"))
	}
	delim, dname, err := pickDelimiter(lines, o.Delimiter)
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return raw, graphfile.Bad(name, le.line, "", le.err)
		}
		return raw, err
	}
	rows := newRows(br, delim)
	head, err := rows.next()
	if err != nil {
		return raw, graphfile.Bad(name, rows.line, "", err)
	}
	var header []string
	if isHeader(head, o) {
		header = append([]string(nil), head...)
	}
	cols, err := pickColumns(header, len(head), o)
	if err != nil {
		return raw, graphfile.Bad(name, rows.line, "", err)
	}
	if header == nil && len(head) > 3 && o.SourceCol == "" && o.TargetCol == "" && o.Weight == "" {
		return raw, graphfile.Bad(name, rows.line, "", fmt.Errorf("%d fields and no header naming them: say which to read (--source-col, --target-col, --weight by number)", len(head)))
	}
	raw.Format = "edge list (" + dname + ", no header)"
	if header != nil {
		raw.Format = "edge list (" + dname + ", header)"
		head = nil
	}
	raw.Directed = true
	raw.DirectedBy = "no Type column: directed, as Gephi and igraph read edge lists (networkx's read_edgelist reads them undirected: --undirected)"
	if cols.typ >= 0 {
		raw.DirectedBy = fmt.Sprintf("the %s column, directed where empty", cols.label(cols.typ))
	}
	raw.WeightBy = "none: every edge weighs 1"
	if cols.weight >= 0 {
		raw.WeightBy = "the " + cols.label(cols.weight) + " column"
	}
	need := max(cols.source, cols.target, cols.weight, cols.typ) + 1
	for rec := head; ; {
		if rec == nil {
			if rec, err = rows.next(); err == io.EOF {
				break
			} else if err != nil {
				return raw, graphfile.Bad(name, rows.line, "", err)
			}
		}
		line := rows.line
		if len(rec) < need {
			return raw, graphfile.Bad(name, line, "", fmt.Errorf("%d fields, want at least %d (%s)", len(rec), need, cols.want()))
		}
		a := graphfile.Arc{From: strings.TrimSpace(rec[cols.source]), To: strings.TrimSpace(rec[cols.target]), Weight: 1, Directed: true, Line: line}
		if a.From == "" || a.To == "" {
			return raw, graphfile.Bad(name, line, "", errors.New("source and target must not be empty"))
		}
		if cols.weight >= 0 {
			if a.Weight, err = graphfile.ParseWeight(rec[cols.weight]); err != nil {
				return raw, graphfile.Bad(name, line, "weight "+cols.label(cols.weight), err)
			}
		}
		if cols.typ >= 0 {
			switch strings.ToLower(strings.TrimSpace(rec[cols.typ])) {
			case "", "directed", "true", "1":
			case "undirected", "mutual", "false", "0":
				a.Directed = false
			default:
				return raw, graphfile.Bad(name, line, "type "+cols.label(cols.typ), fmt.Errorf("%q: want Directed or Undirected", rec[cols.typ]))
			}
		}
		raw.Arcs = append(raw.Arcs, a)
		rec = nil
	}
	if len(raw.Arcs) == 0 {
		return raw, graphfile.Bad(name, 0, "", errors.New("no edges"))
	}
	if unused := cols.unused(header); len(unused) > 0 {
		raw.Notices = append(raw.Notices, fmt.Sprintf("columns not read: %s", strings.Join(unused, ", ")))
	}
	return raw, nil
}

// sampleLine is a data line of the sample and its number.
type sampleLine struct {
	text string
	line int
}

// sampleLines are the data lines of the sample (comments and blank lines
// left out; the last line too when the sample was cut).
func sampleLines(sample []byte, cut bool) []sampleLine {
	all := strings.Split(string(sample), "\n")
	if cut && len(all) > 1 {
		all = all[:len(all)-1]
	}
	var out []sampleLine
	for i, l := range all {
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' || t[0] == '%' {
			continue
		}
		out = append(out, sampleLine{l, i + 1})
	}
	return out
}

// pickDelimiter returns the delimiter o names, or the first that splits
// every sample line into two or more fields; failing that, an error
// naming the first line the likeliest one (the first to split the first
// line) cannot split.
func pickDelimiter(lines []sampleLine, want string) (rune, string, error) {
	switch want {
	case "":
	case "tab", "\\t", "\t":
		return '\t', "tab", nil
	case "space", "blank", "blanks", " ", "whitespace":
		return ' ', "blanks", nil
	case ",", ";", "|":
		return rune(want[0]), "'" + want + "'", nil
	default:
		return 0, "", fmt.Errorf("--delimiter %q: want , ; | tab or space", want)
	}
	for _, d := range delimiters {
		ok := true
		for _, l := range lines {
			if f, err := split(l.text, d.r); err != nil || len(f) < 2 {
				ok = false
				break
			}
		}
		if ok {
			return d.r, d.name, nil
		}
	}
	for _, d := range delimiters {
		if f, err := split(lines[0].text, d.r); err != nil || len(f) < 2 {
			continue
		}
		for _, l := range lines {
			f, err := split(l.text, d.r)
			if err != nil {
				return 0, "", &lineError{l.line, fmt.Errorf("split by %s: %w", d.name, err)}
			}
			if len(f) < 2 {
				return 0, "", &lineError{l.line, fmt.Errorf("want source,target[,weight] separated by %s as on line %d; got 1 field (--delimiter to say another)", d.name, lines[0].line)}
			}
		}
	}
	return 0, "", &lineError{lines[0].line, errors.New("want source,target[,weight] separated by a tab, ';', ',' or blanks; got 1 field (--delimiter to say which)")}
}

// lineError is an error on a line of the file.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }

// split splits one sample line as the reader will.
func split(l string, d rune) ([]string, error) {
	if d == ' ' {
		return strings.Fields(l), nil
	}
	cr := csv.NewReader(strings.NewReader(l))
	cr.Comma = d
	rec, err := cr.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return rec, err
}

// isHeader says whether the first row names columns.
func isHeader(rec []string, o graphfile.Options) bool {
	for _, c := range []string{o.SourceCol, o.TargetCol, o.Weight} {
		if _, err := strconv.Atoi(c); c != "" && c != "-" && err != nil {
			return true
		}
	}
	for _, c := range rec {
		c = strings.ToLower(strings.TrimSpace(c))
		for _, names := range [][]string{sourceNames[:3], targetNames[:3], weightNames[:1], typeNames[:1]} {
			if slices.Contains(names, c) {
				return true
			}
		}
	}
	if len(rec) >= 3 {
		_, err := graphfile.ParseWeight(rec[2])
		return errors.Is(err, graphfile.ErrNotNumber)
	}
	return false
}

// columns are the 0-based columns read; -1 is none.
type columns struct {
	source, target, weight, typ int
	header                      []string
}

func (c columns) label(i int) string {
	if c.header != nil {
		return fmt.Sprintf("%q", c.header[i])
	}
	return fmt.Sprintf("column %d", i+1)
}

func (c columns) want() string {
	s := "source " + c.label(c.source) + ", target " + c.label(c.target)
	if c.weight >= 0 {
		s += ", weight " + c.label(c.weight)
	}
	return s
}

func (c columns) unused(header []string) []string {
	var out []string
	for i, h := range header {
		if i != c.source && i != c.target && i != c.weight && i != c.typ {
			out = append(out, fmt.Sprintf("%q", h))
		}
	}
	return out
}

// pickColumns finds the source, target, weight and type columns: named by
// o, else by the header, else by position.
func pickColumns(header []string, n int, o graphfile.Options) (columns, error) {
	c := columns{source: -1, target: -1, weight: -1, typ: -1, header: header}
	find := func(flag, want string, names []string) (int, error) {
		if want != "" {
			if i, err := strconv.Atoi(want); err == nil {
				if i < 1 || i > n {
					return -1, fmt.Errorf("%s %d: the file has %d columns", flag, i, n)
				}
				return i - 1, nil
			}
			for i, h := range header {
				if strings.EqualFold(strings.TrimSpace(h), want) {
					return i, nil
				}
			}
			return -1, fmt.Errorf("%s %s: no such column (the header has %s)", flag, want, strings.Join(header, ", "))
		}
		for i, h := range header {
			if slices.Contains(names, strings.ToLower(strings.TrimSpace(h))) {
				return i, nil
			}
		}
		return -1, nil
	}
	var err error
	if c.source, err = find("--source-col", o.SourceCol, sourceNames); err != nil {
		return c, err
	}
	if c.target, err = find("--target-col", o.TargetCol, targetNames); err != nil {
		return c, err
	}
	if c.source < 0 {
		c.source = 0
	}
	if c.target < 0 {
		c.target = 1
		if c.source == 1 {
			c.target = 0
		}
	}
	if o.Weight != "-" {
		if c.weight, err = find("--weight", o.Weight, weightNames); err != nil {
			return c, err
		}
		if c.weight < 0 && header == nil && n >= 3 {
			c.weight = 2
		}
	}
	if header != nil {
		if c.typ, err = find("", "", typeNames); err != nil {
			return c, err
		}
	}
	if c.source == c.target {
		return c, fmt.Errorf("source and target are the same column (%s)", c.label(c.source))
	}
	return c, nil
}

// rows reads records in the chosen dialect, counting lines. A CSV record
// is bounded (textbound.MaxRecord), since encoding/csv holds a whole one
// in memory however long; a blank-separated line is bounded by the
// scanner.
type rows struct {
	cr    *csv.Reader
	bound *textbound.Reader
	sc    *bufio.Scanner
	line  int
}

func newRows(r io.Reader, d rune) *rows {
	if d == ' ' {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		return &rows{sc: sc}
	}
	bound := textbound.NewReader(r, textbound.MaxRecord)
	cr := csv.NewReader(bound)
	cr.Comma = d
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = d != '\t'
	return &rows{cr: cr, bound: bound}
}

// next returns the next record with data, io.EOF at the end.
func (r *rows) next() ([]string, error) {
	if r.sc != nil {
		for r.sc.Scan() {
			r.line++
			t := strings.TrimSpace(r.sc.Text())
			if t == "" || t[0] == '#' || t[0] == '%' {
				continue
			}
			return strings.Fields(t), nil
		}
		if err := r.sc.Err(); err != nil {
			r.line++
			if errors.Is(err, bufio.ErrTooLong) {
				return nil, errors.New("a line of more than 1 MiB")
			}
			return nil, err
		}
		return nil, io.EOF
	}
	for {
		rec, err := r.cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.line = pe.Line
				return nil, pe.Err
			}
			if errors.Is(err, textbound.ErrTooLong) {
				r.line++ // the record after the last one read
			}
			return nil, err
		}
		r.line, _ = r.cr.FieldPos(0)
		r.bound.Mark(r.cr.InputOffset())
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		return rec, nil
	}
}

// lineEnds turns CRLF and lone CR line ends into LF, so old Mac and
// Windows files split into the same lines (and line numbers) as Unix ones.
type lineEnds struct {
	r      *bufio.Reader
	pendCR bool
}

func (l *lineEnds) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c, err := l.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if l.pendCR {
			l.pendCR = false
			if c == '\n' {
				continue
			}
		}
		if c == '\r' {
			l.pendCR, c = true, '\n'
		}
		p[n] = c
		n++
	}
	return n, nil
}
