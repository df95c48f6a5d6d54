package neostore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel"
)

// relType is the Neo4j relationship type of a model type. The vocabulary is
// closed and validated, so splicing it into Cypher cannot inject anything;
// relTypeOK double-checks the characters anyway.
func relType(t graphmodel.RelType) string { return strings.ToUpper(string(t)) }

func relTypeOK(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r == '_') {
			return false
		}
	}
	return s != ""
}

// EnsureSchema creates the uniqueness constraints MERGE relies on (so
// concurrent loads cannot duplicate) and the indexes the query library uses.
// Live nodes are unique by code or id; staging nodes and every relationship
// by id within their generation, since a load writes its generation beside
// the live one. It is idempotent, and it drops the per-type id constraints
// of databases loaded before generations existed.
func (s *Store) EnsureSchema(ctx context.Context) error {
	stmts := []string{
		"CREATE CONSTRAINT country_code IF NOT EXISTS FOR (c:Country) REQUIRE c.code IS UNIQUE",
		"CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE",
		"CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE",
		"CREATE CONSTRAINT loading_country_key IF NOT EXISTS FOR (c:" + labelLoadingCountry + ") REQUIRE (c.code, c.generation) IS UNIQUE",
		"CREATE CONSTRAINT loading_source_key IF NOT EXISTS FOR (s:" + labelLoadingSource + ") REQUIRE (s.id, s.generation) IS UNIQUE",
		"CREATE CONSTRAINT loading_dataset_hash IF NOT EXISTS FOR (d:" + labelLoadingDataset + ") REQUIRE d.content_hash IS UNIQUE",
		"CREATE INDEX country_kind IF NOT EXISTS FOR (c:Country) ON (c.kind)",
		// One served token (serving.go): MERGE must not make two.
		"CREATE CONSTRAINT serving_key IF NOT EXISTS FOR (v:Serving) REQUIRE v.key IS UNIQUE",
	}
	for _, t := range graphmodel.RelTypes {
		rt := relType(t)
		if !relTypeOK(rt) {
			return fmt.Errorf("neostore: bad relationship type %q", rt)
		}
		lower := strings.ToLower(rt)
		stmts = append(stmts,
			fmt.Sprintf("DROP CONSTRAINT rel_%s_id IF EXISTS", lower),
			fmt.Sprintf("CREATE CONSTRAINT rel_%s_key IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE (r.id, r.generation) IS UNIQUE", lower, rt))
	}
	// "Relationships citing source S" would scan every relationship: a
	// relationship index serves one type and cannot index the elements of
	// a list. A full-text index spans types and indexes list elements; its
	// whitespace analyzer keeps ids whole and case-sensitive. (A lookup by
	// relationship id needs none: the (id, generation) constraints index
	// it per type; sources_of_relationship asks each type.)
	stmts = append(stmts,
		"CREATE FULLTEXT INDEX "+RelationshipSourcesIndex+" IF NOT EXISTS FOR ()-[r:"+typeUnion()+"]-() ON EACH [r.sources] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
		// An earlier build of this branch also indexed ids in full text;
		// keeping it would only slow every load.
		"DROP INDEX relationship_id IF EXISTS")
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for _, q := range stmts {
		if _, err := sess.Run(ctx, q, nil); err != nil {
			return s.wrap(err)
		}
	}
	// Constraints build their indexes in the background; wait for them.
	if _, err := sess.Run(ctx, "CALL db.awaitIndexes(300)", nil); err != nil {
		return s.wrap(err)
	}
	return nil
}

// RelationshipSourcesIndex is the full-text index relationships_citing_source
// uses: CALL db.index.fulltext.queryRelationships(RelationshipSourcesIndex, '"' + $source + '"').
const RelationshipSourcesIndex = "relationship_sources"

func (s *Store) wrap(err error) error {
	if err == nil {
		return nil
	}
	if neo4j.IsConnectivityError(err) {
		return fmt.Errorf("lost the connection to Neo4j at %s: %s", s.cfg.URI, firstLine(err.Error()))
	}
	return explain(s.cfg, err)
}
