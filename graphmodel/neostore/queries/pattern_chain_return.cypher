// title: Pattern: received, then returned onward
// description: analysis pattern chain_return in Cypher: Y received nationality N and sent people on to N, or to an origin the source does not name.
MATCH (y:Country)-[:ONWARD_RETURN]->(o:Country)
WITH DISTINCT y, o
WHERE EXISTS { MATCH (n:Country)-[:RECEIVED]->(y) WHERE n <> y AND (o.code = 'ZZ' OR o.kind = 'group' OR n = o) }
RETURN y.code AS country, o.code AS other
ORDER BY country, other
