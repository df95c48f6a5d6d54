package table

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/leverage-project/leverage/graphmodel"
)

// A Stream writes a table row by row, holding at most one block of rows,
// so a result of any length passes through in bounded memory. NewStream
// writes the About and the header, Row each row, Close what ends the
// table (the row count, the closing brackets).
//
// The formats are those of Write, byte for byte, with one difference in
// "table": columns are aligned within blocks of TextBlock rows, each block
// as wide as its own widest cells. xlsx is not streamed (the sheet's
// autofilter and dimension need the row count first): see Write.
type Stream struct {
	w       io.Writer
	format  string
	columns []string
	rows    int64

	tw    *tabwriter.Writer // table
	block int               // rows in the current text block
	cw    *csv.Writer       // csv
	cells []string          // csv
}

// TextBlock is how many rows of the "table" format are aligned together.
const TextBlock = 1000

// NewStream starts a table of the given columns in format (table, csv or
// json) on w.
func NewStream(w io.Writer, format string, columns []string, about *About) (*Stream, error) {
	s := &Stream{w: w, format: format, columns: columns}
	switch format {
	case "table":
		for _, l := range about.lines() {
			if _, err := fmt.Fprintln(w, l); err != nil {
				return nil, err
			}
		}
		if about != nil {
			if _, err := fmt.Fprintln(w); err != nil {
				return nil, err
			}
		}
		s.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(s.tw, strings.Join(columns, "\t"))
	case "csv":
		for _, l := range about.lines() {
			if _, err := fmt.Fprintln(w, "# "+strings.NewReplacer("\r", " ", "\n", " ").Replace(l)); err != nil {
				return nil, err
			}
		}
		s.cw = csv.NewWriter(w)
		s.cells = make([]string, len(columns))
		if err := s.cw.Write(escapeAll(columns)); err != nil {
			return nil, err
		}
	case "json":
		if err := s.jsonHead(about); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("format %q cannot be streamed (one of table, csv, json)", format)
	}
	return s, nil
}

// jsonHead writes what json.Encoder with a two-space indent writes for
// the object {provenance, query, columns, rows} up to the rows' "[".
func (s *Stream) jsonHead(a *About) error {
	var b strings.Builder
	b.WriteString("{\n")
	field := func(name string, v any) error {
		j, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "  %q: %s,\n", name, j)
		return nil
	}
	if a != nil {
		params := a.Parameters
		if params == nil {
			params = map[string]string{}
		}
		q := struct {
			Name       string            `json:"name,omitempty"`
			Statement  string            `json:"statement"`
			Parameters map[string]string `json:"parameters"`
			Database   string            `json:"database,omitempty"`
		}{a.Query, a.Statement, params, a.Database}
		if err := field("provenance", a.Provenance); err != nil {
			return err
		}
		if err := field("query", q); err != nil {
			return err
		}
	}
	if err := field("columns", s.columns); err != nil {
		return err
	}
	b.WriteString(`  "rows": [`)
	_, err := io.WriteString(s.w, b.String())
	return err
}

// Row writes one row.
func (s *Stream) Row(r []any) error {
	s.rows++
	switch s.format {
	case "table":
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = strings.NewReplacer("\n", "⏎", "\t", " ").Replace(Text(v))
		}
		if _, err := fmt.Fprintln(s.tw, strings.Join(cells, "\t")); err != nil {
			return err
		}
		if s.block++; s.block == TextBlock {
			s.block = 0
			return s.tw.Flush()
		}
		return nil
	case "csv":
		for i, v := range r {
			switch v.(type) {
			case int, int64, float64, bool:
				s.cells[i] = Text(v)
			default:
				s.cells[i] = graphmodel.EscapeFormula(Text(v))
			}
		}
		if err := s.cw.Write(s.cells[:len(r)]); err != nil {
			return err
		}
		return s.cw.Error()
	}
	m := make(map[string]any, len(s.columns))
	for j, c := range s.columns {
		if j < len(r) {
			m[c] = jsonValue(r[j])
		}
	}
	j, err := json.MarshalIndent(m, "    ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n    "
	if s.rows == 1 {
		sep = "\n    "
	}
	_, err = io.WriteString(s.w, sep+string(j))
	return err
}

// writeStream writes a held table through a Stream, so held and streamed
// tables are written by the same code.
func writeStream(w io.Writer, t Table, format string) error {
	s, err := NewStream(w, format, t.Columns, t.About)
	if err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := s.Row(r); err != nil {
			return err
		}
	}
	return s.Close()
}

// Close ends the table. It does not close the writer.
func (s *Stream) Close() error {
	switch s.format {
	case "table":
		if err := s.tw.Flush(); err != nil {
			return err
		}
		_, err := fmt.Fprintf(s.w, "(%d rows)\n", s.rows)
		return err
	case "csv":
		s.cw.Flush()
		return s.cw.Error()
	}
	end := "]\n}\n"
	if s.rows > 0 {
		end = "\n  ]\n}\n"
	}
	_, err := io.WriteString(s.w, end)
	return err
}
