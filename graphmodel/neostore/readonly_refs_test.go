package neostore

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

var testModes = map[string]string{
	"db.clearQueryCaches": "DBMS", "dbms.killConnection": "DBMS", "db.labels": "READ",
	"dbms.components": "DBMS", "db.stats.clear": "READ",
}

// Plan arguments as Neo4j 5.26 writes them (EXPLAIN of the nested
// bypasses in readonly_nested_test.go), and near misses.
func TestProcedureRefs(t *testing.T) {
	for _, tc := range []struct {
		text       string
		want       []string
		unreadable bool
	}{
		{"[x IN $autolist_0 | COLLECT { ResolvedCall(db.clearQueryCaches() :: value :: STRING,ArraySeq(),ArraySeq(ProcedureResultItem(None,Variable(value))),true,true,false,false) RETURN value AS value }] AS k", []string{"db.clearQueryCaches"}, false},
		{"dbms.killConnection($autostring_0) :: (message :: STRING)", []string{"dbms.killConnection"}, false},
		{"dbms.killConnection ($c)", []string{"dbms.killConnection"}, false},
		{"`db`.`clearQueryCaches`()", []string{"db.clearQueryCaches"}, false},
		{"db.labels() :: (label :: STRING), db.stats.clear($s)", []string{"db.labels", "db.stats.clear"}, false},
		{"mydb.clearQueryCaches()", nil, false},
		{"x.db.clearQueryCaches()", nil, false},
		{"db.clearQueryCachesNow()", nil, false},
		{"db.clearQueryCaches AS name", nil, false},
		{"ResolvedCall(custom.unknown() :: x :: STRING)", nil, true},
		{"UnresolvedCall(db.labels, ...)", nil, true}, // a form it cannot read: refused
	} {
		got, unreadable := procedureRefs(tc.text, testModes)
		if len(got) == 0 && len(tc.want) == 0 {
			got, tc.want = nil, nil
		}
		if !reflect.DeepEqual(got, tc.want) || unreadable != tc.unreadable {
			t.Errorf("%q: got %v %v, want %v %v", tc.text, got, unreadable, tc.want, tc.unreadable)
		}
	}
}

func TestDottedNames(t *testing.T) {
	for q, want := range map[string]string{
		"CALL `db`.`clearQueryCaches`()":         "db.clearQueryCaches",
		"CALL `db.clearQueryCaches`":             "db.clearQueryCaches",
		"CALL db . /* x */ clearQueryCaches()":   "db.clearQueryCaches",
		"CALL `dbms`.killConnection($c) YIELD *": "dbms.killConnection",
	} {
		h, err := headOf(q)
		if err != nil {
			t.Fatal(err)
		}
		if names := h.dottedNames(); !slices.Contains(names, want) {
			t.Errorf("%q: %v lacks %s", q, names, want)
		}
	}
	h, _ := headOf("RETURN 'db.clearQueryCaches' AS s, \"dbms.killConnection\"")
	for _, n := range h.dottedNames() {
		if strings.Contains(n, "clearQueryCaches") || strings.Contains(n, "killConnection") {
			t.Errorf("a string literal gave the name %q", n)
		}
	}
}

// procedureRefs never panics, and every name it reports stands in the
// text (backticks dropped) as a whole dotted name followed by "(".
func FuzzProcedureRefs(f *testing.F) {
	for _, s := range []string{"ResolvedCall(db.clearQueryCaches() :: v)", "`db`.`labels` ()", "ResolvedCall(", "x.db.labels()", "db.stats.clear"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		names, _ := procedureRefs(s, testModes)
		plain := strings.ReplaceAll(s, "`", "")
		for _, n := range names {
			if _, ok := testModes[n]; !ok {
				t.Fatalf("unknown name %q from %q", n, s)
			}
			if !strings.Contains(plain, n) {
				t.Fatalf("%q not in %q", n, s)
			}
		}
		h, err := headOf(s)
		if err != nil {
			return
		}
		for _, n := range h.dottedNames() {
			if n == "" {
				t.Fatalf("empty name from %q", s)
			}
		}
	})
}
