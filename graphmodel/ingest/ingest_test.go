package ingest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

func seedRegistry(t testing.TB) *graphmodel.Registry {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d.Registry
}

// messyRemovals writes a seeded person-level file with the mess real exports
// have (BOM, mixed case, several date formats, blank lines, duplicates,
// unknown countries, junk footer rows) and returns the exact aggregates a
// correct ingest must produce.
func messyRemovals(seed uint64, n int) (csvText string, want map[string]int64, rejects, blanks int) {
	rng := rand.New(rand.NewPCG(seed, 7))
	countries := []struct{ name, code string }{
		{"MEXICO", "MX"}, {"Guatemala", "GT"}, {"honduras", "HN"}, {"EL SALVADOR", "SV"}, {"Venezuela", "VE"},
		{"Panama", "PA"}, {"COSTA RICA", "CR"}, {"Côte d'Ivoire", "CI"}, {"Kyrgyz Republic", "KG"}, {"UZBEKISTAN", "UZ"},
	}
	dateForms := []func(y, m, d int) string{
		func(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) },
		func(y, m, d int) string { return fmt.Sprintf("%d/%d/%04d", m, d, y) },
		func(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02dT10:00:00", y, m, d) },
		func(y, m, d int) string {
			return fmt.Sprintf("%d %s %04d", d, []string{"January", "February", "March", "April", "May", "June"}[m-1], y)
		},
	}
	var b strings.Builder
	b.WriteString("\ufeffUnique Identifier,Citizenship Country,Departure Country,Departed Date,Gender\n")
	want = map[string]int64{}
	type row struct{ id, cit, dep, date string }
	var prev []row
	for i := 0; i < n; i++ {
		switch rng.IntN(50) {
		case 0:
			b.WriteString("\n")
			blanks++
			continue
		case 1:
			fmt.Fprintf(&b, "X%07d,Atlantis,Mexico,2025-01-05,F\n", i)
			rejects++
			continue
		case 2:
			if len(prev) > 0 { // exact duplicate record
				p := prev[rng.IntN(len(prev))]
				fmt.Fprintf(&b, "%s,%s,%s,%s,M\n", p.id, p.cit, p.dep, p.date)
				rejects++
				continue
			}
		case 3:
			fmt.Fprintf(&b, "X%07d,Mexico,Guatemala,31/31/2025,F\n", i)
			rejects++
			continue
		}
		cit := countries[rng.IntN(len(countries))]
		dep := cit
		if rng.IntN(3) > 0 {
			dep = countries[rng.IntN(len(countries))]
		}
		y, m, d := 2025, 1+rng.IntN(6), 1+rng.IntN(28)
		r := row{fmt.Sprintf("P%07d", i), cit.name, dep.name, dateForms[rng.IntN(len(dateForms))](y, m, d)}
		prev = append(prev, r)
		fmt.Fprintf(&b, "%s,%s,%s,%s,F\n", r.id, r.cit, r.dep, r.date)
		want[fmt.Sprintf("%s>%s@%04d-%02d", cit.code, dep.code, y, m)]++
	}
	b.WriteString("Read more at the project site,,,,\n")
	rejects++
	return b.String(), want, rejects, blanks
}

