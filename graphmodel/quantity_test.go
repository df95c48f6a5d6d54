package graphmodel

import "testing"

func TestParseCountAndMoney(t *testing.T) {
	counts := []struct {
		value, qual string
		want        Count
		wantError   bool
	}{
		{"", "", Count{}, false},
		{"300", "about", Count{300, About}, false},
		{"50", "up_to", Count{50, UpTo}, false},
		{"5400", "at_least", Count{5400, AtLeast}, false},
		{"3", "", Count{3, Exact}, false},
		{"0", "exact", Count{0, Exact}, false},
		{"", "about", Count{}, true},
		{"-1", "", Count{}, true},
		{"1,100", "", Count{}, true},
		{"12", "roughly", Count{}, true},
	}
	for _, tt := range counts {
		got, err := ParseCount(tt.value, tt.qual)
		if (err != nil) != tt.wantError || got != tt.want {
			t.Errorf("ParseCount(%q, %q) = %v, %v; want %v, error %v", tt.value, tt.qual, got, err, tt.want, tt.wantError)
		}
	}
	money := []struct {
		amount, cur, qual string
		want              Money
		wantError         bool
	}{
		{"", "", "", Money{}, false},
		{"100000", "USD", "exact", Money{100000, "USD", Exact}, false},
		{"15000000", "USD", "up_to", Money{15000000, "USD", UpTo}, false},
		{"100000", "", "", Money{}, true},
		{"100000", "usd", "", Money{}, true},
		{"", "USD", "", Money{}, true},
		{"1.5", "USD", "", Money{}, true},
	}
	for _, tt := range money {
		got, err := ParseMoney(tt.amount, tt.cur, tt.qual)
		if (err != nil) != tt.wantError || got != tt.want {
			t.Errorf("ParseMoney(%q, %q, %q) = %v, %v; want %v, error %v", tt.amount, tt.cur, tt.qual, got, err, tt.want, tt.wantError)
		}
	}
}

func FuzzParseCount(f *testing.F) {
	f.Add("300", "about")
	f.Add("", "")
	f.Add("-5", "up_to")
	f.Fuzz(func(t *testing.T, v, q string) {
		c, err := ParseCount(v, q)
		if err != nil {
			return
		}
		if c.Value < 0 {
			t.Fatalf("negative count %d from %q", c.Value, v)
		}
		if !c.IsZero() && !c.Qualifier.Valid() {
			t.Fatalf("count %v has invalid qualifier", c)
		}
	})
}
