package table

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

// encoderJSON is the reference for the streamed JSON: the whole object
// handed to encoding/json's Encoder with a two-space indent, as the
// writer did before it streamed.
func encoderJSON(t *testing.T, tb Table) string {
	t.Helper()
	rows := make([]map[string]any, len(tb.Rows))
	for i, r := range tb.Rows {
		m := map[string]any{}
		for j, c := range tb.Columns {
			if j < len(r) {
				m[c] = jsonValue(r[j])
			}
		}
		rows[i] = m
	}
	out := struct {
		Provenance any              `json:"provenance,omitempty"`
		Query      any              `json:"query,omitempty"`
		Columns    []string         `json:"columns"`
		Rows       []map[string]any `json:"rows"`
	}{Columns: tb.Columns, Rows: rows}
	if a := tb.About; a != nil {
		out.Provenance = a.Provenance
		params := a.Parameters
		if params == nil {
			params = map[string]string{}
		}
		out.Query = struct {
			Name       string            `json:"name,omitempty"`
			Statement  string            `json:"statement"`
			Parameters map[string]string `json:"parameters"`
			Database   string            `json:"database,omitempty"`
		}{a.Query, a.Statement, params, a.Database}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestStreamedJSONEqualsTheEncoder(t *testing.T) {
	odd := "<&> \u2028 \"q\" \\ ⏎"
	for _, tc := range []struct {
		name string
		tb   Table
	}{
		{"empty", Table{Columns: []string{"a"}}},
		{"no columns", Table{}},
		{"about", Table{Columns: []string{"s", "r"}, Rows: [][]any{{src, paid}, {nil, math.NaN()}}, About: about()}},
		{"about without parameters", Table{Columns: []string{"x"}, Rows: [][]any{{odd}}, About: &About{Statement: odd}}},
		{"many", Table{Columns: []string{"i", "l", "m"}, Rows: func() [][]any {
			var r [][]any
			for i := 0; i < 2500; i++ {
				r = append(r, []any{int64(i), []any{1.5, "x"}, map[string]any{"k": i}})
			}
			return r
		}()}},
		{"short row", Table{Columns: []string{"a", "b"}, Rows: [][]any{{"only a"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tc.tb, "json"); err != nil {
				t.Fatal(err)
			}
			if want := encoderJSON(t, tc.tb); b.String() != want {
				t.Errorf("streamed JSON differs from the encoder's:\n%s\nwant\n%s", b.String(), want)
			}
		})
	}
}

// Text blocks: each block of TextBlock rows is aligned on its own; the
// row count covers all of them; CSV reads back with encoding/csv.
func TestStreamedTextAndCSV(t *testing.T) {
	var s strings.Builder
	st, err := NewStream(&s, "table", []string{"n", "word"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := TextBlock + 3
	for i := 0; i < n; i++ {
		w := "a"
		if i == TextBlock { // a wide cell in the second block only
			w = strings.Repeat("w", 20)
		}
		if err := st.Row([]any{int64(i), w}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(s.String(), "\n"), "\n")
	if len(lines) != n+2 || lines[len(lines)-1] != fmt.Sprintf("(%d rows)", n) {
		t.Fatalf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
	// "n" column: widest in block one is "999" (3) + 2 padding; block two
	// holds 1000..1002 (4) + 2.
	if lines[1] != "0    a" || lines[TextBlock+1] != "1000  "+strings.Repeat("w", 20) {
		t.Errorf("alignment: %q %q", lines[1], lines[TextBlock+1])
	}
	var c bytes.Buffer
	tb := Table{Columns: []string{"=x", "v"}, Rows: [][]any{{"=1+1", int64(3)}, {"a,b\n", 2.5}}}
	if err := Write(&c, tb, "csv"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"'=x", "v"}, {"'=1+1", "3"}, {"a,b\n", "2.5"}}
	if fmt.Sprint(recs) != fmt.Sprint(want) {
		t.Errorf("csv read back %q, want %q", recs, want)
	}
	if _, err := NewStream(&c, "xlsx", nil, nil); err == nil {
		t.Error("xlsx streamed")
	}
}
