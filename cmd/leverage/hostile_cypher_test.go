package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// dbFingerprint is what a hostile statement could change: the graph, the
// tokens, the schema, the users and the served token.
func dbFingerprint(t *testing.T, s *neostore.Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"MATCH (n) RETURN count(n)",
		"MATCH ()-[r]->() RETURN count(r)",
		"MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) ORDER BY l",
		"CALL db.labels() YIELD label RETURN label ORDER BY label",
		"CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey",
		"SHOW INDEXES YIELD name RETURN name ORDER BY name",
		"SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name",
		"SHOW USERS YIELD user RETURN user ORDER BY user",
		"OPTIONAL MATCH (v:Serving) RETURN v.token",
	} {
		res, err := s.Query(context.Background(), q, nil, neostore.QueryOptions{})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		fmt.Fprintln(&b, q, res.Rows)
	}
	return b.String()
}

// TestHostileCypher runs testdata/hostile/cypher.tsv against the real
// server: statements that hide a procedure call which must not run without
// --write (killing another session's connection, clearing the query
// caches, statistics collection, …) inside expressions and subqueries.
// Each must exit with its code and reason, write nothing to stdout or
// --out, leave the database as it was, and leave the other session's
// connection answering. The first two cases killed that connection and
// cleared the caches before nested calls were judged.
func TestHostileCypher(t *testing.T) {
	needNeo4j(t)
	if _, errs, code := runCLI(t, "load", "--replace"); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	ctx := context.Background()
	s, err := neostore.Open(ctx, neostore.ConfigFromEnv())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	cfg := neostore.ConfigFromEnv()
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	victim, err := sess.BeginTransaction(ctx, neo4j.WithTxMetadata(map[string]any{"victim": "hostile-cypher"}))
	if err != nil {
		t.Fatal(err)
	}
	defer victim.Close(ctx)
	alive := func() error {
		r, err := victim.Run(ctx, "RETURN 1", nil)
		if err != nil {
			return err
		}
		_, err = r.Collect(ctx)
		return err
	}
	if err := alive(); err != nil {
		t.Fatal(err)
	}
	res, err := s.Query(ctx, "SHOW TRANSACTIONS YIELD connectionId, metaData WHERE metaData.victim = 'hostile-cypher' RETURN connectionId", nil, neostore.QueryOptions{})
	if err != nil || len(res.Rows) != 1 {
		t.Fatalf("victim's connection: %v %v", res.Rows, err)
	}
	conn := res.Rows[0][0].(string)
	before := dbFingerprint(t, s)

	cases := readCorpus(t, "cypher.tsv", 3)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stmt, wantCode, want := c.fields[0], c.fields[1], c.fields[2]
			args := []string{"query", "--cypher", stmt}
			if strings.Contains(stmt, "$c") {
				args = append(args, "--param", "c=str:"+conn)
			}
			out, errs, code := runCLI(t, args...)
			if strconv.Itoa(code) != wantCode || !strings.Contains(errs, want) || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
				t.Errorf("exit %d, want %s with %q in:\n%s", code, wantCode, want, errs)
			}
			if out != "" {
				t.Errorf("wrote to stdout: %q", out)
			}
			file := filepath.Join(t.TempDir(), "out.csv")
			if _, errs, code := runCLI(t, append(args, "--format", "csv", "--out", file)...); strconv.Itoa(code) != wantCode {
				t.Errorf("with --out: exit %d: %s", code, errs)
			}
			if _, err := os.Stat(file); !os.IsNotExist(err) {
				t.Errorf("--out written: %v", err)
			}
			if err := alive(); err != nil {
				t.Fatalf("the other session's connection is dead: %v", err)
			}
			if after := dbFingerprint(t, s); after != before {
				t.Fatalf("the database changed:\n%s\nwas\n%s", after, before)
			}
		})
	}
	if len(cases) < 20 {
		t.Errorf("Cypher corpus has %d cases", len(cases))
	}
}
