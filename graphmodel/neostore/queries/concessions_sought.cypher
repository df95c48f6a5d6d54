// title: Concessions sought in return
// description: What pressed countries asked for, in date order per country, with their answers to the pressing country (gathered once per pair of countries).
MATCH (y:Country)-[:CONCESSION_SOUGHT]->(a:Country)
WITH DISTINCT a, y
CALL (a, y) { OPTIONAL MATCH (a)-[ap:APPROACHED]->(y) RETURN collect(DISTINCT ap.date + ' ' + ap.status) AS answers }
MATCH (y)-[c:CONCESSION_SOUGHT]->(a)
RETURN y.code AS country, a.code AS asked, c.instrument AS asked_for, c.date AS date, c.date_start AS date_start,
       answers, c.sources AS sources
ORDER BY country, date_start, c.id
