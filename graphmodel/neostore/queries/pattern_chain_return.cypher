// title: Pattern: received, then returned onward
// description: analysis pattern chain_return in Cypher: Y received nationality N (a reception that happened, not a planned one) and sent people on to N, or to a placeholder actor (unspecified nationalities or a group) when the source does not name the origin.
MATCH (y:Country)-[:ONWARD_RETURN]->(o:Country)
WITH DISTINCT y, o
WHERE EXISTS { MATCH (n:Country)-[rc:RECEIVED]->(y) WHERE n <> y AND coalesce(rc.status, '') <> 'planned' AND (o.kind IN ['unspecified', 'group'] OR n = o) }
RETURN y.code AS country, o.code AS other
ORDER BY country, other
