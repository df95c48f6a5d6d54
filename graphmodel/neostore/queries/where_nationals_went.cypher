// title: Where did nationals of a country end up
// description: One hop along RECEIVED from the nationality; includes own-country returns (receiver = nationality).
// params: nationality (code, e.g. VE)
MATCH (n:Country {code: $nationality})-[r:RECEIVED]->(h:Country)
RETURN h.code AS receiver, h.name AS name, r.date AS date, r.count AS count, r.count_qualifier AS qualifier,
       r.status AS status, r.id AS id, r.sources AS sources
ORDER BY r.date_start, receiver
