// title: Everything about one country
// description: Every relationship into or out of a country, in date order.
// params: country (code, e.g. XK)
MATCH (c:Country {code: $country})-[r]-(other:Country)
RETURN r.date AS date, type(r) AS type, startNode(r).code AS from, endNode(r).code AS to, r.status AS status,
       r.instrument AS instrument, r.count AS count, r.amount AS amount, r.confidence AS confidence,
       r.id AS id, r.sources AS sources
ORDER BY r.date_start, id
