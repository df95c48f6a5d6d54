// title: Travel-ban leverage and outcomes
// description: Travel-ban threats, impositions and offers of relief in date order, with the target's answers to approaches from the same country (gathered once per pair of countries).
MATCH (a:Country)-[:TRAVEL_BAN_LEVERAGE]->(y:Country)
WITH DISTINCT a, y
CALL (a, y) { OPTIONAL MATCH (a)-[ap:APPROACHED]->(y) RETURN collect(DISTINCT ap.date + ' ' + ap.status) AS answers }
MATCH (a)-[t:TRAVEL_BAN_LEVERAGE]->(y)
RETURN a.code AS from, y.code AS target, y.name AS target_name, t.date AS date, t.date_start AS date_start, t.status AS leverage,
       answers, t.sources AS sources
ORDER BY date_start, target, t.id
