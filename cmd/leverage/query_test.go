package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

type queryJSON struct {
	Provenance graphmodel.Provenance `json:"provenance"`
	Query      struct {
		Name       string            `json:"name"`
		Statement  string            `json:"statement"`
		Parameters map[string]string `json:"parameters"`
	} `json:"query"`
	Columns []string         `json:"columns"`
	Rows    []map[string]any `json:"rows"`
}

func queryAsJSON(t *testing.T, args ...string) queryJSON {
	t.Helper()
	out, errs, code := runCLI(t, append([]string{"query", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	var q queryJSON
	if err := json.Unmarshal([]byte(out), &q); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return q
}

func loadSeed(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	needNeo4j(t)
	if _, errs, code := runCLI(t, "load", "--replace"); code != 0 {
		t.Fatal(errs)
	}
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The README's own example, MATCH (s:Source) RETURN s, gives nodes as
// data in every format, and every format names the dataset by its full
// hash, the tool, the statement and the parameters.
func TestQueryResultsAreDataWithProvenance(t *testing.T) {
	d := loadSeed(t)
	q := queryAsJSON(t, "--cypher", "MATCH (s:Source) RETURN s ORDER BY s.id")
	if len(q.Rows) != len(d.Sources) {
		t.Fatalf("%d rows, want %d", len(q.Rows), len(d.Sources))
	}
	for i, row := range q.Rows {
		s := row["s"].(map[string]any)
		props := s["properties"].(map[string]any)
		if s["labels"].([]any)[0] != "Source" || props["publisher"] == nil || props["id"] == nil {
			t.Errorf("row %d: %v", i, s)
		}
	}
	want := d.Provenance()
	if q.Provenance.ContentHash != want.ContentHash || len(q.Provenance.ContentHash) != 64 || q.Provenance.DatasetName != want.DatasetName ||
		q.Provenance.DatasetVersion != want.DatasetVersion || q.Provenance.Tool != "leverage "+graphmodel.ToolVersion() {
		t.Errorf("provenance %+v, want %+v", q.Provenance, want)
	}
	if q.Query.Statement != "MATCH (s:Source) RETURN s ORDER BY s.id" {
		t.Errorf("statement %q", q.Query.Statement)
	}
	q = queryAsJSON(t, "where_nationals_went", "--param", "nationality=VE")
	if q.Query.Name != "where_nationals_went" || q.Query.Parameters["nationality"] != "VE" || !strings.Contains(q.Query.Statement, "$nationality") {
		t.Errorf("named query: %+v", q.Query)
	}

	for _, format := range []string{"table", "csv"} {
		out, errs, code := runCLI(t, "query", "--format", format, "--cypher",
			"MATCH (s:Source {id: 'cbs-2025-02-panama'}) MATCH ()-[r:PAID {id: 'paid-us-rw-2025-04'}]->() RETURN s, r")
		if code != 0 {
			t.Fatal(errs)
		}
		for _, w := range []string{"(:Source {id: 'cbs-2025-02-panama'})",
			"(:Country {code: 'US'})-[:PAID {id: 'paid-us-rw-2025-04'}]->(:Country {code: 'RW'})",
			"sha256:" + want.ContentHash, want.DatasetName + " " + want.DatasetVersion, "leverage " + graphmodel.ToolVersion()} {
			if !strings.Contains(out, w) {
				t.Errorf("%s output lacks %q:\n%s", format, w, out)
			}
		}
		if strings.Contains(out, "map[") || strings.Contains(out, "[Source]") {
			t.Errorf("%s output has Go struct dumps:\n%s", format, out)
		}
	}

	q = queryAsJSON(t, "--cypher", "MATCH p = (:Country {code: 'US'})-[:PAID {id: 'paid-us-rw-2025-04'}]->(:Country) RETURN p, 0.0/0.0 AS nan, 1.0/0.0 AS inf, date('2025-03-01') AS d")
	p := q.Rows[0]["p"].(map[string]any)
	rel := p["relationships"].([]any)[0].(map[string]any)
	if len(p["nodes"].([]any)) != 2 || rel["type"] != "PAID" || rel["end"].(map[string]any)["key"].(map[string]any)["code"] != "RW" {
		t.Errorf("path: %v", p)
	}
	if q.Rows[0]["nan"] != nil || q.Rows[0]["inf"] != nil || q.Rows[0]["d"] != "2025-03-01" {
		t.Errorf("nan/inf/date: %v", q.Rows[0])
	}

	xlsx := filepath.Join(t.TempDir(), "sources.xlsx")
	if _, errs, code := runCLI(t, "query", "--cypher", "MATCH (s:Source) RETURN s ORDER BY s.id", "--format", "xlsx", "--out", xlsx); code != 0 {
		t.Fatal(errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	header, _ := f.GetRows("Result")
	if len(header) != len(d.Sources)+1 || header[0][0] != "id" || !strings.Contains(strings.Join(header[0], ","), "publisher") {
		t.Errorf("xlsx of nodes: %v", header)
	}
	about, _ := f.GetRows("About")
	var found bool
	for _, r := range about {
		found = found || len(r) == 2 && r[1] == want.ContentHash
	}
	if !found {
		t.Errorf("About sheet lacks the full hash: %v", about)
	}
}

// Typed parameters: a date compares with the date_start property, a JSON
// list feeds IN, str: keeps leading zeros.
func TestQueryTypedParameters(t *testing.T) {
	d := loadSeed(t)
	var march int64
	for _, r := range d.Relationships {
		if s := r.Date.Start(); s.Year() == 2025 && s.Month() == 3 {
			march++
		}
	}
	if march == 0 {
		t.Fatal("the seed has no March 2025 relationship to count")
	}
	window := "MATCH ()-[r]->() WHERE r.date_start >= $from AND r.date_start <= $to RETURN count(r) AS n"
	q := queryAsJSON(t, "--cypher", window, "--param", "from=date:2025-03-01", "--param", "to=date:2025-03-31")
	if n := q.Rows[0]["n"]; n != float64(march) {
		t.Errorf("relationships starting in March 2025: %v, want %d", n, march)
	}
	if q.Query.Parameters["from"] != "date:2025-03-01" {
		t.Errorf("parameters as given: %v", q.Query.Parameters)
	}
	q = queryAsJSON(t, "--cypher", "MATCH (c:Country) WHERE c.code IN $codes RETURN c.code AS code ORDER BY code", "--param", `codes=["PA","CR"]`)
	if len(q.Rows) != 2 || q.Rows[0]["code"] != "CR" || q.Rows[1]["code"] != "PA" {
		t.Errorf("list parameter: %v", q.Rows)
	}
	q = queryAsJSON(t, "--cypher", "RETURN $s AS s, $n AS n, $z AS z", "--param", "s=str:007", "--param", "n=7", "--param", "z=007")
	if q.Rows[0]["s"] != "007" || q.Rows[0]["n"] != float64(7) || q.Rows[0]["z"] != "007" {
		t.Errorf("string and number parameters: %v", q.Rows)
	}
}

// Without --write the CLI refuses what the plan shows would write, fetch
// or terminate, with exit 2, and runs the reads the old text check refused.
func TestQueryReadOnlyFromTheCLI(t *testing.T) {
	loadSeed(t)
	for _, c := range []string{
		"LOAD/**/CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row",
		"TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
		"MATCH (c:Country) DETACH DELETE c",
	} {
		_, errs, code := runCLI(t, "query", "--cypher", c)
		if code != exitUsage || !strings.Contains(errs, "--write") {
			t.Errorf("%q: exit %d %s", c, code, errs)
		}
	}
	for _, c := range []string{"CALL dbms.components()", "SHOW DATABASES", "PROFILE MATCH (c:Country) RETURN count(c) AS n", "RETURN 'load csv' AS s"} {
		if _, errs, code := runCLI(t, "query", "--cypher", c); code != 0 {
			t.Errorf("%q: exit %d %s", c, code, errs)
		}
	}
	_, errs, _ := runCLI(t, "query", "--cypher", "PROFILE MATCH (c:Country) RETURN count(c) AS n")
	if !strings.Contains(errs, "ProduceResults") {
		t.Errorf("PROFILE prints no plan: %s", errs)
	}
	// A property outside the dataset's content: the write is said, and that
	// the content is still the dataset as loaded (issue 26).
	_, errs, code := runCLI(t, "query", "--write", "--cypher", "MATCH (c:Country {code: 'PA'}) SET c.touched = true")
	if code != 0 || !strings.Contains(errs, "wrote to the database, but the dataset's content is unchanged") {
		t.Errorf("write: exit %d %s", code, errs)
	}
}

// neo4j:// routing URIs work against the single test server: the load
// goes through a write transaction, the query through a read one.
func TestRoutingURIAgainstTheSingleServer(t *testing.T) {
	needNeo4j(t)
	uri := strings.Replace(neostoreURI(), "bolt://", "neo4j://", 1)
	if _, errs, code := runCLI(t, "load", "--replace", "--neo4j-uri", uri); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code := runCLI(t, "query", "--neo4j-uri", uri, "--format", "csv", "--cypher", "MATCH ()-[r]->() RETURN count(r) AS n")
	seed, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || !strings.HasSuffix(out, fmt.Sprintf("\nn\n%d\n", len(seed.Relationships))) {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
}

// After query --write changes the database, every later query's header
// says so and gives the hash of what the database now holds, and that hash
// is the one the same change made in Go gives (issue 26: before, every
// later query stamped the loaded dataset's hash as if nothing had
// changed). A write that changes no content leaves the header "as loaded".
func TestQueryHeaderSaysDatabaseChanged(t *testing.T) {
	d := loadSeed(t)
	loaded := d.ContentHash()
	q := queryAsJSON(t, "--cypher", "MATCH (c:Country {code: 'RW'}) RETURN c.code")
	if q.Provenance.Diverged || q.Provenance.CurrentContentHash != loaded {
		t.Fatalf("fresh load: %+v, want as loaded", q.Provenance)
	}
	// A property no content hash covers: still the dataset as loaded.
	if _, errs, code := runCLI(t, "query", "--write", "--cypher", "MATCH (c:Country {code: 'RW'}) SET c.scratch = 1"); code != 0 {
		t.Fatal(errs)
	}
	if q = queryAsJSON(t, "--cypher", "RETURN 1 AS one"); q.Provenance.Diverged || q.Provenance.CurrentContentHash != loaded {
		t.Errorf("after a write outside the content: %+v, want as loaded", q.Provenance)
	}
	_, errs, code := runCLI(t, "query", "--write", "--cypher", "MATCH ()-[r:PAID {id: 'paid-us-rw-2025-04'}]->() SET r.amount = 1")
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(errs, "no longer holds exactly") {
		t.Errorf("the writing query's note: %q", errs)
	}
	for i := range d.Relationships {
		if d.Relationships[i].Key == "paid-us-rw-2025-04" {
			d.Relationships[i].Money.Amount = 1
		}
	}
	want := d.ContentHash()
	q = queryAsJSON(t, "--cypher", "RETURN 1 AS one")
	if !q.Provenance.Diverged || q.Provenance.ContentHash != loaded || q.Provenance.CurrentContentHash != want ||
		!strings.Contains(q.Provenance.Changed, "query --write cypher at ") {
		t.Errorf("after the write: %+v, want diverged from %s to %s", q.Provenance, loaded, want)
	}
	out, errs, code := runCLI(t, "query", "--cypher", "RETURN 1 AS one")
	if code != 0 || !strings.Contains(out, "database content: CHANGED since load") || !strings.Contains(out, "now sha256:"+want) {
		t.Errorf("table header after the write (exit %d, %s):\n%s", code, errs, out)
	}
	// A fresh load is the dataset as loaded again.
	loadSeed(t)
	if q = queryAsJSON(t, "--cypher", "RETURN 1 AS one"); q.Provenance.Diverged {
		t.Errorf("after reloading: %+v", q.Provenance)
	}
}
