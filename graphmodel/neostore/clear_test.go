package neostore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The store's test-only methods: the tests of package neostore_test reach
// them, the library does not.

// Clear deletes every relationship and node in batches, leaving
// constraints in place. Relationships go first: a DETACH DELETE of a hub
// with a million relationships would be one transaction too large for the
// server's memory pool.
func (s *Store) Clear(ctx context.Context) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS n",
		"MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS n",
	} {
		for {
			res, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				r, err := tx.Run(ctx, q, nil)
				if err != nil {
					return nil, err
				}
				rec, err := r.Single(ctx)
				if err != nil {
					return nil, err
				}
				n, _ := rec.Get("n")
				return n, nil
			})
			if err != nil {
				return s.wrap(err)
			}
			if res.(int64) == 0 {
				break
			}
		}
	}
	return nil
}

// Clean reports whether nothing but the live dataset is there.
func (st Status) Clean() bool { return len(st.Staging) == 0 && st.RetiredNodes == 0 }
