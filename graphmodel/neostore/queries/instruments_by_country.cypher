// title: Leverage instruments applied per country
// description: Instruments on relationships into each country, with how often each was reported.
MATCH (a:Country)-[r]->(y:Country)
WHERE r.instrument IS NOT NULL AND type(r) <> 'CONCESSION_SOUGHT'
RETURN y.code AS country, y.name AS name, r.instrument AS instrument, count(r) AS relationships,
       collect(DISTINCT type(r)) AS types
ORDER BY country, instrument
