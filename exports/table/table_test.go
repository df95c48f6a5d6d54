package table

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/testgate"
)

var (
	us   = Node{ID: "4:a:1", Labels: []string{"Country"}, Properties: map[string]any{"code": "US", "name": "United States"}}
	rw   = Node{ID: "4:a:2", Labels: []string{"Country"}, Properties: map[string]any{"code": "RW", "name": "Rwanda"}}
	src  = Node{ID: "4:a:3", Labels: []string{"Source"}, Properties: map[string]any{"id": "cbs-2025-02-panama", "publisher": "CBS News", "published_start": Date{2025, 2, 13}}}
	paid = Relationship{Type: "PAID", Start: us, End: rw, Properties: map[string]any{"id": "paid-us-rw-2025-04", "amount": int64(100000)}}
)

func about() *About {
	return &About{Provenance: graphmodel.Provenance{DatasetName: "leverage-seed", DatasetVersion: "1.0.0", ContentHash: strings.Repeat("ab", 32), Tool: "leverage test"},
		Query: "sources", Statement: "MATCH (s:Source)\nRETURN s", Parameters: map[string]string{"d": "date:2025-03-01"}, Database: "bolt://h:7687 (neo4j)"}
}

func TestGraphValuesAsText(t *testing.T) {
	if got := src.String(); got != "(:Source {id: 'cbs-2025-02-panama'})" {
		t.Errorf("node: %s", got)
	}
	if got := paid.String(); got != "(:Country {code: 'US'})-[:PAID {id: 'paid-us-rw-2025-04'}]->(:Country {code: 'RW'})" {
		t.Errorf("relationship: %s", got)
	}
	back := Relationship{Type: "RECEIVED", Start: rw, End: us}
	p := Path{Nodes: []Node{us, rw, us}, Relationships: []Relationship{paid, back}}
	if got := p.String(); got != "(:Country {code: 'US'})-[:PAID {id: 'paid-us-rw-2025-04'}]->(:Country {code: 'RW'})-[:RECEIVED]->(:Country {code: 'US'})" {
		t.Errorf("path: %s", got)
	}
	p = Path{Nodes: []Node{rw, us}, Relationships: []Relationship{paid}}
	if got := p.String(); !strings.Contains(got, "<-[:PAID") {
		t.Errorf("path against the direction: %s", got)
	}
	odd := Node{Labels: []string{"Has Space"}, Properties: map[string]any{"x y": "it's", "n": []any{int64(1), 2.5}}}
	if got := odd.String(); got != "(:`Has Space` {n: [1, 2.5], `x y`: 'it\\'s'})" {
		t.Errorf("odd node: %s", got)
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, Table{Columns: []string{"s", "r"}, Rows: [][]any{{src, paid}}, About: about()}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"# dataset: leverage-seed 1.0.0\n", "# content hash: sha256:" + strings.Repeat("ab", 32) + "\n",
		"# tool: leverage test\n", "# parameters: d=date:2025-03-01\n", "# statement:\n#   MATCH (s:Source)\n#   RETURN s\ns,r\n",
		"(:Source {id: 'cbs-2025-02-panama'}),(:Country {code: 'US'})-[:PAID"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
}

func TestJSONGraphValuesAndNonFinite(t *testing.T) {
	var b bytes.Buffer
	tab := Table{Columns: []string{"s", "r", "p", "x"}, About: about(), Rows: [][]any{
		{src, paid, Path{Nodes: []Node{us, rw}, Relationships: []Relationship{paid}}, math.NaN()},
		{nil, nil, nil, []any{math.Inf(1), 1.5, Date{2025, 3, 1}}},
	}}
	if err := Write(&b, tab, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Provenance map[string]string `json:"provenance"`
		Query      struct {
			Name       string            `json:"name"`
			Statement  string            `json:"statement"`
			Parameters map[string]string `json:"parameters"`
		} `json:"query"`
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if got.Provenance["content_hash"] != strings.Repeat("ab", 32) || got.Provenance["dataset"] != "leverage-seed" || got.Provenance["tool"] != "leverage test" ||
		got.Query.Statement != "MATCH (s:Source)\nRETURN s" || got.Query.Parameters["d"] != "date:2025-03-01" || got.Query.Name != "sources" {
		t.Errorf("about: %+v", got)
	}
	s := got.Rows[0]["s"].(map[string]any)
	if s["labels"].([]any)[0] != "Source" || s["properties"].(map[string]any)["id"] != "cbs-2025-02-panama" ||
		s["properties"].(map[string]any)["published_start"] != "2025-02-13" {
		t.Errorf("node: %v", s)
	}
	r := got.Rows[0]["r"].(map[string]any)
	if r["type"] != "PAID" || r["start"].(map[string]any)["key"].(map[string]any)["code"] != "US" ||
		r["end"].(map[string]any)["key"].(map[string]any)["code"] != "RW" || r["properties"].(map[string]any)["amount"] != 100000.0 {
		t.Errorf("relationship: %v", r)
	}
	p := got.Rows[0]["p"].(map[string]any)
	if len(p["nodes"].([]any)) != 2 || len(p["relationships"].([]any)) != 1 {
		t.Errorf("path: %v", p)
	}
	if v, ok := got.Rows[0]["x"]; !ok || v != nil {
		t.Errorf("NaN: %v", v)
	}
	if x := got.Rows[1]["x"].([]any); x[0] != nil || x[1] != 1.5 || x[2] != "2025-03-01" {
		t.Errorf("list: %v", x)
	}
}

// openpyxl, in read-only (streaming) mode, sees every row, the
// autofilter, one column per property of a node result, and date cells.
func TestXLSXReadByOpenpyxl(t *testing.T) {
	py := testgate.Python(t, "openpyxl")
	dir := t.TempDir()
	nodes := Table{Columns: []string{"s"}, About: about()}
	for i := 0; i < 250; i++ {
		n := Node{Labels: []string{"Source"}, Properties: map[string]any{"id": "s" + string(rune('a'+i%26)), "published_start": Date{2025, 2, 1 + i%28}, "kind": "news"}}
		if i == 3 {
			n.Properties["score"] = math.NaN()
		}
		nodes.Rows = append(nodes.Rows, []any{n})
	}
	write := func(name string, tab Table) string {
		var b bytes.Buffer
		if err := Write(&b, tab, "xlsx"); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, b.Bytes(), 0o644)
		return p
	}
	a := write("nodes.xlsx", nodes)
	bpath := write("mixed.xlsx", Table{Columns: []string{"s", "r"}, Rows: [][]any{{src, paid}}})
	script := `
import sys, json, datetime, openpyxl
a, b = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(a, read_only=True)
ws = wb["Result"]
rows = list(ws.iter_rows(values_only=True))
full = openpyxl.load_workbook(a)
out = {
  "sheets": wb.sheetnames,
  "max_row": ws.max_row, "rows": len(rows), "header": list(rows[0]),
  "date_is_date": isinstance(rows[1][rows[0].index("published_start")], datetime.datetime),
  "date": rows[1][rows[0].index("published_start")].strftime("%Y-%m-%d"),
  "score_blank": rows[4][rows[0].index("score")] is None,
  "autofilter": (full["Result"].auto_filter.ref or "").replace("$", ""),
  "about": {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)},
  "mixed": [c for c in list(openpyxl.load_workbook(b, read_only=True)["Result"].iter_rows(values_only=True))[1]],
}
print(json.dumps(out))
`
	cmd := exec.Command(py, "-c", script, a, bpath)
	raw, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, raw)
	}
	var got struct {
		Sheets     []string          `json:"sheets"`
		MaxRow     int               `json:"max_row"`
		Rows       int               `json:"rows"`
		Header     []string          `json:"header"`
		DateIsDate bool              `json:"date_is_date"`
		Date       string            `json:"date"`
		ScoreBlank bool              `json:"score_blank"`
		Autofilter string            `json:"autofilter"`
		About      map[string]string `json:"about"`
		Mixed      []string          `json:"mixed"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if got.MaxRow != 251 || got.Rows != 251 || got.Autofilter != "A1:D251" {
		t.Errorf("rows: max_row %d, %d read, autofilter %q; want 251, 251, A1:D251", got.MaxRow, got.Rows, got.Autofilter)
	}
	if strings.Join(got.Header, ",") != "id,kind,published_start,score" || !got.DateIsDate || got.Date != "2025-02-01" || !got.ScoreBlank {
		t.Errorf("node columns: %+v", got)
	}
	if got.About["content hash (SHA-256)"] != strings.Repeat("ab", 32) || got.About["tool"] != "leverage test" || got.About["statement"] != "MATCH (s:Source)\nRETURN s" {
		t.Errorf("About sheet: %v", got.About)
	}
	if len(got.Mixed) != 2 || got.Mixed[0] != "(:Source {id: 'cbs-2025-02-panama'})" || !strings.HasPrefix(got.Mixed[1], "(:Country {code: 'US'})-[:PAID") {
		t.Errorf("mixed result: %v", got.Mixed)
	}
}
