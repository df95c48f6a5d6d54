package graphmodel

import (
	"strings"
	"testing"
)

// Country.Check is the one code-and-kind check the CSV and workbook
// readers share; its messages are what both print.
func TestCountryCheck(t *testing.T) {
	for _, tt := range []struct {
		c    Country
		want []string
	}{
		{Country{Code: "XK", Name: "Kosovo"}, nil},
		{Country{Code: "GRP_CENTRAL_AMERICA", Kind: KindGroup}, nil},
		{Country{Code: "xk"}, []string{"code: not a code"}},
		{Country{Code: "XK", Kind: "island"}, []string{`kind: unknown kind "island" (country, group, unspecified)`}},
		{Country{Code: "x-", Kind: "?"}, []string{"code: not a code", "kind: unknown kind"}},
	} {
		errs := tt.c.Check()
		if len(errs) != len(tt.want) {
			t.Errorf("%+v: %v, want %d problems", tt.c, errs, len(tt.want))
			continue
		}
		for i, e := range errs {
			if got := e.Field + ": " + e.Err.Error(); !strings.HasPrefix(got, tt.want[i]) || e.Record != string(tt.c.Code) {
				t.Errorf("%+v: %q (record %q), want %q", tt.c, got, e.Record, tt.want[i])
			}
		}
	}
}
