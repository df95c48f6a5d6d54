package jsonsafe

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

type inner struct {
	Score float64 `json:"score"`
}

type report struct {
	inner
	Name    string             `json:"name"`
	Skip    string             `json:"-"`
	Empty   []int              `json:"empty,omitempty"`
	Values  []float64          `json:"values"`
	ByKey   map[string]float64 `json:"by_key"`
	When    time.Time          `json:"when"`
	Ptr     *float64           `json:"ptr"`
	Untaged int
}

func sample(x float64) report {
	return report{inner: inner{Score: x}, Name: "a<b", Skip: "no", Empty: []int{}, Values: []float64{1, x, 2.5},
		ByKey: map[string]float64{"z": 1, "a": x}, When: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Ptr: &x, Untaged: 7}
}

// The fallback must encode as encoding/json does; with finite numbers
// both paths can be compared byte for byte.
func TestFallbackMatchesEncodingJSON(t *testing.T) {
	v := sample(0.125)
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	raw, err := appendValue(nil, reflectValue(v))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	json.Indent(&got, raw, "", "  ")
	got.WriteByte('\n')
	if got.String() != want.String() {
		t.Errorf("fallback:\n%s\nencoding/json:\n%s", got.String(), want.String())
	}
}

func TestNonFiniteBecomesNull(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var b bytes.Buffer
		if err := Encode(&b, sample(x), "  "); err != nil {
			t.Fatalf("%v: %v", x, err)
		}
		var back map[string]any
		if err := json.Unmarshal(b.Bytes(), &back); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, b.String())
		}
		if back["score"] != nil || back["ptr"] != nil || back["values"].([]any)[1] != nil || !strings.Contains(b.String(), `"name": "a\u003cb"`) {
			t.Errorf("%v: %s", x, b.String())
		}
	}
}

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v) }

// FuzzEncode: any float, NaN and infinities included, encodes to valid
// JSON, and finite values round-trip exactly.
func FuzzEncode(f *testing.F) {
	for _, bits := range []uint64{0, math.Float64bits(math.NaN()), math.Float64bits(math.Inf(1)), math.Float64bits(-0.5)} {
		f.Add(bits, "label")
	}
	f.Fuzz(func(t *testing.T, bits uint64, label string) {
		x := math.Float64frombits(bits)
		v := struct {
			Label  string             `json:"label"`
			X      float64            `json:"x"`
			Values map[string]float64 `json:"values"`
			Nested []inner            `json:"nested"`
		}{label, x, map[string]float64{label: x}, []inner{{x}}}
		var b bytes.Buffer
		if err := Encode(&b, v, ""); err != nil {
			t.Fatal(err)
		}
		var back struct {
			X *float64 `json:"x"`
		}
		if err := json.Unmarshal(b.Bytes(), &back); err != nil {
			t.Fatalf("not JSON: %v: %s", err, b.String())
		}
		finite := !math.IsNaN(x) && !math.IsInf(x, 0)
		if finite != (back.X != nil) || finite && *back.X != x {
			t.Fatalf("%v came back as %v", x, back.X)
		}
	})
}
