package kumu_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/kumu"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/testgate"
)

func python(t *testing.T) string {
	py := testgate.Python(t, "openpyxl")
	return py
}

type sheetDump struct {
	Sheets     []string              `json:"sheets"`
	RawRows    map[string][][][2]any `json:"rows"`
	Dimensions map[string]string     `json:"dimensions"`
}

// openpyxl in read_only mode, the independent reader, must find Kumu's
// documented layout (Elements: Label, Type; Connections: From, To, Type;
// an ID first column on both, From and To holding element IDs) and plain
// values: text as text, numbers as numbers, every row present.
func TestOpenpyxlReadsKumuLayout(t *testing.T) {
	py := python(t)
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	g := graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
	var buf bytes.Buffer
	if err := kumu.Write(&buf, g); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "k.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "testdata/read_kumu.py", path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var dump sheetDump
	if err := json.Unmarshal(out, &dump); err != nil {
		t.Fatal(err)
	}
	if strings.Join(dump.Sheets, ",") != "Elements,Connections,Read me (ignore)" {
		t.Fatalf("sheets %v", dump.Sheets)
	}
	header := func(sheet string) []string {
		var h []string
		for _, c := range dump.RawRows[sheet][0] {
			if c[0] != "str" {
				t.Errorf("%s header cell %v is not text", sheet, c)
			}
			s, _ := c[1].(string)
			h = append(h, s)
		}
		return h
	}
	col := func(h []string, name string) int {
		for i, c := range h {
			if c == name {
				return i
			}
		}
		t.Fatalf("header %v lacks %s", h, name)
		return -1
	}
	eh, ch := header("Elements"), header("Connections")
	// Kumu: Label is the first column unless ID comes first; From and To
	// follow in A and B the same way.
	if eh[0] != "ID" || eh[1] != "Label" || col(eh, "Type") < 0 {
		t.Errorf("elements header %v", eh)
	}
	if ch[0] != "ID" || ch[1] != "From" || ch[2] != "To" || col(ch, "Type") < 0 {
		t.Errorf("connections header %v", ch)
	}
	elems, conns := dump.RawRows["Elements"][1:], dump.RawRows["Connections"][1:]
	if len(elems) != len(g.Nodes) || len(conns) != len(d.Relationships) {
		t.Fatalf("openpyxl read_only saw %d elements and %d connections, want %d and %d (dimensions %v)",
			len(elems), len(conns), len(g.Nodes), len(d.Relationships), dump.Dimensions)
	}
	ids := map[string]bool{}
	for i, row := range elems {
		id, _ := row[0][1].(string)
		label, _ := row[1][1].(string)
		ids[id] = true
		want := d.Registry.Name(graphmodel.Code(id))
		if label != want {
			t.Errorf("element %d: label %q, want %q", i, label, want)
		}
	}
	typ := col(ch, "Type")
	count := col(ch, "Count")
	for i, row := range conns {
		r := d.Relationships[i]
		for j, c := range row {
			if s, ok := c[1].(string); ok && strings.HasPrefix(s, "{") {
				t.Errorf("connection %d column %s holds %q", i, ch[j], s)
			}
		}
		if row[0][1] != r.Key || row[1][1] != string(r.FromCountry) || row[2][1] != string(r.ToCountry) || row[typ][1] != string(r.Type) {
			t.Errorf("connection %d: %v, want %s %s→%s %s", i, row[:4], r.Key, r.FromCountry, r.ToCountry, r.Type)
		}
		if !ids[string(r.FromCountry)] || !ids[string(r.ToCountry)] {
			t.Errorf("connection %s refers to an element id not on Elements", r.Key)
		}
		if !r.Count.IsZero() && (row[count][0] != "int" || row[count][1].(float64) != float64(r.Count.Value)) {
			t.Errorf("connection %s count cell %v, want the number %d", r.Key, row[count], r.Count.Value)
		}
	}
}

// What a Kumu user presents: labels read from From to To, a sentence per
// claim, the year as a tag and field with the period's dates, source
// titles, URLs and the licence as fields, context claims marked apart,
// placeholders typed and tagged apart. Expected values are read off the
// seed's CSV rows by hand (recv-af-pa-2025-02: AF→PA, 2025-02, completed,
// source cbs-2025-02-panama, CBS News).
func TestKumuPresentable(t *testing.T) {
	d, _ := fixtures.Seed()
	dump := seedKumuDump(t)
	rows := func(sheet string) []map[string]string {
		raw := dump.RawRows[sheet]
		var out []map[string]string
		for _, r := range raw[1:] {
			m := map[string]string{}
			for i, c := range r {
				h, _ := raw[0][i][1].(string)
				m[h] = fmt.Sprint(c[1])
			}
			out = append(out, m)
		}
		return out
	}
	byID := map[string]map[string]string{}
	for _, r := range rows("Connections") {
		byID[r["ID"]] = r
	}
	af := byID["recv-af-pa-2025-02"]
	for field, want := range map[string]string{
		"From": "AF", "To": "PA", "Label": "nationals received by", "Summary": "Panama received nationals of Afghanistan (2025-02, completed)",
		"Kind": "deportation", "Year": "2025", "Start Date": "2025-02-01", "End Date": "2025-02-28", "License": d.Meta.License,
	} {
		if af[field] != want {
			t.Errorf("recv-af-pa-2025-02 %s = %q, want %q", field, af[field], want)
		}
	}
	if !strings.Contains(af["Tags"], "2025") || !strings.HasPrefix(af["Source titles"], "CBS News: ") {
		t.Errorf("recv-af-pa-2025-02 tags %q, source titles %q", af["Tags"], af["Source titles"])
	}
	contexts := 0
	for _, r := range d.Relationships {
		c := byID[r.Key]
		if (r.Type == graphmodel.MigrationContext) != (c["Kind"] == "context") {
			t.Errorf("%s (%s): Kind %q", r.Key, r.Type, c["Kind"])
		}
		if r.Type == graphmodel.MigrationContext {
			contexts++
		}
	}
	if contexts == 0 {
		t.Error("the seed has no context claim to check")
	}
	for _, e := range rows("Elements") {
		ph := e["ID"] == "ZZ" || strings.HasPrefix(e["ID"], "GRP_")
		if ph != (e["Type"] == "Placeholder" && strings.Contains(e["Tags"], "placeholder")) {
			t.Errorf("element %s: type %q tags %q", e["ID"], e["Type"], e["Tags"])
		}
	}
}