func run(t *testing.T, shape Shape, r RowReader) *Result {
	t.Helper()
	// The generated files write numeric dates month first, as ICE data
	// does, and say so as a user would with --date-order mdy.
	res, err := Run(context.Background(), r, Options{Shape: shape, Registry: seedRegistry(t), DateOrder: MonthFirst,
		Source: graphmodel.Source{Key: "test-src", Publisher: "p", Title: "t", Published: graphmodel.YearDate(2025), Kind: "dataset"}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRemovalsAggregatesExactly(t *testing.T) {
	text, want, rejects, blanks := messyRemovals(42, 5000)
	res := run(t, Removals, newCSVReader(io.NopCloser(strings.NewReader(text))))
	a := res.Accounting
	if !a.Balanced() || a.Rejected != rejects || a.Blank != blanks {
		t.Errorf("accounting %+v; want %d rejected, %d blank", a, rejects, blanks)
	}
	got := map[string]int64{}
	var third, own int64
	for _, r := range res.Relationships {
		got[fmt.Sprintf("%s>%s@%s", r.FromCountry, r.ToCountry, r.Date)] += r.Count.Value
		if r.FromCountry == r.ToCountry {
			own += r.Count.Value
		} else {
			third += r.Count.Value
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d aggregates, want %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d, want %d", k, got[k], v)
		}
	}
	if third != a.ThirdCountry || own != a.OwnCountry || third+own != int64(a.Used) {
		t.Errorf("third %d own %d vs accounting %+v", third, own, a)
	}
}

func TestRemovalsFromXLSX(t *testing.T) {
	text, want, _, _ := messyRemovals(7, 800)
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	for i, line := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(text, "\ufeff"), "\n"), "\n") {
		cells := []any{}
		for _, c := range strings.Split(line, ",") {
			cells = append(cells, c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		sw.SetRow(cell, cells)
	}
	sw.Flush()
	path := filepath.Join(t.TempDir(), "r.xlsx")
	f.SaveAs(path)
	rr, err := OpenContext(context.Background(), path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	res := run(t, Removals, rr)
	var total int64
	for _, r := range res.Relationships {
		total += r.Count.Value
	}
	var wantTotal int64
	for _, v := range want {
		wantTotal += v
	}
	if total != wantTotal || !res.Accounting.Balanced() {
		t.Errorf("xlsx total %d, want %d; %+v", total, wantTotal, res.Accounting)
	}
}

func TestTrackerRows(t *testing.T) {
	text := "Deportation tracker,,,,,\n" +
		"DESTINATION,Date,Date Range End,Number Removed,Origin Nationalities,Source,Notes\n" +
		"COSTA RICA,2025-02-20,2025-02-25,approximately 200,\"Chinese, Indian, Nepali, Yemeni\",https://example.org/cr,camp\n" +
		"EL SALVADOR,March 16 2025,,238,Venezuelans,,\n" +
		"PANAMA,02/12/2025,,\"at least 6,500\",\"Iranian, Afghan\",,\n" +
		"KOSOVO,Mar 2025,,up to 50,Various,,\n" +
		"ATLANTIS,2025-04-01,,5,Martians,,\n" +
		"\n" +
		"Read more,,,,,,\n" +
		"PANAMA,02/12/2025,,\"at least 6,500\",\"Iranian, Afghan\",,\n"
	res := run(t, Tracker, newCSVReader(io.NopCloser(strings.NewReader(text))))
	a := res.Accounting
	if a.Read != 10 || a.Preamble != 1 || a.Header != 1 || a.Blank != 1 || a.Used != 4 || a.Rejected != 3 {
		t.Errorf("accounting %+v", a)
	}
	byKey := map[string]graphmodel.Relationship{}
	for _, r := range res.Relationships {
		byKey[string(r.FromCountry)+">"+string(r.ToCountry)] = r
	}
	for _, tt := range []struct {
		pair  string
		count graphmodel.Count
	}{
		{"ZZ>CR", graphmodel.Count{Value: 200, Qualifier: graphmodel.About}},
		{"VE>SV", graphmodel.Count{Value: 238, Qualifier: graphmodel.Exact}},
		{"ZZ>PA", graphmodel.Count{Value: 6500, Qualifier: graphmodel.AtLeast}},
		{"ZZ>XK", graphmodel.Count{Value: 50, Qualifier: graphmodel.UpTo}},
		{"YE>CR", graphmodel.Count{}},
		{"IR>PA", graphmodel.Count{}},
	} {
		r, ok := byKey[tt.pair]
		if !ok || r.Count != tt.count {
			t.Errorf("%s: %+v (present %v), want count %v", tt.pair, r.Count, ok, tt.count)
		}
	}
	if r := byKey["ZZ>CR"]; !strings.Contains(r.Note, "camp") || !strings.Contains(r.Note, "https://example.org/cr") || r.Date != graphmodel.On(graphmodel.DayDate(2025, 2, 20)) {
		t.Errorf("note/date kept: %+v", r)
	}
	reasons := ""
	for _, r := range res.Rejects {
		reasons += fmt.Sprintf("%d:%s|", r.Row, r.Reason)
	}
	for _, want := range []string{"7:unknown destination country \"ATLANTIS\"", "9:not a data row", "10:duplicate of row 5"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("rejects %s lack %s", reasons, want)
		}
	}
	var buf bytes.Buffer
	WriteRejects(&buf, res.Header, res.Rejects)
	if !strings.HasPrefix(buf.String(), "row,reason,DESTINATION") {
		t.Errorf("rejects CSV: %s", buf.String())
	}
}

// Ingesting the same file twice into the merged result changes nothing.
func TestIngestTwiceChangesNothing(t *testing.T) {
	text, _, _, _ := messyRemovals(3, 500)
	base, _ := fixtures.Seed()
	res := run(t, Removals, newCSVReader(io.NopCloser(strings.NewReader(text))))
	once, err := Merge(base, res)
	if err != nil {
		t.Fatal(err)
	}
	res2 := run(t, Removals, newCSVReader(io.NopCloser(strings.NewReader(text))))
	twice, err := Merge(once, res2)
	if err != nil {
		t.Fatal(err)
	}
	if once.ContentHash() != twice.ContentHash() || len(once.Relationships) != len(twice.Relationships) {
		t.Error("second ingest changed the dataset")
	}
}

func TestMappingOverride(t *testing.T) {
	csvText := "Fecha,Nacionalidad,Pais de destino\n2025-03-02,Honduras,Mexico\n"
	res, err := Run(context.Background(), newCSVReader(io.NopCloser(strings.NewReader(csvText))), Options{Shape: Removals, Registry: seedRegistry(t),
		Columns: map[string]string{"date": "Fecha", "citizenship": "Nacionalidad", "departure": "Pais de destino"},
		Source:  graphmodel.Source{Key: "s"}})
	if err != nil || len(res.Relationships) != 1 || res.Relationships[0].FromCountry != "HN" {
		t.Errorf("mapping: %v %+v", err, res)
	}
	if _, err := Run(context.Background(), newCSVReader(io.NopCloser(strings.NewReader(csvText))), Options{Shape: Removals, Registry: seedRegistry(t), Source: graphmodel.Source{Key: "s"}}); err == nil || !strings.Contains(err.Error(), "no header row") {
		t.Errorf("unmapped headers: %v", err)
	}
}

func TestParseCountAndDate(t *testing.T) {
	for in, want := range map[string]graphmodel.Count{
		"120": {Value: 120, Qualifier: graphmodel.Exact}, "approximately 120": {Value: 120, Qualifier: graphmodel.About}, "~300": {Value: 300, Qualifier: graphmodel.About},
		"at least 6,500": {Value: 6500, Qualifier: graphmodel.AtLeast}, "more than 200": {Value: 200, Qualifier: graphmodel.AtLeast}, "200+": {Value: 200, Qualifier: graphmodel.AtLeast},
		"up to 50": {Value: 50, Qualifier: graphmodel.UpTo}, "1,100": {Value: 1100, Qualifier: graphmodel.Exact}, "": {},
	} {
		got, err := ParseCount(in)
		if err != nil || got != want {
			t.Errorf("ParseCount(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"dozens", "10-20", "1.5"} {
		if _, err := ParseCount(bad); err == nil {
			t.Errorf("ParseCount(%q) accepted", bad)
		}
	}
	for in, want := range map[string]string{
		"2025-03-15": "2025-03-15", "3/15/2025": "2025-03-15", "15 March 2025": "2025-03-15", "March 15, 2025": "2025-03-15",
		"Mar 2025": "2025-03", "2025-03": "2025-03", "2025": "2025", "45731": "2025-03-15", "2025-03-15T08:00:00Z": "2025-03-15",
	} {
		got, err := ParseDate(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"31/31/2025", "soon", "2025-02-30", "13/13/2025", "05/03-2025"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

// A numeric date with one real reading is read so; one with two is
// refused naming both, unless the order is given.
func TestParseDateOrder(t *testing.T) {
	for _, tc := range []struct {
		in    string
		order DateOrder
		want  string // "" for an ambiguity error
	}{
		{"13/03/2025", DateOrderUnset, "2025-03-13"},
		{"03/13/2025", DateOrderUnset, "2025-03-13"},
		{"05/05/2025", DateOrderUnset, "2025-05-05"},
		{"05/03/2025", DateOrderUnset, ""},
		{"05.03.2025", DateOrderUnset, ""},
		{"05/03/2025", DayFirst, "2025-03-05"},
		{"05/03/2025", MonthFirst, "2025-05-03"},
		{"05.03.2025", DayFirst, "2025-03-05"},
		{"05-03-2025", MonthFirst, "2025-05-03"},
	} {
		got, err := ParseDateIn(tc.in, tc.order)
		var amb *AmbiguousDateError
		switch {
		case tc.want == "" && !errors.As(err, &amb):
			t.Errorf("ParseDateIn(%q, %q) = %v, %v; want an ambiguity", tc.in, tc.order, got, err)
		case tc.want == "" && (amb.DayFirst.String() != "2025-03-05" || amb.MonthFirst.String() != "2025-05-03"):
			t.Errorf("ParseDateIn(%q): readings %s, %s", tc.in, amb.DayFirst, amb.MonthFirst)
		case tc.want != "" && (err != nil || got.String() != tc.want):
			t.Errorf("ParseDateIn(%q, %q) = %v, %v; want %s", tc.in, tc.order, got, err, tc.want)
		}
	}
	for _, o := range []DateOrder{DayFirst, MonthFirst} {
		if _, err := ParseDateIn("13/13/2025", o); err == nil {
			t.Errorf("13/13/2025 read with %s", o)
		}
	}
	if _, err := ParseDateIn("13/03/2025", MonthFirst); err == nil {
		t.Errorf("13/03/2025 read month first")
	}
}

func FuzzParseDate(f *testing.F) {
	// "0000-01": found by FUZZTIME=30s (issue 22), a month out of range.
	for _, s := range []string{"2025-03-15", "3/15/2025", "15 March 2025", "Mar 2025", "45731", "x", "0000-01", "05/03/2025", "05.03.2025", "13-03-2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && d.IsZero() {
			t.Fatalf("%q: no error and no date", s)
		}
		if err == nil {
			if _, err := graphmodel.ParseDate(d.String()); err != nil {
				t.Fatalf("%q parsed to %v, which does not print back: %v", s, d, err)
			}
		}
		// A date read without an order reads the same with either order
		// given; an ambiguous one reads as each of its two readings.
		var amb *AmbiguousDateError
		for _, o := range []DateOrder{DayFirst, MonthFirst} {
			d2, err2 := ParseDateIn(s, o)
			switch {
			case err == nil && d2 != d && !(strings.Contains(s, "/") || strings.Contains(s, ".") || strings.Count(s, "-") == 2):
				t.Fatalf("%q: %v without an order, %v with %s", s, d, d2, o)
			case errors.As(err, &amb) && err2 != nil:
				t.Fatalf("%q: ambiguous, but %s does not read it: %v", s, o, err2)
			case errors.As(err, &amb) && o == DayFirst && d2 != amb.DayFirst, errors.As(err, &amb) && o == MonthFirst && d2 != amb.MonthFirst:
				t.Fatalf("%q: %s reads %v, the error said %v / %v", s, o, d2, amb.DayFirst, amb.MonthFirst)
			}
		}
	})
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"approximately 120", "at least 6,500", "200+", "up to 50", "dozens"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCount(s)
		if err == nil && (c.Value < 0 || (!c.IsZero() && !c.Qualifier.Valid())) {
			t.Fatalf("%q -> %+v", s, c)
		}
	})
}

func FuzzNationalities(f *testing.F) {
	reg := seedRegistry(f)
	for _, s := range []string{"Iranian, Afghan and Chinese", "Venezuelans; Cubans", "Various", "citizens of Iran"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		codes, _ := Nationalities(reg, s)
		seen := map[graphmodel.Code]bool{}
		for _, c := range codes {
			if seen[c] {
				t.Fatalf("%q: %s twice", s, c)
			}
			seen[c] = true
			if _, ok := reg.Country(c); !ok {
				t.Fatalf("%q: unknown code %s", s, c)
			}
		}
	})
}

func FuzzRows(f *testing.F) {
	text, _, _, _ := messyRemovals(1, 30)
	f.Add(text)
	f.Add("Citizenship Country,Departure Country,Departed Date\n\"a,b\",\"c\"\"d\",2025-01-01\n")
	reg := seedRegistry(f)
	f.Fuzz(func(t *testing.T, s string) {
		res, err := Run(context.Background(), newCSVReader(io.NopCloser(strings.NewReader(s))), Options{Shape: Removals, Registry: reg, Source: graphmodel.Source{Key: "f"}})
		if err == nil && !res.Accounting.Balanced() {
			t.Fatalf("unbalanced accounting %+v", res.Accounting)
		}
	})
}

// The parallel CSV path for removals gives exactly what the general reader
// gives: same relationships, rejects (row numbers and reasons) and counts.
func TestRunFileParallelEqualsRun(t *testing.T) {
	text, _, _, _ := messyRemovals(11, 60000) // > 1 MB: split across workers
	path := filepath.Join(t.TempDir(), "r.csv")
	if err := os.WriteFile(path, []byte("Extract of removals\n\n"+text), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := Options{Shape: Removals, Registry: seedRegistry(t), Source: graphmodel.Source{Key: "s"}}
	if _, ok, err := runRemovalsParallel(context.Background(), []byte("Extract of removals\n\n"+text), opt); !ok || err != nil {
		t.Fatalf("the parallel path declined the file (ok=%v, %v): this test would compare Run with itself", ok, err)
	}
	fast, err := RunFile(context.Background(), path, "", opt)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	defer f.Close()
	slow, err := Run(context.Background(), newCSVReader(f), opt)
	if err != nil {
		t.Fatal(err)
	}
	if fast.Accounting.Read != slow.Accounting.Read || fast.Accounting.Blank != slow.Accounting.Blank ||
		fast.Accounting.Used != slow.Accounting.Used || fast.Accounting.Rejected != slow.Accounting.Rejected ||
		fast.Accounting.Preamble != slow.Accounting.Preamble || fast.Accounting.ThirdCountry != slow.Accounting.ThirdCountry {
		t.Errorf("accounting differs:\nfast %+v\nslow %+v", fast.Accounting, slow.Accounting)
	}
	if !reflect.DeepEqual(fast.Relationships, slow.Relationships) {
		t.Errorf("relationships differ: %d vs %d", len(fast.Relationships), len(slow.Relationships))
	}
	if len(fast.Rejects) != len(slow.Rejects) {
		t.Fatalf("rejects %d vs %d", len(fast.Rejects), len(slow.Rejects))
	}
	for i := range fast.Rejects {
		if fast.Rejects[i].Row != slow.Rejects[i].Row || fast.Rejects[i].Reason != slow.Rejects[i].Reason {
			t.Errorf("reject %d: fast %d %q, slow %d %q", i, fast.Rejects[i].Row, fast.Rejects[i].Reason, slow.Rejects[i].Row, slow.Rejects[i].Reason)
			break
		}
	}
}

// The byte-level row path must count a row exactly as the general one does
// whenever it accepts it.
func FuzzFastRowMatchesRow(f *testing.F) {
	for _, line := range []string{
		"P1,MEXICO,Guatemala,2025-03-04,F",
		" P2 , honduras ,HONDURAS, 2025-02-29 ,M",
		"P3,Côte d'Ivoire,Panama,2024-02-29",
		"P4,Atlantis,Mexico,2025-01-05,F",
		",Mexico,Mexico,2025-12-31,",
		"P5,Mexico",
		"P6,Mexico,Guatemala,3/4/2025,F",
	} {
		f.Add(line)
	}
	reg, err := fixtures.Seed()
	if err != nil {
		f.Fatal(err)
	}
	col := map[string]int{"id": 0, "citizenship": 1, "departure": 2, "date": 3}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\"\n\r") {
			t.Skip() // the byte path only ever sees single unquoted lines
		}
		opt := Options{Shape: Removals, Registry: reg.Registry}
		fast := newRemovals(opt, &Result{})
		bc := byteColsOf(col)
		if !fast.fastRow(7, []byte(line), bc, make([][]byte, bc.need+1)) {
			return
		}
		fast.flush()
		slow := newRemovals(opt, &Result{})
		slow.row(7, rowView{cells: strings.Split(line, ","), col: col})
		if !reflect.DeepEqual(fast.agg, slow.agg) || !reflect.DeepEqual(fast.res.Accounting, slow.res.Accounting) || len(slow.res.Rejects) != 0 {
			t.Fatalf("%q: fast %v %+v, general %v %+v rejects %v", line, fast.agg, fast.res.Accounting, slow.agg, slow.res.Accounting, slow.res.Rejects)
		}
		if len(fast.ids) != len(slow.ids) || len(fast.ids) == 1 && (fast.ids[0].hash != slow.ids[0].hash || fast.keys[fast.ids[0].key] != slow.keys[slow.ids[0].key]) {
			t.Fatalf("%q: identifier records differ: %v vs %v", line, fast.ids, slow.ids)
		}
	})
}

// The radix sort and the run merge must both give the (hash, row) order a
// comparison sort gives, equal hashes included.
func TestIDRowOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	rows := make([]idRow, 20000)
	for i := range rows {
		rows[i] = idRow{hash: rng.Uint64() % 3000 << uint(rng.IntN(50)), row: int32(i), key: int32(rng.IntN(10))}
	}
	want := append([]idRow(nil), rows...)
	slices.SortFunc(want, func(x, y idRow) int {
		if c := cmp.Compare(x.hash, y.hash); c != 0 {
			return c
		}
		return cmp.Compare(x.row, y.row)
	})
	if got := sortIDRows(rows); !slices.Equal(got, want) {
		t.Fatal("sortIDRows differs from a comparison sort")
	}
	runs := [][]idRow{sortIDRows(rows[:7000]), sortIDRows(rows[7000:7001]), nil, sortIDRows(rows[7001:])}
	if got := mergeIDRuns(runs); !slices.Equal(got, want) {
		t.Fatal("mergeIDRuns differs from a comparison sort")
	}
	if hash64("P1", "2025-01-02") != hash64([]byte("P1"), []byte("2025-01-02")) || hash64("ab", "c") == hash64("a", "bc") {
		t.Error("hash64: string and byte forms must agree, and part boundaries must count")
	}
}

