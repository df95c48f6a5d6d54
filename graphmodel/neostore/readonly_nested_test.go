package neostore_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// victimConnection opens another session's connection with a transaction
// left open and returns its connection id (as SHOW TRANSACTIONS gives it),
// the transaction and a function that says whether it is still alive.
func victimConnection(t *testing.T, s *neostore.Store) (connID string, alive func() error) {
	t.Helper()
	ctx := context.Background()
	cfg := neostore.ConfigFromEnv()
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drv.Close(ctx) })
	sess := drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	t.Cleanup(func() { sess.Close(ctx) })
	tx, err := sess.BeginTransaction(ctx, neo4j.WithTxMetadata(map[string]any{"victim": t.Name()}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Close(ctx) })
	if _, err := tx.Run(ctx, "RETURN 1", nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.Query(ctx, "SHOW TRANSACTIONS YIELD connectionId, metaData WHERE metaData.victim = $v RETURN connectionId",
		map[string]any{"v": t.Name()}, neostore.QueryOptions{})
	if err != nil || len(res.Rows) != 1 {
		t.Fatalf("cannot find the victim's connection: %v %v", res.Rows, err)
	}
	return res.Rows[0][0].(string), func() error {
		r, err := tx.Run(ctx, "RETURN 2 AS two", nil)
		if err != nil {
			return err
		}
		_, err = r.Collect(ctx)
		return err
	}
}

// nestedBypasses hide a procedure that must not run without --write
// inside an expression (list, pattern and CASE expressions, reduce,
// COLLECT/COUNT/EXISTS subqueries, CALL subqueries), most of them next to
// an allow-listed reporting procedure that once excused the whole
// statement. Each was planned by the server (EXPLAIN in 5.26) with the
// call either as its own ProcedureCall operator or only as text in an
// operator's Details argument.
var nestedBypasses = []string{
	"CALL dbms.components() YIELD name RETURN name, [x IN [1] | COLLECT { CALL dbms.killConnection($c) YIELD message RETURN message }] AS k",
	"CALL dbms.components() YIELD name RETURN name, [x IN [1] | COLLECT { CALL db.clearQueryCaches() YIELD value RETURN value }] AS k",
	"CALL dbms.info() YIELD id RETURN id, CASE WHEN true THEN COLLECT { CALL dbms.killConnection($c) YIELD message RETURN message } END AS k",
	"CALL dbms.info() YIELD id RETURN reduce(a = 0, x IN [1] | a + COUNT { CALL db.clearQueryCaches() YIELD value RETURN value }) AS n",
	"CALL dbms.components() YIELD name WITH name WHERE all(x IN [1] WHERE EXISTS { CALL dbms.killConnection($c) YIELD message RETURN message }) RETURN name",
	"CALL dbms.showCurrentUser() YIELD username RETURN [x IN [1] | COLLECT { CALL () { CALL dbms.killConnection($c) YIELD message RETURN message } RETURN message }] AS k",
	"CALL dbms.components() YIELD name RETURN [x IN [1] | COLLECT { CALL `db`.`clearQueryCaches`() YIELD value RETURN value }] AS k",
	"CALL dbms.components() YIELD name RETURN [x IN [1] | COLLECT { CALL `dbms`.killConnection($c) YIELD message RETURN message }] AS k",
	"CALL dbms.listConnections() YIELD connectionId WHERE connectionId = $c RETURN [x IN [connectionId] | COLLECT { CALL dbms.killConnection(x) YIELD message RETURN message }] AS k",
	"CALL dbms.components() YIELD name MATCH (n) RETURN [(n)--(m) WHERE COUNT { CALL dbms.killConnection($c) YIELD message RETURN message } > 0 | m] AS k",
	"RETURN [x IN [1] | COLLECT { CALL db.stats.clear('QUERIES') YIELD section RETURN section }] AS k",
	"RETURN COUNT { CALL db.clearQueryCaches() YIELD value RETURN value } AS n",
	"MATCH (n) WHERE EXISTS { CALL dbms.killConnection($c) YIELD message RETURN message } RETURN n",
	"SHOW TRANSACTIONS YIELD transactionId WHERE COUNT { CALL dbms.killConnection($c) YIELD message RETURN message } > 0 RETURN transactionId",
	"CALL () { CALL dbms.killConnection($c) YIELD message RETURN message } RETURN message",
	"CALL dbms.components() YIELD name CALL (name) { CALL dbms.killConnection($c) YIELD message RETURN message } RETURN name, message",
	"CALL dbms.components() YIELD name RETURN [x IN [1] | COLLECT { CALL dbms.components() YIELD name AS n2 CALL db.clearQueryCaches() YIELD value RETURN value }] AS k",
	"CALL dbms.components() YIELD name RETURN name UNION CALL db.clearQueryCaches() YIELD value AS name RETURN name",
}

// Against the real server: a procedure nested anywhere in a statement is
// judged like a top-level one. The victim connection still answers after
// the whole corpus, so no statement killed it. Before the nested calls
// were found, the first statement killed the victim (checked on the old
// code: "Connection `bolt-N` has been terminated") and the second
// answered "Query caches successfully cleared".
func TestNeo4jNestedProceduresRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	conn, alive := victimConnection(t, s)
	for _, q := range nestedBypasses {
		p := map[string]any{}
		if strings.Contains(q, "$c") {
			p["c"] = conn
		}
		res, err := s.Query(ctx, q, p, neostore.QueryOptions{Timeout: 10 * time.Second})
		switch {
		case err == nil:
			t.Errorf("ran without --write: %q gave %v", q, res.Rows)
		case !errors.Is(err, neostore.ErrWriteRefused):
			t.Errorf("%q: %v, want a refusal", q, err)
		case !strings.Contains(err.Error(), "killConnection") && !strings.Contains(err.Error(), "clearQueryCaches") && !strings.Contains(err.Error(), "db.stats.clear"):
			t.Errorf("%q: the refusal does not name the procedure: %v", q, err)
		}
		if err := alive(); err != nil {
			t.Fatalf("after %q the victim's connection is dead: %v", q, err)
		}
	}
	// The allow-listed procedures still run on their own.
	for _, q := range []string{"CALL dbms.components() YIELD name RETURN name", "CALL dbms.listConnections() YIELD connectionId RETURN count(*) AS n",
		"RETURN [x IN [1] | COLLECT { CALL db.labels() YIELD label RETURN label }] AS k"} {
		if _, err := s.Query(ctx, q, nil, neostore.QueryOptions{}); err != nil {
			t.Errorf("harmless read refused: %q: %v", q, err)
		}
	}
}
