// title: Travel-ban leverage and outcomes
// description: Travel-ban threats, impositions and offers of relief, with the target's answers to approaches from the same country.
MATCH (a:Country)-[t:TRAVEL_BAN_LEVERAGE]->(y:Country)
OPTIONAL MATCH (a)-[ap:APPROACHED]->(y)
RETURN a.code AS from, y.code AS target, y.name AS target_name, t.date AS date, t.status AS leverage,
       collect(DISTINCT ap.date + ' ' + ap.status) AS answers, t.sources AS sources
ORDER BY date, target
