package csvdir_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

const sourcesCSV = "id,publisher,title,published,kind,url,note\ns1,Pub,Title,2025-06,news,https://example.org/a,\n"

const header = "id,event,type,from,to,date,status,instrument,count,count_qualifier,amount,currency,amount_qualifier,confidence,sources,note\n"

func readFS(t *testing.T, files map[string]string) (*graphmodel.Dataset, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys["d/"+name] = &fstest.MapFile{Data: []byte(body)}
	}
	return csvdir.ReadContext(context.Background(), fsys, "d", "d", iso3166.Registry())
}

// Values that break naive CSV, Cypher or spreadsheet handling must survive
// a write and a read unchanged.
func TestRoundTripHostileText(t *testing.T) {
	notes := []string{
		`He said "no", then 'yes'`,
		"line one\nline two\nline three",
		"=HYPERLINK(\"http://evil\",\"click\")",
		"+1 555", "-minus", "@mention", "\tindented", "'apostrophe first",
		"MATCH (n) DETACH DELETE n // `backticks`",
		"São Tomé, Kosovë, 日本, emoji 🙂",
		" leading and trailing spaces ",
	}
	d := &graphmodel.Dataset{
		Meta:     graphmodel.Meta{Name: "=evil", Version: "1", Updated: graphmodel.DayDate(2026, 1, 2)},
		Registry: iso3166.Registry(),
		Countries: []graphmodel.Country{{Code: "ZZ", Name: "Unspecified, \"various\"", Kind: graphmodel.KindUnspecified,
			Aliases: []string{"various", "=x"}}},
		Sources: []graphmodel.Source{{Key: "s1", Publisher: "-Pub", Title: "T, with comma", Published: graphmodel.YearDate(2025), Kind: "news"}},
	}
	for i, n := range notes {
		d.Relationships = append(d.Relationships, graphmodel.Relationship{
			Key: "r" + string(rune('a'+i)), Type: graphmodel.Received, FromCountry: "ZZ", ToCountry: "PA",
			Date: graphmodel.On(graphmodel.QuarterDate(2025, 1)), Status: graphmodel.Completed, Count: graphmodel.Count{Value: int64(i), Qualifier: graphmodel.About},
			Confidence: graphmodel.Reported, Sources: []string{"s1"}, Note: n,
		})
	}
	dir := t.TempDir()
	if err := csvdir.WriteDirContext(context.Background(), dir, d); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, csvdir.RelationshipsFile))
	if bytes.Contains(raw, []byte(",=HYPERLINK")) || bytes.Contains(raw, []byte("\"=HYPERLINK")) {
		t.Error("formula written unescaped")
	}
	got, err := csvdir.ReadDir(dir, iso3166.Registry())
	if err != nil {
		t.Fatal(err)
	}
	got.Registry, d.Registry = nil, nil
	if !reflect.DeepEqual(got, d) {
		t.Errorf("round trip changed the dataset:\n got %+v\nwant %+v", got, d)
	}
	// A second write of what was read is byte-identical.
	dir2 := t.TempDir()
	got.Registry = iso3166.Registry()
	if err := csvdir.WriteDirContext(context.Background(), dir2, got); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{csvdir.MetaFile, csvdir.CountriesFile, csvdir.SourcesFile, csvdir.RelationshipsFile} {
		a, _ := os.ReadFile(filepath.Join(dir, f))
		b, _ := os.ReadFile(filepath.Join(dir2, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs on second write", f)
		}
	}
}

func TestReadErrorsNamePosition(t *testing.T) {
	tests := []struct {
		name string
		rels string
		want string // substring of the error
	}{
		{"bad date", header + "r1,,paid,US,RW,2025-13,completed,payment,,,100,USD,,reported,s1,n\n",
			"d/relationships.csv:2:6: r1: date:"},
		{"unknown country", header + "r1,,received,IQ,QQ,2025,completed,,,,,,,reported,s1,n\n",
			"d/relationships.csv:2:5: r1: to: unknown country code \"QQ\""},
		{"unknown source on line 3", header + "r1,,received,IQ,RW,2025,completed,,,,,,,reported,s1,n\nr2,,received,IQ,RW,2025,completed,,,,,,,reported,s1;nope,n\n",
			"d/relationships.csv:3:15: r2: sources: unknown source \"nope\""},
		{"field count", header + "r1,,received,IQ\n", "d/relationships.csv:2"},
		{"missing column", "id,type,from,to,date,confidence,sources\n", "d/relationships.csv:1: note: required column missing"},
		{"unknown column", "id,type,from,to,date,confidence,sources,note,colour\n", "d/relationships.csv:1:9: colour: unknown column"},
		{"bad quote", header + "r1,,received,IQ,RW,2025,completed,,,,,,,reported,s1,\"unterminated\n", "d/relationships.csv:2"},
		{"negative count", header + "r1,,received,IQ,RW,2025,completed,,-5,,,,,reported,s1,n\n", "d/relationships.csv:2:9: r1: count: -5 is negative"},
		{"duplicate id", header + "r1,,received,IQ,RW,2025,completed,,,,,,,reported,s1,n\nr1,,received,IQ,RW,2025,completed,,,,,,,reported,s1,n\n",
			"d/relationships.csv:3:1: r1: id: duplicate id"},
	}
	for _, tt := range tests {
		d, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": tt.rels})
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if d != nil {
			t.Errorf("%s: partial dataset returned with an error", tt.name)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not contain %q", tt.name, err, tt.want)
		}
		if !graphmodel.IsInvalid(err) {
			t.Errorf("%s: not classed as invalid data: %v", tt.name, err)
		}
	}
}

