// title: Removals blocked by courts
// description: Court blocks in date order (date_start: the first day the date stands for), with the approaches to the same destination and transits toward it.
MATCH (a:Country)-[b:REMOVAL_BLOCKED]->(y:Country)
CALL (y) { OPTIONAL MATCH (w:Country)-[:TRANSIT]->(y) RETURN collect(DISTINCT w.code) AS waypoints }
RETURN a.code AS from, y.code AS destination, b.date AS date, b.date_start AS date_start, waypoints, b.note AS note, b.sources AS sources
ORDER BY date_start, destination, b.id
