package graphmodel

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		want      Date
		start     string
		end       string
		wantError bool
	}{
		{in: "2025-03-12", want: DayDate(2025, 3, 12), start: "2025-03-12", end: "2025-03-13"},
		{in: "2025-03", want: MonthDate(2025, 3), start: "2025-03-01", end: "2025-04-01"},
		{in: "2025-Q2", want: QuarterDate(2025, 2), start: "2025-04-01", end: "2025-07-01"},
		{in: "2025", want: YearDate(2025), start: "2025-01-01", end: "2026-01-01"},
		{in: "2024-02-29", want: DayDate(2024, 2, 29), start: "2024-02-29", end: "2024-03-01"},
		{in: ""},
		{in: "2025-02-29", wantError: true},
		{in: "2025-13", wantError: true},
		{in: "2025-Q5", wantError: true},
		{in: "25-03-12", wantError: true},
		{in: "2025/03/12", wantError: true},
		{in: "1850", wantError: true},
		{in: "March 2025", wantError: true},
		{in: "2025-3-1", wantError: true},
		{in: "+025", wantError: true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantError {
			t.Errorf("ParseDate(%q) error = %v, wantError %v", tt.in, err, tt.wantError)
			continue
		}
		if err != nil {
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if got.String() != tt.in {
			t.Errorf("ParseDate(%q).String() = %q", tt.in, got.String())
		}
		if tt.start != "" {
			if s := got.Start().Format(time.DateOnly); s != tt.start {
				t.Errorf("%q Start = %s, want %s", tt.in, s, tt.start)
			}
			if e := got.End().Format(time.DateOnly); e != tt.end {
				t.Errorf("%q End = %s, want %s", tt.in, e, tt.end)
			}
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-12", "2025-03", "2025-Q1", "2025", "", "2025-02-30", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		// Whatever parses must print back to the same text and order sanely.
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if !d.IsZero() && !d.Start().Before(d.End()) {
			t.Fatalf("%q: start %v not before end %v", s, d.Start(), d.End())
		}
	})
}
