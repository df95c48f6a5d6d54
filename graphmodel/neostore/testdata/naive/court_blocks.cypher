// title: Removals blocked by courts
// description: Court blocks with the approaches to the same destination and transits toward it.
MATCH (a:Country)-[b:REMOVAL_BLOCKED]->(y:Country)
OPTIONAL MATCH (w:Country)-[t:TRANSIT]->(y)
RETURN a.code AS from, y.code AS destination, b.date AS date, collect(DISTINCT w.code) AS waypoints, b.note AS note, b.sources AS sources
ORDER BY date, destination
