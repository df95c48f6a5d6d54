package workbook

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

func writeSeed(t *testing.T, opt Options) []byte {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	opt.Generated = fixed
	var buf bytes.Buffer
	if err := Write(&buf, d, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	d, _ := fixtures.Seed()
	for _, maxRows := range []int{0, 40} { // 40: relationships continue on further sheets
		got, err := ReadContext(context.Background(), bytes.NewReader(writeSeed(t, Options{MaxRows: maxRows})), iso3166.Registry())
		if err != nil {
			t.Fatalf("maxRows %d: %v", maxRows, err)
		}
		if !reflect.DeepEqual(got.Meta, d.Meta) {
			t.Errorf("meta %+v, want %+v", got.Meta, d.Meta)
		}
		if !reflect.DeepEqual(got.Sources, d.Sources) {
			t.Errorf("sources differ:\n%+v\n%+v", got.Sources, d.Sources)
		}
		if !reflect.DeepEqual(got.Relationships, d.Relationships) {
			for i := range d.Relationships {
				if i < len(got.Relationships) && !reflect.DeepEqual(got.Relationships[i], d.Relationships[i]) {
					t.Errorf("maxRows %d: relationship %d\n got %+v\nwant %+v", maxRows, i, got.Relationships[i], d.Relationships[i])
					break
				}
			}
			t.Fatalf("maxRows %d: %d relationships read, want %d", maxRows, len(got.Relationships), len(d.Relationships))
		}
		if ch := graphmodel.Diff(d, got); !ch.Empty() {
			t.Errorf("round trip changes: %+v", ch)
		}
		if got.ContentHash() != d.ContentHash() {
			t.Error("content hash differs after round trip")
		}
	}
}

func TestContinuationSheets(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeSeed(t, Options{MaxRows: 40})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := strings.Join(f.GetSheetList(), "|")
	for _, want := range []string{"Relationships|", "Relationships (2)", "Relationships (3)"} {
		if !strings.Contains(sheets, want) {
			t.Errorf("sheets %s lack %s", sheets, want)
		}
	}
	about, _ := f.GetRows("About")
	found := false
	for _, r := range about {
		if len(r) > 1 && strings.Contains(r[1], "Continues on Relationships (2)") {
			found = true
		}
	}
	if !found {
		t.Error("About does not say Relationships continues")
	}
}

// An NGO's corrected copy: edits are read with their cell named on error,
// and the diff names what changed.
func TestReadCorrectedCopy(t *testing.T) {
	f, _ := excelize.OpenReader(bytes.NewReader(writeSeed(t, Options{})))
	// Change a note (row 2), delete a row's date precision typo, add a row.
	f.SetCellValue("Relationships", "S2", "Corrected note")
	f.SetCellValue("Relationships", "A200", "ngo-new-1")
	for col, v := range map[string]any{"C": "received", "D": "SY", "F": "LB", "H": "2025-07-01", "I": "month", "L": 12, "M": "about", "Q": "reported", "R": "cbs-2025-02-panama", "S": "NGO field report"} {
		f.SetCellValue("Relationships", col+"200", v)
	}
	var buf bytes.Buffer
	f.Write(&buf)
	got, err := ReadContext(context.Background(), bytes.NewReader(buf.Bytes()), iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	d, _ := fixtures.Seed()
	ch := graphmodel.Diff(d, got)
	added, removed, modified := ch.Count()
	if added != 1 || removed != 0 || modified != 1 {
		t.Errorf("changes %+v", ch.Relationships)
	}
	last := got.Relationships[len(got.Relationships)-1]
	if last.Date != graphmodel.On(graphmodel.MonthDate(2025, 7)) || last.Count != (graphmodel.Count{Value: 12, Qualifier: graphmodel.About}) {
		t.Errorf("added row read as %+v", last)
	}
}

func TestReadErrorsNameCells(t *testing.T) {
	tests := []struct {
		cell, value, want string
	}{
		// Rows follow fixtures/seed/relationships.csv (1.3.0): row 2 is its
		// first record, appr-pa-2025-02. Row 3's date is a period (EDTF
		// text), whose precision cell is checked against it.
		{"D5", "QQ", "Relationships!D5: " + "recv-cn-pa-2025-02: from: unknown country code \"QQ\""},
		{"H3", "not a date", "Relationships!H3: lev-pa-canal-2025-02: date:"},
		{"I3", "fortnight", "Relationships!I3: lev-pa-canal-2025-02: date precision:"},
		{"L9", "-4", "Relationships!L9:"},
		// A volunteer's "about 300": the qualifier has its own cell (M).
		{"L10", "about 300", `Relationships!L10: recv-zz-pa-2025-02: count: "about 300" is not a whole, non-negative number: type the number alone, in digits, and pick its qualifier (about, at least, up to) in Relationships!M10`},
		{"Q2", "sure", "Relationships!Q2: appr-pa-2025-02: confidence: unknown confidence"},
		{"R2", "nope", "Relationships!R2: appr-pa-2025-02: sources: unknown source \"nope\""},
		// Part of (seed 1.3.0): an id that is no row, and a group in
		// another country (row 20 is Nepalis in Costa Rica's 200).
		{"X5", "nope", "Relationships!X5: recv-cn-pa-2025-02: part_of: unknown relationship id \"nope\""},
		{"X20", "recv-zz-pa-2025-02", "Relationships!X20: recv-np-cr-2025-02: part_of: recv-zz-pa-2025-02 is another type or goes to another receiver"},
	}
	for _, tt := range tests {
		f, _ := excelize.OpenReader(bytes.NewReader(writeSeed(t, Options{})))
		f.SetCellValue("Relationships", tt.cell, tt.value)
		var buf bytes.Buffer
		f.Write(&buf)
		d, err := ReadContext(context.Background(), bytes.NewReader(buf.Bytes()), iso3166.Registry())
		if err == nil || d != nil {
			t.Errorf("%s=%q: no error", tt.cell, tt.value)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s=%q: error %q lacks %q", tt.cell, tt.value, err, tt.want)
		}
	}
}

// A logical or a formula typed into a cell import reads is an error at
// the cell, never its cached value (excelize writes the formula with no
// cached value; the check is on the cell, not on what a reader computes).
func TestReadRejectsLogicalAndFormulaCells(t *testing.T) {
	f, _ := excelize.OpenReader(bytes.NewReader(writeSeed(t, Options{})))
	f.SetCellBool("Relationships", "L5", true)
	f.SetCellFormula("Relationships", "S6", `HYPERLINK("http://x","y")`)
	f.SetCellValue("Relationships", "S1", "NOTE") // headers ignore case
	var buf bytes.Buffer
	f.Write(&buf)
	_, err := ReadContext(context.Background(), bytes.NewReader(buf.Bytes()), iso3166.Registry())
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"Relationships!L5: count: holds the logical value TRUE", `Relationships!S6: note: holds the formula =HYPERLINK("http://x","y")`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "required column") {
		t.Errorf("header NOTE not matched: %v", err)
	}
}

func TestFormulaTextStaysText(t *testing.T) {
	d, _ := fixtures.Seed()
	d.Relationships[0].Note = "=HYPERLINK(\"http://x\",\"click\")"
	d.Relationships[1].Note = "+1 555 0100"
	d.Relationships[2].Note = "@SUM(A1)"
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Generated: fixed}); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	for _, cell := range []string{"S2", "S3", "S4"} {
		if fm, _ := f.GetCellFormula("Relationships", cell); fm != "" {
			t.Errorf("%s holds formula %q", cell, fm)
		}
		if typ, _ := f.GetCellType("Relationships", cell); typ == excelize.CellTypeFormula {
			t.Errorf("%s typed as formula", cell)
		}
	}
	got, err := ReadContext(context.Background(), bytes.NewReader(buf.Bytes()), iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	if got.Relationships[0].Note != d.Relationships[0].Note {
		t.Errorf("note came back as %q", got.Relationships[0].Note)
	}
}

