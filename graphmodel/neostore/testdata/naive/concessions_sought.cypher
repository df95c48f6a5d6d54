// title: Concessions sought in return
// description: What pressed countries asked for, with their answers to the pressing country.
MATCH (y:Country)-[c:CONCESSION_SOUGHT]->(a:Country)
OPTIONAL MATCH (a)-[ap:APPROACHED]->(y)
RETURN y.code AS country, a.code AS asked, c.instrument AS asked_for, c.date AS date,
       collect(DISTINCT ap.date + ' ' + ap.status) AS answers, c.sources AS sources
ORDER BY country
