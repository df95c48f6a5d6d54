// title: Sources behind a relationship
// description: From a relationship id to the sources it cites.
// params: id (relationship id, e.g. paid-us-rw-2025-04)
MATCH (a)-[r {id: $id}]->(b)
MATCH (s:Source) WHERE s.id IN r.sources
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, s.id AS source, s.publisher AS publisher,
       s.title AS title, s.published AS published, s.url AS url
ORDER BY source
