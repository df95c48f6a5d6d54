package analysis

import (
	"strings"
	"testing"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

// Angola, from the New York Times (002): a State Department cable of 12
// March 2025 named it among countries to ask; a Homeland Security memo of
// late March had US officials "close to a deal"; Angola, in a statement
// to the paper (late June), said it would take no one. The refusal is
// dated 2025-03/2025-06 (after March, by late June), so in event time it
// is the last of the three: it may have happened months after the cable.
// Ordered by the start of the period, the cable (12 March) came last and
// the patterns said "latest (2025-03-12): unknown".
func TestAngolaLatestIsItsRefusal(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range FindAll(d, Window{}) {
		if m.Pattern == "pressed_repeatedly_refused" && m.Country == "AO" {
			found = true
			if !strings.HasSuffix(m.Summary, "latest (2025-03/2025-06): refused") {
				t.Errorf("Angola: %q, want its refusal (2025-03/2025-06) latest", m.Summary)
			}
			if last := m.Evidence[len(m.Evidence)-1]; last.Key != "appr-ao-2025-06" {
				t.Errorf("Angola's evidence ends with %s, want the refusal appr-ao-2025-06", last.Key)
			}
		}
	}
	if !found {
		t.Fatal("no pressed_repeatedly_refused match for Angola")
	}
	p := ProfileOf(d, "AO", Window{})
	var keys []string
	for _, e := range p.Approaches {
		keys = append(keys, e.Key)
	}
	want := "appr-ao-2025-03-12 appr-ao-2025-03 appr-ao-2025-06"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("Angola's approaches in event order: %s, want %s (the cable ends on 12 March, the memo's month on 31 March, the refusal by late June)", got, want)
	}
	if p.First != "2025-03" || p.Last != "2025-06" {
		t.Errorf("Angola dated %s to %s, want 2025-03 to 2025-06", p.First, p.Last)
	}
}

// EventBefore is a linear extension of "certainly after": whatever is
// certainly after another sorts after it; overlapping periods go by end,
// then start; an open end is last, an open start first among equal ends.
func TestEventBefore(t *testing.T) {
	p := func(s string) graphmodel.Period {
		x, err := graphmodel.ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"2025-03-12", "2025-03/2025-06", true}, // ends 13 March < 1 July
		{"2025-03", "2025-03-12", false},        // ends 1 April > 13 March
		{"2025-03-12", "2025-03", true},
		{"../2025-05", "2025-05", true},         // equal ends: the open start first
		{"2025-05", "2025-02/..", true},         // an open end is last
		{"2025-01-20/2025-06", "2025-06", true}, // equal ends, later start after (a lifting after its block)
		{"2025-02?", "2025-02", false},          // a qualifier changes no bound
		{"2025-02", "2025-02?", false},
		{"2024", "2025-01", true}, // certainly after
	} {
		if got := EventBefore(p(tt.a), p(tt.b)); got != tt.want {
			t.Errorf("EventBefore(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
