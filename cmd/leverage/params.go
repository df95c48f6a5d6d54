package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// paramList collects repeated --param name=value flags.
type paramList []string

func (p *paramList) String() string     { return strings.Join(*p, ",") }
func (p *paramList) Set(v string) error { *p = append(*p, v); return nil }

// paramHelp is the --param syntax, for the verb's help and the README.
const paramHelp = `Values are typed: true, false and null; whole numbers written canonically
(42, -7; 007 stays text); decimals (2.5, 1e6); JSON lists and maps
(codes=["PA","CR"], m={"k":1}); and with a prefix str:007 (always text),
int:, float:, bool:, date:2025-03-01 (a Neo4j date), datetime:2025-03-01T12:00:00Z,
json:. Anything else is text.`

var canonicalInt = regexp.MustCompile(`^-?(0|[1-9][0-9]*)$`)

// parseParams turns --param flags into typed query parameters, keyed by
// name, and returns each flag as given, by name, for the provenance of the
// output. A repeated name is a usage error.
func parseParams(list []string) (map[string]any, map[string]string, error) {
	out := map[string]any{}
	given := map[string]string{}
	for _, p := range list {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return nil, nil, usagef("--param %q: want name=value", p)
		}
		if _, dup := given[k]; dup {
			return nil, nil, usagef("--param %s given twice (%q and %q)", k, k+"="+given[k], p)
		}
		val, err := paramValue(v)
		if err != nil {
			return nil, nil, usagef("--param %s: %v", k, err)
		}
		out[k], given[k] = val, v
	}
	return out, given, nil
}

func paramValue(v string) (any, error) {
	if kind, rest, ok := strings.Cut(v, ":"); ok {
		switch kind {
		case "str":
			return rest, nil
		case "int":
			n, err := strconv.ParseInt(rest, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not a whole number", rest)
			}
			return n, nil
		case "float":
			f, err := strconv.ParseFloat(rest, 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not a number", rest)
			}
			return f, nil
		case "bool":
			b, err := strconv.ParseBool(rest)
			if err != nil {
				return nil, fmt.Errorf("%q is not true or false", rest)
			}
			return b, nil
		case "date":
			d, err := time.Parse("2006-01-02", rest)
			if err != nil {
				return nil, fmt.Errorf("%q is not a date YYYY-MM-DD (a coarse date such as 2025-03 names a period: give its first or last day)", rest)
			}
			return neo4j.DateOf(d), nil
		case "datetime":
			d, err := time.Parse(time.RFC3339Nano, rest)
			if err != nil {
				return nil, fmt.Errorf("%q is not a date-time such as 2025-03-01T12:00:00Z", rest)
			}
			return d, nil
		case "json":
			return jsonParam(rest)
		}
	}
	switch {
	case v == "true" || v == "false":
		return v == "true", nil
	case v == "null":
		return nil, nil
	case canonicalInt.MatchString(v):
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s does not fit a 64-bit integer (str:%s keeps it as text)", v, v)
		}
		return n, nil
	case strings.HasPrefix(v, "[") || strings.HasPrefix(v, "{"):
		return jsonParam(v)
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && strings.ContainsAny(v, ".eE") && !strings.ContainsAny(v, "xXnN") {
		return f, nil
	}
	return v, nil
}

// jsonParam decodes a JSON value; whole numbers become integers, so a
// list of codes or ids compares equal to what the database holds.
func jsonParam(s string) (any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%q is not JSON: %v", s, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%q has text after the JSON value", s)
	}
	return fromJSON(v), nil
}

func fromJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = fromJSON(x[i])
		}
		return x
	case map[string]any:
		for k := range x {
			x[k] = fromJSON(x[k])
		}
		return x
	}
	return v
}

// checkParams compares the parameters the statement uses with the ones
// given, before anything is sent: a missing one and an unused one are both
// usage errors, each named.
func checkParams(cypher string, given map[string]any) error {
	used, err := neostore.ParameterNames(cypher)
	if err != nil {
		return usagef("the query cannot be read: %v", err)
	}
	uses := map[string]bool{}
	var missing []string
	for _, n := range used {
		uses[n] = true
		if _, ok := given[n]; !ok {
			missing = append(missing, n)
		}
	}
	var unused []string
	for n := range given {
		if !uses[n] {
			unused = append(unused, n)
		}
	}
	sort.Strings(unused)
	switch {
	case len(missing) > 0:
		return usagef("the query uses $%s: give --param %s=VALUE", strings.Join(missing, ", $"), missing[0])
	case len(unused) > 0:
		return usagef("--param %s is not used by the query (it uses: %s)", strings.Join(unused, ", --param "), describeParams(used))
	}
	return nil
}

func describeParams(names []string) string {
	if len(names) == 0 {
		return "no parameters"
	}
	return "$" + strings.Join(names, ", $")
}