// Trackers saved by Excel or LibreOffice in Spanish, French or Portuguese
// settings: semicolon- or tab-separated, country names and nationality
// words in those languages (CLDR names; demonyms from the references in
// foreign.go), headers too.
func TestTrackerSeparatorsAndLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       map[string]graphmodel.Count // from>to
	}{
		{"semicolon, Spanish", "Destino;Fecha;Número;Nacionalidades\n" +
			"Ruanda;20/03/2025;7;iraquíes\n" +
			"Sudán del Sur;2025-07-05;8;\"cubano, mexicanos; vietnamitas\"\n" +
			"El Salvador;16/03/2025;238;venezolanos\n",
			map[string]graphmodel.Count{"IQ>RW": {Value: 7}, "ZZ>SS": {Value: 8}, "CU>SS": {}, "MX>SS": {}, "VN>SS": {}, "VE>SV": {Value: 238}}},
		{"tab, French", "Destination\tDate\tNombre\tNationalités\n" +
			"Soudan du Sud\t2025-07-05\t8\tCubains\n" +
			"États-Unis\t2025-03\t\tAfghanes\n",
			map[string]graphmodel.Count{"CU>SS": {Value: 8}, "AF>US": {}}},
		{"semicolon, Portuguese", "Destino;Data;Quantidade;Nacionalidades\n" +
			"Costa do Marfim;2025-05;12;afegãos\n" +
			"Ruanda;2025-04;3;paquistaneses\n",
			map[string]graphmodel.Count{"AF>CI": {Value: 12}, "PK>RW": {Value: 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Run(context.Background(), newCSVReader(io.NopCloser(strings.NewReader(tc.text))), Options{Shape: Tracker,
				Registry: seedRegistry(t), Source: graphmodel.Source{Key: "s", Publisher: "p", Title: "t", Published: graphmodel.YearDate(2025), Kind: "tracker"}})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rejects) > 0 {
				t.Errorf("rejects: %+v", res.Rejects)
			}
			got := map[string]graphmodel.Count{}
			for _, r := range res.Relationships {
				got[string(r.FromCountry)+">"+string(r.ToCountry)] = r.Count
			}
			for k, c := range tc.want {
				if g, ok := got[k]; !ok || g.Value != c.Value {
					t.Errorf("%s: %v (present %v), want %d; got %v", k, g, ok, c.Value, got)
				}
			}
		})
	}
}

func TestSniffDelimiter(t *testing.T) {
	for in, want := range map[string]rune{
		"a,b,c\n1,2,3\n":                      ',',
		"a;b;c\n1;\"2,5\";3\n":                ';',
		"a\tb\tc\n1\t2\t3\n":                  '\t',
		"Destino;Fecha\n\"Sudán, del Sur\";x": ';',
		"one column\nvalue\n":                 ',',
	} {
		if got := sniffDelimiter([]byte(in)); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// The separator is always one of the three, whatever the bytes.
func FuzzSniffDelimiter(f *testing.F) {
	for _, s := range []string{"a,b\n1,2", "a;b\n1;2", "a\tb\n1\t2", "\"x;y\",z", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if d := sniffDelimiter(b); d != ',' && d != ';' && d != '\t' {
			t.Fatalf("%q: separator %q", b, d)
		}
	})
}
