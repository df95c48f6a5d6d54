// title: Pattern: agreed, nothing received yet
// description: analysis pattern agreed_nothing_received in Cypher.
MATCH (a:Country)-[r:APPROACHED]->(y:Country)
WHERE r.status IN ['agreed', 'conditional'] AND y.kind <> 'group'
WITH DISTINCT a, y
WHERE NOT EXISTS { MATCH (n:Country)-[:RECEIVED]->(y) WHERE n <> y }
RETURN y.code AS country, a.code AS other
ORDER BY country, other
