// title: Pattern: removal blocked by a court
// description: analysis pattern court_blocked in Cypher.
MATCH (a:Country)-[:REMOVAL_BLOCKED]->(y:Country)
RETURN DISTINCT y.code AS country, a.code AS other
ORDER BY country, other
