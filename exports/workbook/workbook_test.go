package workbook

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/fixtures"
)

var fixed = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

func TestWriteSeed(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Generated: fixed, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"About", "Countries", "Relationships", "Sources", "Hubs", "Patterns", "Profiles", "Communities", "Timeline", "Dependencies", "Metric settings", "Data dictionary"}
	got := f.GetSheetList()
	if len(got) != len(want) {
		t.Fatalf("sheets %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sheet %d = %s, want %s", i, got[i], want[i])
		}
	}
	rows, _ := f.GetRows("Relationships")
	if len(rows) != len(d.Relationships)+1 {
		t.Errorf("%d relationship rows, want %d", len(rows)-1, len(d.Relationships))
	}
	var again bytes.Buffer
	Write(&again, d, Options{Generated: fixed, Seed: 1})
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("same input, different bytes")
	}
}
