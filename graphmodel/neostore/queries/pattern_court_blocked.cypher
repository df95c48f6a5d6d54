// title: Pattern: removal blocked by a court
// description: analysis pattern court_blocked in Cypher.
// A pair whose only row says a block was lifted is no court block.
MATCH (a:Country)-[r:REMOVAL_BLOCKED]->(y:Country)
WHERE coalesce(r.status, '') <> 'block_lifted' AND coalesce(r.campaign, true)
RETURN DISTINCT y.code AS country, a.code AS other
ORDER BY country, other
