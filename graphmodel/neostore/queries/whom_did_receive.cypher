// title: Whom did a country receive
// description: One hop against RECEIVED into the receiver: nationalities, counts and dates.
// params: country (code, e.g. PA)
MATCH (n:Country)-[r:RECEIVED]->(h:Country {code: $country})
RETURN n.code AS nationality, n.name AS name, r.date AS date, r.count AS count, r.count_qualifier AS qualifier,
       r.status AS status, r.id AS id, r.sources AS sources
ORDER BY r.date_start, nationality
