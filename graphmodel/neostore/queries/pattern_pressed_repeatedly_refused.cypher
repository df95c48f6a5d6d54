// title: Pattern: pressed repeatedly → refused or no answer
// description: analysis pattern pressed_repeatedly_refused in Cypher.
MATCH (a:Country)-[r:APPROACHED]->(y:Country)
WHERE coalesce(r.campaign, true)
WITH a, y, count(r) AS approaches, sum(CASE WHEN r.status IN ['refused', 'no_response'] THEN 1 ELSE 0 END) AS refusals
WHERE approaches >= 2 AND refusals > 0
RETURN y.code AS country, a.code AS other
ORDER BY country, other
