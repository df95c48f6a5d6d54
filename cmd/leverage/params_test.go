package main

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestParamValues(t *testing.T) {
	for in, want := range map[string]any{
		"PA":                            "PA",
		"42":                            int64(42),
		"-7":                            int64(-7),
		"007":                           "007",
		"str:007":                       "007",
		"str:true":                      "true",
		"2.5":                           2.5,
		"1e3":                           1000.0,
		"NaN":                           "NaN",
		"Inf":                           "Inf",
		"true":                          true,
		"null":                          nil,
		"int:5":                         int64(5),
		"float:5":                       5.0,
		"bool:false":                    false,
		"date:2025-03-01":               neo4j.DateOf(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)),
		"datetime:2025-03-01T12:00:00Z": time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC),
		`["PA","CR"]`:                   []any{"PA", "CR"},
		`[1, 2.5]`:                      []any{int64(1), 2.5},
		`{"k": [1], "s": "x"}`:          map[string]any{"k": []any{int64(1)}, "s": "x"},
		`json:"quoted"`:                 "quoted",
		"http://example.org/a":          "http://example.org/a",
		"a=b":                           "a=b",
		"":                              "",
	} {
		got, err := paramValue(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("paramValue(%q) = %#v, %v; want %#v", in, got, err, want)
		}
	}
	for _, bad := range []string{"date:2025-03", "date:2025-02-30", "int:x", "bool:yes", `[1,`, `{"a":1} x`, "99999999999999999999", "datetime:2025-03-01"} {
		if _, err := paramValue(bad); err == nil {
			t.Errorf("paramValue(%q): no error", bad)
		}
	}
}

// A parameter the query uses but the command line lacks, one it does not
// use, and one given twice are usage errors found before connecting: the
// URI here points nowhere, so a connection attempt would say so instead.
func TestParamErrorsBeforeConnecting(t *testing.T) {
	nowhere := []string{"--neo4j-uri", "bolt://127.0.0.1:1"}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"query", "where_nationals_went"}, "$nationality"},
		{[]string{"query", "--cypher", "MATCH (c {code: $a, x: $b}) RETURN c", "--param", "a=1"}, "$b"},
		{[]string{"query", "where_nationals_went", "--param", "nationality=VE", "--param", "extra=1"}, "--param extra is not used"},
		{[]string{"query", "--cypher", "RETURN 1", "--param", "x=1"}, "no parameters"},
		{[]string{"query", "--cypher", "RETURN $x", "--param", "x=1", "--param", "x=2"}, "given twice"},
		{[]string{"query", "--cypher", "RETURN $d", "--param", "d=date:2025-13-01"}, "not a date"},
		{[]string{"query", "--cypher", "RETURN 1", "--timeout", "-1s"}, "negative"},
		{[]string{"query", "--cypher", "RETURN '$x' // $y"}, ""},
	} {
		_, errs, code := runCLI(t, append(c.args, nowhere...)...)
		if c.want == "" {
			// no parameters in use: the command gets as far as connecting
			if code != exitFailure || !strings.Contains(errs, "connection refused") {
				t.Errorf("%v: exit %d %s", c.args, code, errs)
			}
			continue
		}
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 naming %q", c.args, code, errs, c.want)
		}
	}
}

// paramValue never panics; str: always gives the text back, and a value
// it reads as a whole number prints back as the same text.
func FuzzParamValue(f *testing.F) {
	for _, s := range []string{"42", "007", "str:x", "date:2025-03-01", `["PA",1]`, `{"a":{"b":[1.5]}}`, "json:null", "1e309", "-0", "datetime:2025-03-01T00:00:00+02:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := paramValue("str:" + s); err != nil || v != s {
			t.Fatalf("str:%q gave %#v, %v", s, v, err)
		}
		v, err := paramValue(s)
		if n, ok := v.(int64); ok && err == nil && !strings.HasPrefix(s, "int:") && !strings.HasPrefix(s, "json:") && !strings.HasPrefix(s, "[") {
			if got := strconv.FormatInt(n, 10); got != s && "-"+got != s {
				t.Fatalf("%q read as %d", s, n)
			}
		}
	})
}
