// title: Relationships citing a source
// description: From a source id back to every relationship that cites it, through the full-text index relationship_sources (no scan of all relationships).
// params: source (source id, e.g. cbs-2025-02-panama)
MATCH (s:Source {id: $source})
CALL db.index.fulltext.queryRelationships('relationship_sources', '"' + replace(replace($source, '\\', '\\\\'), '"', '\\"') + '"') YIELD relationship AS r
WITH s, r WHERE s.id IN r.sources AND startNode(r):Country
MATCH (a)-[r]->(b)
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, r.date AS date, r.date_start AS date_start, r.note AS note
ORDER BY date_start, id
