// title: Pattern: concession sought → agreement
// description: analysis pattern concession_agreement in Cypher.
MATCH (y:Country)-[:CONCESSION_SOUGHT]->(a:Country)
WITH DISTINCT y, a
WHERE EXISTS { MATCH (a)-[ap:APPROACHED]->(y) WHERE ap.status IN ['agreed', 'conditional'] }
RETURN y.code AS country, a.code AS other
ORDER BY country, other
