// title: Pattern: agreed, nothing received yet
// description: analysis pattern agreed_nothing_received in Cypher: Y, a named country, agreed to A's approach and no reception into Y is recorded (a planned one is not a reception; own citizens excluded).
MATCH (a:Country)-[r:APPROACHED]->(y:Country)
WHERE r.status IN ['agreed', 'conditional'] AND coalesce(r.stated_by, 'pressed') = 'pressed' AND coalesce(r.campaign, true)
  AND NOT y.kind IN ['group', 'unspecified']
WITH DISTINCT a, y
WHERE NOT EXISTS { MATCH (n:Country)-[rc:RECEIVED]->(y) WHERE n <> y AND coalesce(rc.status, '') <> 'planned' }
RETURN y.code AS country, a.code AS other
ORDER BY country, other
