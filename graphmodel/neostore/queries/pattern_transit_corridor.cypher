// title: Pattern: transit corridor
// description: analysis pattern transit_corridor in Cypher.
MATCH (y:Country)-[:TRANSIT]->(d:Country)
RETURN DISTINCT y.code AS country, d.code AS other
ORDER BY country, other
