// title: Sources behind a relationship
// description: From a relationship id to the sources it cites; the id is looked up in each type's (id, generation) index, never by a scan.
// params: id (relationship id, e.g. paid-us-rw-2025-04)
CALL {
  MATCH (a:Country)-[r:APPROACHED]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:RECEIVED]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:PAID]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:TRAVEL_BAN_LEVERAGE]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:OTHER_LEVERAGE]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:CONCESSION_SOUGHT]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:ONWARD_RETURN]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:TRANSIT]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:REMOVAL_BLOCKED]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:MIGRATION_CONTEXT]->(b:Country) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
}
// The hint: on a freshly loaded database the planner's label counts can
// be stale, and it then scanned every source instead of seeking each id.
MATCH (s:Source) USING INDEX s:Source(id) WHERE s.id IN r.sources
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, s.id AS source, s.publisher AS publisher,
       s.title AS title, s.published AS published, s.url AS url
ORDER BY source
