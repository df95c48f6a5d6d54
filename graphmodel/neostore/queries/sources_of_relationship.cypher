// title: Sources behind a relationship
// description: From a relationship id to the sources it cites; the id is looked up in each type's (id, generation) index, never by a scan.
// params: id (relationship id, e.g. paid-us-rw-2025-04)
CALL {
  MATCH (a:Country)-[r:APPROACHED]->(b:Country) USING INDEX r:APPROACHED(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:RECEIVED]->(b:Country) USING INDEX r:RECEIVED(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:PAID]->(b:Country) USING INDEX r:PAID(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:TRAVEL_BAN_LEVERAGE]->(b:Country) USING INDEX r:TRAVEL_BAN_LEVERAGE(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:OTHER_LEVERAGE]->(b:Country) USING INDEX r:OTHER_LEVERAGE(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:CONCESSION_SOUGHT]->(b:Country) USING INDEX r:CONCESSION_SOUGHT(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:ONWARD_RETURN]->(b:Country) USING INDEX r:ONWARD_RETURN(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:TRANSIT]->(b:Country) USING INDEX r:TRANSIT(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:REMOVAL_BLOCKED]->(b:Country) USING INDEX r:REMOVAL_BLOCKED(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:MIGRATION_CONTEXT]->(b:Country) USING INDEX r:MIGRATION_CONTEXT(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
}
// The hints: on a freshly loaded database the planner's counts can be
// stale, and it then scanned every source (10,357 db hits on 20k
// relationships) or expanded a type's relationships from every country
// (1,678) instead of seeking ids in their indexes (24).
MATCH (s:Source) USING INDEX s:Source(id) WHERE s.id IN r.sources
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, s.id AS source, s.publisher AS publisher,
       s.title AS title, s.published AS published, s.url AS url
ORDER BY source
