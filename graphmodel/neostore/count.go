package neostore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Count returns how many countries, sources and relationships (of the
// model's types) the live dataset holds; unfinished loads beside it are
// not counted.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.pinnedHeld(ctx, func() (err error) {
		c, err = s.count(ctx)
		return err
	})
	return c, err
}

func (s *Store) count(ctx context.Context) (Counts, error) {
	q := `CALL { MATCH (c:Country) RETURN count(c) AS countries, sum(COUNT { (c)-[:` + typeUnion() + `]->() }) AS rels }
CALL { MATCH (s:Source) RETURN count(s) AS sources }
RETURN countries, sources, rels`
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return Counts{}, s.wrap(err)
	}
	rec := res.Records[0]
	c, _ := rec.Get("countries")
	so, _ := rec.Get("sources")
	r, _ := rec.Get("rels")
	return Counts{Countries: c.(int64), Sources: so.(int64), Relationships: r.(int64)}, nil
}

// Clear deletes every relationship and node in batches (for tests and
// --replace), leaving constraints in place. Relationships go first: a
// DETACH DELETE of a hub with a million relationships would be one
// transaction too large for the server's memory pool.
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
