// title: Pattern: payment → acceptance
// description: analysis pattern payment_acceptance in Cypher: A paid Y in a payment a source ties to accepting deportees (payment_tie tied), and Y agreed to A's approach or received people of another nationality (a reception that happened, not a planned one).
MATCH (a:Country)-[p:PAID]->(y:Country)
WHERE p.payment_tie = 'tied' AND coalesce(p.campaign, true)
WITH DISTINCT a, y
WHERE EXISTS { MATCH (a)-[ap:APPROACHED]->(y) WHERE ap.status IN ['agreed', 'conditional'] AND coalesce(ap.stated_by, 'pressed') = 'pressed' }
   OR EXISTS { MATCH (n:Country)-[rc:RECEIVED]->(y) WHERE n <> y AND coalesce(rc.status, '') <> 'planned' }
RETURN y.code AS country, a.code AS other
ORDER BY country, other
