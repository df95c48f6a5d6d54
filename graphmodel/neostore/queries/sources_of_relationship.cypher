// title: Sources behind a relationship
// description: From a relationship id to the sources it cites, finding the relationship through the full-text index relationship_id.
// params: id (relationship id, e.g. paid-us-rw-2025-04)
CALL db.index.fulltext.queryRelationships('relationship_id', '"' + replace(replace($id, '\\', '\\\\'), '"', '\\"') + '"') YIELD relationship AS r
WITH r WHERE r.id = $id AND startNode(r):Country
MATCH (a)-[r]->(b)
MATCH (s:Source) WHERE s.id IN r.sources
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, s.id AS source, s.publisher AS publisher,
       s.title AS title, s.published AS published, s.url AS url
ORDER BY source
