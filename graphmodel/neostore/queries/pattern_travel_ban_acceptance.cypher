// title: Pattern: travel-ban threat → acceptance
// description: analysis pattern travel_ban_acceptance in Cypher.
MATCH (a:Country)-[:TRAVEL_BAN_LEVERAGE]->(y:Country)
WITH DISTINCT a, y
WHERE EXISTS { MATCH (a)-[ap:APPROACHED]->(y) WHERE ap.status IN ['agreed', 'conditional'] }
   OR EXISTS { MATCH (n:Country)-[:RECEIVED]->(y) WHERE n <> y }
RETURN y.code AS country, a.code AS other
ORDER BY country, other
