// title: Nationalities dispersed to most third countries
// description: For each named nationality, the third countries its people were received in (own-country returns and planned receptions excluded).
MATCH (n:Country {kind: 'country'})-[r:RECEIVED]->(h:Country)
WHERE n <> h AND coalesce(r.status, '') <> 'planned'
WITH n, collect(DISTINCT h.code) AS receivers
RETURN n.code AS nationality, n.name AS name, size(receivers) AS third_countries, receivers
ORDER BY third_countries DESC, nationality
