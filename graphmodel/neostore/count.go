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