func TestKumuSameBytes(t *testing.T) {
	d, _ := fixtures.Seed()
	g := graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
	var a, b bytes.Buffer
	if err := kumu.Write(&a, g); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	if err := kumu.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two Kumu exports of the same graph differ")
	}
}

// kumuDocs is what Kumu's documentation (github.com/kumu/docs, read for
// this test) says an import file must look like, in one table:
// guides/import/import.md ("Structure your data for Kumu": Label or ID in
// A1; From, To first; pre-named fields; "(ignore)" in the name of a sheet
// not to import), guides/fields.md (the core fields; names a field cannot
// have) and guides/controls/tagged-timeline-control.md (years in the Tags
// field, every year an item was present).
var kumuDocs = struct {
	elementsStart, connectionsStart []string
	core, reserved                  []string
	ignoreMark                      string
}{
	elementsStart:    []string{"ID", "Label"},
	connectionsStart: []string{"ID", "From", "To"},
	core:             []string{"ID", "Label", "From", "To", "Type", "Description", "Tags", "Image", "URL", "Email"},
	reserved:         []string{"YES", "NO", "ON", "OFF", "TRUE", "FALSE"},
	ignoreMark:       "(ignore)",
}

// The export's sheets and field names are the documented ones, and a
// claim's years are all tagged. The years expected are read off the
// seed's CSV by hand: mig-mz-sz-2024-10 runs 2024-10/2025-06 (2024 and
// 2025), paid-us-pa-2025-05 2024/2025-05 (2024 and 2025), appr-gb-rw-2024
// is ../2024 (an open start: no year).
func TestKumuAsDocumented(t *testing.T) {
	dump := seedKumuDump(t)
	for _, s := range dump.Sheets {
		if s != "Elements" && s != "Connections" && !strings.Contains(s, kumuDocs.ignoreMark) {
			t.Errorf("sheet %q would be imported by Kumu: a sheet not to import needs %s in its name", s, kumuDocs.ignoreMark)
		}
	}
	headers := map[string][]string{}
	for _, sheet := range []string{"Elements", "Connections"} {
		for _, c := range dump.RawRows[sheet][0] {
			h, _ := c[1].(string)
			headers[sheet] = append(headers[sheet], h)
		}
	}
	for sheet, start := range map[string][]string{"Elements": kumuDocs.elementsStart, "Connections": kumuDocs.connectionsStart} {
		if h := headers[sheet]; len(h) < len(start) || strings.Join(h[:len(start)], ",") != strings.Join(start, ",") {
			t.Errorf("%s starts %v, Kumu's import wants %v", sheet, h, start)
		}
		for _, h := range headers[sheet] {
			for _, c := range kumuDocs.core {
				if strings.EqualFold(h, c) && h != c {
					t.Errorf("%s header %q: Kumu's field is %q", sheet, h, c)
				}
			}
			for _, r := range kumuDocs.reserved {
				if strings.EqualFold(h, r) {
					t.Errorf("%s header %q: Kumu fields cannot be named so", sheet, h)
				}
			}
		}
	}
	tags := map[string][]string{}
	tagCol := -1
	for i, h := range headers["Connections"] {
		if h == "Tags" {
			tagCol = i
		}
	}
	if tagCol < 0 {
		t.Fatal("Connections has no Tags field")
	}
	for _, row := range dump.RawRows["Connections"][1:] {
		id, _ := row[0][1].(string)
		s, _ := row[tagCol][1].(string)
		tags[id] = strings.Split(s, "|")
	}
	has := func(list []string, y string) bool {
		for _, x := range list {
			if x == y {
				return true
			}
		}
		return false
	}
	for id, want := range map[string][]string{"mig-mz-sz-2024-10": {"2024", "2025"}, "paid-us-pa-2025-05": {"2024", "2025"}, "appr-gb-rw-2024": nil} {
		for _, y := range want {
			if !has(tags[id], y) {
				t.Errorf("%s tags %v lack %s", id, tags[id], y)
			}
		}
		for _, x := range tags[id] {
			if len(x) == 4 && strings.Trim(x, "0123456789") == "" && !has(want, x) {
				t.Errorf("%s tagged year %s, outside its period", id, x)
			}
		}
	}
}

// seedKumuDump writes the seed's Kumu workbook and reads it back with
// openpyxl, as Kumu's importer sees the cells.
func seedKumuDump(t *testing.T) sheetDump {
	t.Helper()
	py := python(t)
	d, _ := fixtures.Seed()
	g := graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
	var buf bytes.Buffer
	if err := kumu.Write(&buf, g); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "k.xlsx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	out, err := exec.Command(py, "testdata/read_kumu.py", path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var dump sheetDump
	if err := json.Unmarshal(out, &dump); err != nil {
		t.Fatal(err)
	}
	return dump
}
