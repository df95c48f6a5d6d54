// title: Relationships citing a source
// description: From a source id back to every relationship that cites it.
// params: source (source id, e.g. cbs-2025-02-panama)
MATCH (s:Source {id: $source})
MATCH (a)-[r]->(b) WHERE s.id IN r.sources
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, r.date AS date, r.note AS note
ORDER BY r.date_start, id