func TestLongCellTruncatedVisibly(t *testing.T) {
	d, _ := fixtures.Seed()
	d.Relationships[0].Note = strings.Repeat("x", 40000)
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Generated: fixed}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.GetCellValue("Relationships", "S2")
	if len([]rune(v)) > 32767 || !strings.Contains(v, "truncated: ") {
		t.Errorf("cell of %d characters, marker present: %v", len([]rune(v)), strings.Contains(v, "truncated"))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(writeSeed(&testing.T{}, Options{SkipAnalysis: true}))
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadContext(context.Background(), bytes.NewReader(data), iso3166.Registry())
		if err == nil {
			if verr := d.Validate(); verr != nil {
				t.Fatalf("read without error but invalid: %v", verr)
			}
		} else if d != nil {
			t.Fatal("dataset returned with an error")
		}
	})
}

// The time and event fields travel through the workbook: an EDTF period
// as text in the Date cell, a report date, whose account a status is,
// what a payment is tied to, and the campaign on About.
func TestRoundTripTimeFields(t *testing.T) {
	d, _ := fixtures.Seed()
	d.Meta.Campaign = []graphmodel.Code{"US"}
	periods := []string{"../2025-05", "2025-01-20/2025-05", "2025-02?", "2025-02/..", "../2023-12"}
	set := 0
	for i := range d.Relationships {
		r := &d.Relationships[i]
		switch {
		case set < len(periods):
			p, err := graphmodel.ParsePeriod(periods[set])
			if err != nil {
				t.Fatal(err)
			}
			r.Date = p
			if r.Type == graphmodel.Approached {
				r.StatedBy = graphmodel.ByPresser
			}
			set++
		case r.Type == graphmodel.Paid:
			r.PaymentTie = graphmodel.OtherPurpose
		case r.Type == graphmodel.Received && r.Reported.IsZero():
			r.Reported = graphmodel.On(graphmodel.DayDate(2025, 10, 8))
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Generated: fixed, SkipAnalysis: true}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadContext(context.Background(), bytes.NewReader(buf.Bytes()), iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Meta.Campaign, d.Meta.Campaign) {
		t.Errorf("campaign %v", got.Meta.Campaign)
	}
	for i := range d.Relationships {
		if !reflect.DeepEqual(got.Relationships[i], d.Relationships[i]) {
			t.Errorf("relationship %d\n got %+v\nwant %+v", i, got.Relationships[i], d.Relationships[i])
		}
	}
}
