package neostore_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// readOnlyBed is what the bypass corpus tries to damage: a canary node, a
// URL that counts every fetch, and another session's open transaction.
type readOnlyBed struct {
	url      string
	fetches  *atomic.Int64
	heldTxID string
	held     neo4j.ExplicitTransaction
}

func newReadOnlyBed(t *testing.T, s *neostore.Store) readOnlyBed {
	t.Helper()
	ctx := context.Background()
	var fetches atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		fmt.Fprint(w, "a,b\n1,2\n")
	}))
	t.Cleanup(srv.Close)
	if _, err := s.Query(ctx, "CREATE (:Canary {name: 'canary', merge: 'm', delete: 'd'})", nil, neostore.QueryOptions{Write: true}); err != nil {
		t.Fatal(err)
	}
	// A transaction of another session, left open: TERMINATE would kill it.
	cfg := neostore.ConfigFromEnv()
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drv.Close(ctx) })
	sess := drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	t.Cleanup(func() { sess.Close(ctx) })
	held, err := sess.BeginTransaction(ctx, neo4j.WithTxMetadata(map[string]any{"held": "by the test"}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := held.Run(ctx, "CREATE (:Held)", nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.Query(ctx, "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.held = 'by the test' RETURN transactionId", nil, neostore.QueryOptions{})
	if err != nil || len(res.Rows) != 1 {
		t.Fatalf("cannot find the held transaction: %v %v", res.Rows, err)
	}
	return readOnlyBed{url: srv.URL + "/x.csv", fetches: &fetches, heldTxID: res.Rows[0][0].(string), held: held}
}

// bypassCorpus are statements that must not run without --write: each
// changes data or schema, makes the server fetch a URL, or stops another
// session's transaction, hidden by comments, case, line breaks, unicode,
// subqueries, procedures, administration commands or several statements.
func bypassCorpus(url, tx string) []string {
	return []string{
		"LOAD/**/CSV WITH HEADERS FROM '" + url + "' AS row RETURN row",
		"load csv from '" + url + "' as r return r",
		"LoAd CsV FROM '" + url + "' AS r RETURN r",
		"LOAD\nCSV FROM '" + url + "' AS r RETURN r",
		"LOAD // a comment\n CSV FROM '" + url + "' AS r RETURN r",
		"/* leading */ LOAD CSV FROM '" + url + "' AS r RETURN r /* trailing */",
		"CALL { LOAD CSV FROM '" + url + "' AS r RETURN r } RETURN r",
		"UNWIND [1] AS x CALL (x) { LOAD CSV FROM '" + url + "' AS r RETURN count(r) AS c } RETURN c",
		"PROFILE LOAD CSV FROM '" + url + "' AS r RETURN r",
		"CYPHER runtime=slotted LOAD CSV FROM '" + url + "' AS r RETURN r",
		"LOAD CSV FROM $u AS r RETURN r",
		"TERMINATE TRANSACTIONS '" + tx + "'",
		"terminate transaction '" + tx + "'",
		"/*x*/TERMINATE/*y*/TRANSACTIONS/*z*/'" + tx + "'",
		"SHOW TRANSACTIONS YIELD transactionId AS t WHERE t = '" + tx + "' TERMINATE TRANSACTIONS t YIELD message RETURN message",
		"CREATE (:Pwned)",
		"cReAtE (:Pwned)",
		"MATCH (c:Canary) SET c.pwned = true",
		"MATCH (c:Canary) DETACH DELETE c",
		"MERGE (:Pwned)",
		"MATCH (c:Canary) REMOVE c:Canary",
		"CALL { CREATE (p:Pwned) RETURN p } RETURN p",
		"UNWIND range(1, 3) AS i CALL (i) { CREATE (:Pwned {i: i}) } IN TRANSACTIONS",
		"FOREACH (i IN [1] | CREATE (:Pwned))",
		"MATCH (c:Canary) CALL (c) { SET c.pwned = 1 } RETURN c",
		"PROFILE CREATE (:Pwned)",
		"CYPHER 5 PROFILE MERGE (:Pwned)",
		"/* PROFILE */ CREATE (:Pwned)",
		"WITH \"\\\" LOAD CSV\" AS s CREATE (:Pwned {s: s})",
		"WITH 1 AS x // RETURN x\nCREATE (:Pwned)",
		"CALL db.createLabel('Pwned')",
		"CALL db.createProperty('pwned')",
		"CALL db.clearQueryCaches()",
		"CALL dbms.killConnections(['bolt-0'])",
		"CALL tx.setMetaData({pwned: true})",
		"CALL db.stats.clear('QUERIES')",
		"CALL db.index.vector.createNodeIndex('pwned', 'Pwned', 'v', 3, 'cosine')",
		"CREATE INDEX pwned FOR (n:Pwned) ON (n.x)",
		"CREATE CONSTRAINT pwned FOR (n:Pwned) REQUIRE n.x IS UNIQUE",
		"DROP INDEX pwned_none IF EXISTS",
		"CREATE USER pwned SET PASSWORD 'pwned-password'",
		"ALTER USER pwned SET PASSWORD 'pwned-password-2'",
		"SHOW USERS YIELD user CREATE (:Pwned)",
		"RETURN 1; CREATE (:Pwned)",
		"MATCH (n) RETURN n; MATCH (c:Canary) DETACH DELETE c",
		"ＣＲＥＡＴＥ (:Pwned)",
		"CREATE\u00a0(:Pwned)",
		"CREATE\u200b(:Pwned)",
		"USING PERIODIC COMMIT LOAD CSV FROM '" + url + "' AS r CREATE (:Pwned)",
		"CALL dbms.upgrade()",
		"ALTER CURRENT USER SET PASSWORD FROM 'not-the-password' TO 'pwned-password'",
		"USE neo4j CREATE (:Pwned)",
		"CALL () { CREATE (:Pwned) }",
		"OPTIONAL CALL db.createLabel('Pwned')",
	}
}

// harmlessReads must each run without --write and give rows.
var harmlessReads = []string{
	"CALL dbms.components()",
	"SHOW DATABASES",
	"PROFILE MATCH (c:Canary) RETURN count(c) AS n",
	"MATCH (c:Canary) RETURN 'load csv' AS s, c.name",
	"RETURN \"TERMINATE TRANSACTIONS 'x'; CREATE (:Pwned)\" AS s",
	"// CREATE (:Pwned)\nMATCH (c:Canary) RETURN c.name",
	"/* LOAD CSV FROM 'http://x' */ MATCH (c:Canary) RETURN c",
	"MATCH (c:Canary) RETURN c.merge AS merge, c.delete AS delete, 1 AS create",
	"SHOW PROCEDURES YIELD name, mode WHERE mode = 'READ' RETURN count(*) AS n",
	"SHOW INDEXES",
	"SHOW CONSTRAINTS YIELD name RETURN count(*) AS n",
	"SHOW TRANSACTIONS",
	"SHOW FUNCTIONS YIELD name WHERE name = 'date' RETURN name",
	"SHOW SETTINGS YIELD name WHERE name = 'db.transaction.timeout' RETURN name",
	"SHOW CURRENT USER",
	"CALL db.labels()",
	"CALL db.schema.visualization()",
	"CALL dbms.info()",
	"CYPHER runtime=slotted MATCH (c:Canary) RETURN c",
	"MATCH (c:Canary) CALL (c) { RETURN c.name AS nm } RETURN nm",
	"EXPLAIN MATCH (n) RETURN n",
}

// Against the real server: every bypass attempt is refused and did
// nothing (no node, no fetch, the other session's transaction commits),
// and every harmless read runs.
func TestNeo4jReadOnlyCorpus(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	bed := newReadOnlyBed(t, s)
	corpus := bypassCorpus(bed.url, bed.heldTxID)
	if len(corpus) < 30 {
		t.Fatalf("corpus has %d attempts", len(corpus))
	}
	params := map[string]any{"u": bed.url}
	byPlan, byServer := 0, 0
	for _, q := range corpus {
		p := map[string]any{}
		if strings.Contains(q, "$u") {
			p = params
		}
		_, err := s.Query(ctx, q, p, neostore.QueryOptions{Timeout: 10 * time.Second})
		switch {
		case err == nil:
			t.Errorf("ran without --write: %q", q)
		case errors.Is(err, neostore.ErrWriteRefused):
			byPlan++
			t.Logf("refused: %q: %v", q, err)
		case strings.HasPrefix(err.Error(), "Cypher error"):
			byServer++
			t.Logf("not plannable: %q: %v", q, err)
			// the server could not even plan it (several statements,
			// unicode look-alikes, removed syntax): it did not run either
		default:
			t.Errorf("%q: unexpected error %v", q, err)
		}
	}
	t.Logf("%d attempts: %d refused from the plan, %d the server could not plan", len(corpus), byPlan, byServer)
	if n := bed.fetches.Load(); n != 0 {
		t.Errorf("the server fetched the URL %d times", n)
	}
	for _, check := range []string{"MATCH (p:Pwned) RETURN count(p)", "MATCH (c:Canary) WHERE c.pwned IS NULL RETURN count(c) - 1",
		"SHOW INDEXES YIELD name WHERE name = 'pwned' RETURN count(*)", "SHOW CONSTRAINTS YIELD name WHERE name = 'pwned' RETURN count(*)",
		"SHOW USERS YIELD user WHERE user = 'pwned' RETURN count(*)"} {
		res, err := s.Query(ctx, check, nil, neostore.QueryOptions{})
		if err != nil || res.Rows[0][0] != int64(0) {
			t.Errorf("%s: %v %v", check, res.Rows, err)
		}
	}
	if err := bed.held.Commit(ctx); err != nil {
		t.Errorf("the other session's transaction was terminated: %v", err)
	}
	for _, q := range harmlessReads {
		res, err := s.Query(ctx, q, nil, neostore.QueryOptions{})
		if err != nil {
			t.Errorf("harmless read refused: %q: %v", q, err)
			continue
		}
		if len(res.Rows) == 0 && !strings.HasPrefix(q, "EXPLAIN") {
			t.Errorf("%q: no rows", q)
		}
	}
	// The corpus could fail to fetch for another reason: with --write
	// the same fetch reaches the counting server.
	if _, err := s.Query(ctx, corpus[0], nil, neostore.QueryOptions{Write: true}); err != nil || bed.fetches.Load() != 1 {
		t.Errorf("LOAD CSV with --write: %v, %d fetches", err, bed.fetches.Load())
	}
	if len(harmlessReads) < 10 {
		t.Fatalf("only %d harmless reads", len(harmlessReads))
	}
}

// The refusal names what the plan showed, so a user can tell why.
func TestNeo4jRefusalSaysWhy(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for q, want := range map[string]string{
		"LOAD/**/CSV FROM 'http://127.0.0.1:1/x' AS r RETURN r": "LOAD CSV",
		"TERMINATE TRANSACTIONS 'neo4j-transaction-1'":          "TERMINATE",
		"CALL db.createLabel('X')":                              "db.createLabel runs in mode WRITE",
		"CREATE USER x SET PASSWORD 'yyyyyyyy'":                 "administration command CREATE",
		"CALL db.clearQueryCaches()":                            "db.clearQueryCaches runs in mode DBMS",
	} {
		_, err := s.Query(ctx, q, nil, neostore.QueryOptions{})
		if !errors.Is(err, neostore.ErrWriteRefused) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want a refusal naming %q", q, err, want)
		}
	}
}

// With --write the same statements run: the check is about permission,
// not about what Cypher can do. IN TRANSACTIONS runs as auto-commit.
func TestNeo4jWriteAllowsWhatReadRefuses(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	res, err := s.Query(ctx, "UNWIND range(1, 3) AS i CALL (i) { CREATE (:W {i: i}) } IN TRANSACTIONS RETURN count(*) AS n", nil, neostore.QueryOptions{Write: true})
	if err != nil || !res.Updated {
		t.Fatalf("%v %+v", err, res)
	}
	res, err = s.Query(ctx, "MATCH (w:W) RETURN count(w)", nil, neostore.QueryOptions{})
	if err != nil || res.Rows[0][0] != int64(3) || res.Updated {
		t.Errorf("%v %v", res.Rows, err)
	}
}

// Timeout 0 sets no bound of ours: the query runs to the end, under the
// server's own db.transaction.timeout, which the test server leaves at 0
// (none). A tiny timeout stops a long query.
func TestNeo4jTimeoutZeroMeansNone(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	res, err := s.Query(ctx, "SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.timeout' RETURN value", nil, neostore.QueryOptions{})
	if err != nil || len(res.Rows) != 1 || res.Rows[0][0] != "0s" {
		t.Fatalf("server transaction timeout: %v %v", res.Rows, err)
	}
	long := "UNWIND range(1, 3000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n"
	res, err = s.Query(ctx, long, nil, neostore.QueryOptions{Timeout: 0})
	if err != nil || res.Rows[0][0] != int64(3000000/7) {
		t.Errorf("timeout 0: %v %v", res.Rows, err)
	}
	// The server checks timeouts every 2 s (db.transaction.monitor.check.interval).
	endless := "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)"
	if _, err := s.Query(ctx, endless, nil, neostore.QueryOptions{Timeout: time.Millisecond}); err == nil || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("timeout 1ms: %v", err)
	}
	if _, err := s.Query(ctx, "RETURN 1", nil, neostore.QueryOptions{Timeout: -time.Second}); err == nil {
		t.Error("a negative timeout was accepted")
	}
}
