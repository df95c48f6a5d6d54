package neostore

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestParameterNames(t *testing.T) {
	for q, want := range map[string][]string{
		"MATCH (c {code: $code}) WHERE c.x IN $codes AND c.code <> $code RETURN c": {"code", "codes"},
		"RETURN '$notParam', \"$nor\\\"$this\", `$quoted` // $comment\n, $real":    {"real"},
		"/* $a */ RETURN $`odd name`, $0":                                          {"0", "odd name"},
		"RETURN 1":                                                                 nil,
	} {
		got, err := ParameterNames(q)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v %v, want %v", q, got, err, want)
		}
	}
	for _, bad := range []string{"RETURN 'open", "RETURN 1 /* open", "RETURN `open", "RETURN $"} {
		if _, err := ParameterNames(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestStatementHead(t *testing.T) {
	for q, want := range map[string][2]string{
		"PROFILE MATCH (n) RETURN n":                       {"PROFILE", "MATCH"},
		"/* c */ cypher 5 runtime=slotted profile\nSHOW x": {"profile", "SHOW"},
		"// PROFILE\nCREATE (n)":                           {"", "CREATE"},
		"EXPLAIN PROFILE RETURN 1":                         {"EXPLAIN", "RETURN"},
		"'PROFILE' RETURN 1":                               {"", ""},
	} {
		h, err := headOf(q)
		if err != nil {
			t.Fatal(err)
		}
		mode := ""
		if h.mode != nil {
			mode = q[h.mode.start:h.mode.end]
		}
		if mode != want[0] || h.firstWord != want[1] {
			t.Errorf("%q: mode %q first %q, want %v", q, mode, h.firstWord, want)
		}
	}
}

// The lexer never panics, and its tokens lie in order inside the text.
func FuzzLexCypher(f *testing.F) {
	for _, s := range []string{"MATCH (n {a: $a}) RETURN n // x", "LOAD/**/CSV FROM 'u' AS r", "RETURN `a``b`, \"\\\"\"", "$`x`", "/*", "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks, err := lexCypher(s)
		if err != nil {
			return
		}
		prev := 0
		for _, tk := range toks {
			if tk.start < prev || tk.end <= tk.start || tk.end > len(s) {
				t.Fatalf("token %+v out of order in %q", tk, s)
			}
			if tk.kind == tokWord && strings.ContainsAny(s[tk.start:tk.end], " '\"`") {
				t.Fatalf("word token %q", s[tk.start:tk.end])
			}
			prev = tk.end
		}
	})
}

// Every library query documents exactly the parameters it uses, so
// `query --list` tells the user what --param to give.
func TestLibraryDocumentsItsParameters(t *testing.T) {
	for _, q := range Library() {
		used, err := ParameterNames(q.Cypher)
		if err != nil {
			t.Errorf("%s: %v", q.Name, err)
			continue
		}
		var documented []string
		for _, p := range q.Params {
			name, _, _ := strings.Cut(p, " ")
			documented = append(documented, name)
		}
		sort.Strings(documented)
		if strings.Join(used, ",") != strings.Join(documented, ",") {
			t.Errorf("%s uses %v but documents %v", q.Name, used, documented)
		}
	}
}
