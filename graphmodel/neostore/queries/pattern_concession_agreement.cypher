// title: Pattern: concession sought → agreement
// description: analysis pattern concession_agreement in Cypher.
MATCH (y:Country)-[c:CONCESSION_SOUGHT]->(a:Country)
WHERE coalesce(c.campaign, true)
WITH DISTINCT y, a
WHERE EXISTS { MATCH (a)-[ap:APPROACHED]->(y) WHERE ap.status IN ['agreed', 'conditional'] AND coalesce(ap.stated_by, 'pressed') = 'pressed' }
RETURN y.code AS country, a.code AS other
ORDER BY country, other