// encoding/csv reads a CRLF inside a quoted cell as LF; the model keeps LF.
func TestCRLFInCellBecomesLF(t *testing.T) {
	rels := header + "r1,,received,IQ,RW,2025,completed,,,,,,,reported,s1,\"a\r\nb\"\r\n"
	d, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": rels})
	if err != nil {
		t.Fatal(err)
	}
	if d.Relationships[0].Note != "a\nb" {
		t.Errorf("note = %q", d.Relationships[0].Note)
	}
}

func TestReadMissingFile(t *testing.T) {
	_, err := readFS(t, map[string]string{"sources.csv": sourcesCSV})
	if err == nil || !strings.Contains(err.Error(), "d/relationships.csv: file missing") {
		t.Errorf("got %v", err)
	}
}

func TestReadAcceptsBOMAndColumnOrder(t *testing.T) {
	rels := "\ufeffnote,sources,confidence,date,to,from,type,id,status\nhello,s1,reported,2025-04,RW,IQ,received,r1,completed\n"
	d, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": rels})
	if err != nil {
		t.Fatal(err)
	}
	r := d.Relationships[0]
	if r.Key != "r1" || r.FromCountry != "IQ" || r.Note != "hello" || r.Date != graphmodel.On(graphmodel.MonthDate(2025, 4)) {
		t.Errorf("got %+v", r)
	}
}

func TestWriteDirLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	d := &graphmodel.Dataset{Registry: iso3166.Registry()}
	if err := csvdir.WriteDirContext(context.Background(), dir, d); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file left: %s", e.Name())
		}
		// Written through a private temp file, the result must still be
		// readable by others, as a file os.Create makes would be.
		if info, err := e.Info(); err == nil && info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", e.Name(), info.Mode().Perm())
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWritersReportErrors(t *testing.T) {
	rs := []graphmodel.Relationship{{Key: "r1", Note: strings.Repeat("x", 10000)}}
	if err := csvdir.WriteRelationships(failingWriter{}, rs); err == nil {
		t.Error("write error swallowed")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(header + "r1,,received,IQ,RW,2025,completed,,1,exact,,,,reported,s1,n\n")
	f.Add(header + "r1,,paid,US,RW,2025-04-01,completed,payment,,,100000,USD,exact,reported,s1,\"a\nb\"\n")
	f.Add("\ufeff" + header)
	f.Fuzz(func(t *testing.T, rels string) {
		fsys := fstest.MapFS{
			"d/sources.csv":       &fstest.MapFile{Data: []byte(sourcesCSV)},
			"d/relationships.csv": &fstest.MapFile{Data: []byte(rels)},
		}
		d, err := csvdir.ReadContext(context.Background(), fsys, "d", "d", iso3166.Registry())
		if err != nil {
			if d != nil {
				t.Fatal("dataset returned with error")
			}
			return
		}
		// Whatever reads without error validates and survives a round trip.
		if err := d.Validate(); err != nil {
			t.Fatalf("read succeeded but Validate fails: %v", err)
		}
		var buf bytes.Buffer
		if err := csvdir.WriteRelationships(&buf, d.Relationships); err != nil {
			t.Fatal(err)
		}
		fsys["d/relationships.csv"] = &fstest.MapFile{Data: buf.Bytes()}
		d2, err := csvdir.ReadContext(context.Background(), fsys, "d", "d", iso3166.Registry())
		if err != nil {
			t.Fatalf("re-read of written data failed: %v", err)
		}
		if !reflect.DeepEqual(d.Relationships, d2.Relationships) {
			t.Fatal("round trip changed relationships")
		}
	})
}
