package workbook

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
)

// reasonSite is one graphmodel.Because call in the code: its kind, its
// English format and how many parameters it passes.
type reasonSite struct {
	format string
	args   int
	pos    string
}

// reasonSites finds every Because call with a literal kind in the
// packages whose findings an answered-back workbook shows, by reading
// their source: the kinds are whatever the code says, not a list kept
// beside it.
func reasonSites(t *testing.T) map[string][]reasonSite {
	t.Helper()
	out := map[string][]reasonSite{}
	fset := token.NewFileSet()
	for _, dir := range []string{"../../graphmodel", ".", "../../cmd/leverage"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, name, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) < 2 {
					return true
				}
				first := 0 // the kind's argument
				switch fn := call.Fun.(type) {
				case *ast.Ident:
					switch fn.Name {
					case "Because":
					case "because": // cmd/leverage's because(finding, kind, english)
						first = 1
					default:
						return true
					}
				case *ast.SelectorExpr:
					if fn.Sel.Name != "Because" {
						return true
					}
				default:
					return true
				}
				if len(call.Args) < first+2 {
					return true
				}
				kind, ok1 := literal(call.Args[first])
				format, ok2 := literal(call.Args[first+1])
				if !ok1 || !ok2 {
					return true // a kind chosen at run time (derived counts, country records): listed below
				}
				out[kind] = append(out[kind], reasonSite{format, len(call.Args) - 2 - first, fset.Position(call.Pos()).String()})
				return true
			})
		}
	}
	// Kinds made from a variable: the derived counts (read_columns.go)
	// and the country records (cmd/leverage).
	for _, k := range []string{"derived_out", "derived_in", "derived_total", "derived_cited"} {
		out[k] = append(out[k], reasonSite{"%[1]q not read: the column is derived (%[2]s, %[4]d in the imported rows)", 4, "read_columns.go"})
	}
	for _, k := range []string{"country_added", "country_removed"} {
		out[k] = append(out[k], reasonSite{"country record", 0, "importreport.go"})
	}
	return out
}

func literal(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

var verb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*[0-9.]*([a-zA-Z%])`)

// sampleArgs are parameters of the types an English format takes.
func sampleArgs(format string, n int) []any {
	args := make([]any, n)
	for i := range args {
		args[i] = "x" + strconv.Itoa(i+1)
	}
	next := 0
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		i := next
		if m[1] != "" {
			i, _ = strconv.Atoi(m[1])
			i--
		}
		next = i + 1
		if i < n {
			switch m[2] {
			case "d":
				args[i] = 7
			case "g", "f":
				args[i] = 0.5
			}
		}
	}
	return args
}

// Every finding kind the code makes is worded in Spanish, French and
// Portuguese (the test lists them), each wording takes the parameters
// the English passes without a formatting error, and no catalog keeps a
// kind the code no longer makes. One kind given two different English
// wordings would make one translation wrong for one of them: refused.
func TestAnswerCatalogCoversEveryKind(t *testing.T) {
	sites := reasonSites(t)
	if len(sites) < 40 {
		t.Fatalf("only %d kinds found in the code: %v", len(sites), sites)
	}
	var kinds []string
	for k, ss := range sites {
		kinds = append(kinds, k)
		for _, s := range ss[1:] {
			if s.format != ss[0].format || s.args != ss[0].args {
				t.Errorf("kind %s has two wordings: %q (%s) and %q (%s)", k, ss[0].format, ss[0].pos, s.format, s.pos)
			}
		}
	}
	sort.Strings(kinds)
	for _, l := range Langs {
		covered := AnswerKinds(l)
		t.Logf("%s: %d kinds covered: %s", l, len(covered), strings.Join(covered, ", "))
		for _, k := range kinds {
			s := sites[k][0]
			tr, ok := answerTables[l.index()][k]
			if !ok {
				t.Errorf("%s: kind %s (%s, %q) has no translation", l, k, s.pos, s.format)
				continue
			}
			r := graphmodel.Because(k, s.format, sampleArgs(s.format, s.args)...)
			if got := l.Say(r); strings.Contains(got, "%!") || got == r.Error() {
				t.Errorf("%s: kind %s says %q (from %q)", l, k, got, tr)
			}
		}
		for _, k := range covered {
			if _, ok := sites[k]; !ok {
				t.Errorf("%s: catalog kind %s is made nowhere in the code", l, k)
			}
		}
		for _, d := range []string{"refused", "not read", "changed", "added", "removed", "modified", "reverted", "not added", "kept; check", "recomputed", "not listed"} {
			if l.Done(d) == d {
				t.Errorf("%s: done %q untranslated", l, d)
			}
		}
		if got := l.Done("read as 2025-03-05"); !strings.HasSuffix(got, " 2025-03-05") || strings.HasPrefix(got, "read as") {
			t.Errorf("%s: read as: %q", l, got)
		}
		for _, h := range []string{"Review", "Sheet", "Cell", "Row id", "Field", "Typed", "Done", "Why", "(typed: %s)", "%d more findings past the limit kept in memory"} {
			if l.Review(h) == h {
				t.Errorf("%s: Review word %q untranslated", l, h)
			}
		}
	}
}

// Say words a reason's vocabulary and column parameters in the language,
// nests a validator's reason, and falls back to English for a kind no
// catalog has.
func TestSayTranslatesParametersAndFallsBack(t *testing.T) {
	changed := graphmodel.Because("changed", "%[1]s: %[2]s → %[3]s", "Status", "conditional", "refused", "Status")
	warn := graphmodel.Because("validate_warns", "validate warns: %v", graphmodel.Because("url_empty", "empty; give the URL, or say in availability why there is none"))
	unknown := graphmodel.Because("no_such_kind", "something %s", "odd")
	for _, tc := range []struct {
		l    Lang
		r    *graphmodel.Reason
		want string
	}{
		{"es", changed, "Estado: condicional → rechazado"},
		{"fr", changed, "Statut : conditionnel → refusé"},
		{"pt", changed, "Estado: condicional → recusado"},
		{"", changed, "Status: conditional → refused"},
		{"es", warn, "la validación advierte: vacía; indique la URL, o explique en Disponibilidad por qué no la hay"},
		{"es", unknown, "something odd"},
	} {
		if got := tc.l.Say(tc.r); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.l, tc.r.Kind, got, tc.want)
		}
	}
	if got := Lang("es").FieldName("count qualifier"); got != "Calificador de cantidad" {
		t.Errorf("field: %q", got)
	}
	if got := LangOf([]string{"Acerca de", "Países", "Relaciones"}); got != "es" {
		t.Errorf("LangOf: %q", got)
	}
}
