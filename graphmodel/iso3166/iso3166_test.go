package iso3166_test

import (
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

func TestResolve(t *testing.T) {
	reg := iso3166.Registry()
	tests := []struct {
		name string
		want graphmodel.Code
	}{
		{"SAO TOME AND PRINCIPE", "ST"},
		{"São Tomé and Príncipe", "ST"},
		{"sao-tome & principe", "ST"},
		{"Swaziland", "SZ"},
		{"Eswatini", "SZ"},
		{"Kyrgyz Republic", "KG"},
		{"Ivory Coast", "CI"},
		{"Côte d'Ivoire", "CI"},
		{"COTE D IVOIRE", "CI"},
		{"Burma", "MM"},
		{"Czech Republic", "CZ"},
		{"Türkiye", "TR"},
		{"Turkey", "TR"},
		{"Kosovo", "XK"},
		{"XK", "XK"},
		{"xkx", "XK"},
		{"Iraqi", "IQ"},
		{"Uzbeks", "UZ"},
		{"Venezuelans", "VE"},
		{"Yemeni", "YE"},
		{"Salvadoran", "SV"},
		{"Afghan", "AF"},
		{"Chinese", "CN"},
		{"Kyrgyz", "KG"},
		{"Kazakhstan", "KZ"},
		{"the Gambia", "GM"},
		{"DR Congo", "CD"},
		{"Congo", "CG"},
		{"Congolese", "CD"},
		{"United States", "US"},
		{"U.S.", "US"},
		{"Filipinos", "PH"},
		{"Libya", "LY"},
		{"Bangladesch", "BD"},
		{"Cameroonians", "CM"},
	}
	for _, tt := range tests {
		got, ok := reg.Resolve(tt.name)
		if !ok || got != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
	for _, unknown := range []string{"", "Atlantis", "Various", "Read more"} {
		if got, ok := reg.Resolve(unknown); ok {
			t.Errorf("Resolve(%q) = %q; want not found", unknown, got)
		}
	}
}

func TestTableCoversISO(t *testing.T) {
	cs := iso3166.Countries()
	// 249 officially assigned ISO 3166-1 codes plus Kosovo.
	if len(cs) != 250 {
		t.Errorf("got %d countries, want 250", len(cs))
	}
	for _, c := range cs {
		if c.Name == "" || c.Region == "" || len(c.Alpha3) != 3 {
			t.Errorf("%s: incomplete record %+v", c.Code, c)
		}
	}
}
