// title: Pattern: travel-ban threat → acceptance
// description: analysis pattern travel_ban_acceptance in Cypher: A used travel-ban leverage on Y, and Y agreed to A's approach or received people of another nationality (a reception that happened, not a planned one).
MATCH (a:Country)-[t:TRAVEL_BAN_LEVERAGE]->(y:Country)
WHERE coalesce(t.campaign, true)
WITH DISTINCT a, y
WHERE EXISTS { MATCH (a)-[ap:APPROACHED]->(y) WHERE ap.status IN ['agreed', 'conditional'] AND coalesce(ap.stated_by, 'pressed') = 'pressed' }
   OR EXISTS { MATCH (n:Country)-[rc:RECEIVED]->(y) WHERE n <> y AND coalesce(rc.status, '') <> 'planned' }
RETURN y.code AS country, a.code AS other
ORDER BY country, other
