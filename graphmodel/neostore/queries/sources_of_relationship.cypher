// title: Sources behind a relationship
// description: From a relationship id to the sources it cites; the id is looked up in each type's (id, generation) index, never by a scan.
// params: id (relationship id, e.g. paid-us-rw-2025-04)
CALL {
  MATCH (a:Country)-[r:APPROACHED]->(b:Country) USING INDEX SEEK r:APPROACHED(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:RECEIVED]->(b:Country) USING INDEX SEEK r:RECEIVED(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:PAID]->(b:Country) USING INDEX SEEK r:PAID(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:TRAVEL_BAN_LEVERAGE]->(b:Country) USING INDEX SEEK r:TRAVEL_BAN_LEVERAGE(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:OTHER_LEVERAGE]->(b:Country) USING INDEX SEEK r:OTHER_LEVERAGE(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:CONCESSION_SOUGHT]->(b:Country) USING INDEX SEEK r:CONCESSION_SOUGHT(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:ONWARD_RETURN]->(b:Country) USING INDEX SEEK r:ONWARD_RETURN(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:TRANSIT]->(b:Country) USING INDEX SEEK r:TRANSIT(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:REMOVAL_BLOCKED]->(b:Country) USING INDEX SEEK r:REMOVAL_BLOCKED(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
  UNION ALL
  MATCH (a:Country)-[r:MIGRATION_CONTEXT]->(b:Country) USING INDEX SEEK r:MIGRATION_CONTEXT(id, generation) WHERE r.id = $id AND r.generation IS NOT NULL RETURN a, r, b
}
// The hints say SEEK: on a freshly loaded database the planner's counts
// can be stale, and it expanded a type's relationships from every country
// (1,678 db hits on 20k relationships) or, under a plain USING INDEX,
// scanned a type's whole index (3,167). The sources are sought one id at a
// time from the bound relationship: a `WHERE s.id IN r.sources` left the
// planner free to scan the Source index first (1,969 and 9,532 db hits).
// With both, 8 of 8 runs took 24 db hits.
WITH a, r, b
UNWIND r.sources AS sourceID
MATCH (s:Source) USING INDEX SEEK s:Source(id) WHERE s.id = sourceID
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, s.id AS source, s.publisher AS publisher,
       s.title AS title, s.published AS published, s.url AS url
ORDER BY source
