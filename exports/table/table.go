// Package table writes a generic result table (a query's columns and rows)
// as aligned text, CSV, JSON or an xlsx sheet. Graph values (Node,
// Relationship, Path) are written as data: JSON objects, Cypher pattern
// text in tables and CSV, one column per property in xlsx. CSV and xlsx
// never let text become a formula: CSV cells that a spreadsheet would
// evaluate get a leading apostrophe, and xlsx text cells are stored as
// strings in a text number format. Every format carries the table's About
// (dataset, tool, statement, parameters) when it has one.
package table

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/leverage-project/leverage/graphmodel"
)

// Table is a header and rows of plain values: strings, integers, floats,
// booleans, Date, time.Time, Node, Relationship, Path, lists and maps of
// these, nil.
type Table struct {
	Columns []string
	Rows    [][]any
	About   *About
}

// About says where a table came from, so that a copy of the output can be
// cited and re-run.
type About struct {
	// Provenance names the dataset the database holds and the tool; an
	// empty ContentHash means the database records no dataset.
	Provenance graphmodel.Provenance
	Query      string            // the library query's name, if it was one
	Statement  string            // the Cypher text as sent
	Parameters map[string]string // name → value as given (--param name=value)
	Database   string            // where it ran (URI without user info, database)
}

// Formats lists the supported formats.
var Formats = []string{"table", "csv", "json", "xlsx"}

// Write writes t in format to w.
func Write(w io.Writer, t Table, format string) error {
	switch format {
	case "table", "csv", "json":
		return writeStream(w, t, format)
	case "xlsx":
		return writeXLSX(w, t)
	}
	return fmt.Errorf("unknown format %q (one of %v)", format, Formats)
}

// Text renders one value as text: graph values in Cypher pattern syntax,
// lists joined by "; ", maps as JSON, dates as YYYY-MM-DD.
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return formatFloat(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Text(e)
		}
		return strings.Join(parts, "; ")
	case []string:
		return strings.Join(x, "; ")
	case map[string]any:
		b, _ := json.Marshal(jsonValue(x))
		return string(b)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// currentText says whether the database still holds the dataset as
// loaded, and if not, what it holds now.
func (a *About) currentText() string {
	p := a.Provenance
	if !p.Diverged {
		return "as loaded (sha256:" + p.ContentHash + ")"
	}
	cur := p.CurrentContentHash
	if !strings.HasPrefix(cur, "unreadable") {
		cur = "sha256:" + cur
	}
	return "CHANGED since load (" + p.Changed + "): now " + cur + "; results describe the changed database, not the loaded dataset"
}

// lines is the About as "key: value" lines; a statement of several lines
// continues on indented lines.
func (a *About) lines() []string {
	if a == nil {
		return nil
	}
	var out []string
	if a.Provenance.ContentHash == "" {
		out = append(out, "dataset: none recorded in the database (no :Dataset node)", "tool: "+a.Provenance.Tool)
	} else {
		out = append(out, "dataset: "+a.Provenance.DatasetName+" "+a.Provenance.DatasetVersion,
			"content hash: sha256:"+a.Provenance.ContentHash, "database content: "+a.currentText(), "tool: "+a.Provenance.Tool)
	}
	if a.Database != "" {
		out = append(out, "database: "+a.Database)
	}
	if a.Query != "" {
		out = append(out, "query: "+a.Query+" (library)")
	}
	out = append(out, "parameters: "+a.paramText())
	st := strings.Split(strings.TrimRight(strings.ReplaceAll(a.Statement, "\r\n", "\n"), "\n"), "\n")
	out = append(out, "statement:")
	for _, l := range st {
		out = append(out, "  "+l)
	}
	return out
}

func (a *About) paramText() string {
	if len(a.Parameters) == 0 {
		return "none"
	}
	var parts []string
	for _, k := range sortedKeys(anyMap(a.Parameters)) {
		parts = append(parts, k+"="+a.Parameters[k])
	}
	return strings.Join(parts, " ")
}

func anyMap(m map[string]string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// WriteCSV writes RFC 4180 CSV; text a spreadsheet would evaluate is
// prefixed with an apostrophe (OWASP CSV injection), numbers stay numbers.
// The About comes first, as lines starting with "# " (pandas:
// read_csv(f, comment="#") when no value holds a "#"; or skip the lines
// before the header).
func WriteCSV(w io.Writer, t Table) error { return writeStream(w, t, "csv") }

func escapeAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = graphmodel.EscapeFormula(x)
	}
	return out
}

// MaxCellChars is Excel's limit on the characters in one cell.
const MaxCellChars = 32767

// TruncateCell keeps text within Excel's cell limit, ending it with a
// visible marker that says how much was cut, so a long note never makes a
// corrupt file and never loses text silently.
func TruncateCell(s string) string {
	if len(s) <= MaxCellChars {
		return s
	}
	r := []rune(s)
	if len(r) <= MaxCellChars {
		return s
	}
	marker := func(omitted int) string { return fmt.Sprintf(" …[truncated: %d characters omitted]", omitted) }
	keep := MaxCellChars - len([]rune(marker(len(r))))
	return string(r[:keep]) + marker(len(r)-keep)
}
