// title: Receiving hubs
// description: Countries that took in deportees of other nationalities, ranked by the number of distinct nationalities, then people. Alternative claims of one event count once (the most confident, then the largest).
MATCH (n:Country)-[r:RECEIVED]->(h:Country)
WHERE n <> h
WITH h, n, coalesce(r.event, r.id) AS event, r,
     CASE r.confidence WHEN 'confirmed' THEN 3 WHEN 'reported' THEN 2 ELSE 1 END AS rank
ORDER BY rank DESC, coalesce(r.count, 0) DESC
WITH h, n, event, collect(r)[0] AS claim
RETURN h.code AS code, h.name AS name,
       count(DISTINCT n) AS nationalities,
       sum(coalesce(claim.count, 0)) AS people_reported,
       count(claim) AS events
ORDER BY nationalities DESC, people_reported DESC, code
