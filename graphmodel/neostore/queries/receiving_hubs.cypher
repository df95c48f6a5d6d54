// title: Receiving hubs
// description: Countries that took in deportees of other nationalities, ranked by the number of distinct named nationalities, then people. Only receptions that happened count (a planned one is not a reception). Placeholder actors (unspecified nationalities, unnamed groups) are never hubs; people of unspecified nationality count in people_reported but not as a nationality. Alternative claims of one event count once (the most confident, then the largest); a claim that is part of a counted group (part_of) adds its nationality, never its people, which are in the group's count.
MATCH (n:Country)-[r:RECEIVED]->(h:Country)
WHERE n <> h AND coalesce(r.status, '') <> 'planned' AND NOT h.kind IN ['group', 'unspecified']
WITH h, n, coalesce(r.event, r.id) AS event, r,
     CASE r.confidence WHEN 'confirmed' THEN 3 WHEN 'reported' THEN 2 ELSE 1 END AS rank
ORDER BY rank DESC, coalesce(r.count, 0) DESC
WITH h, n, event, collect(r)[0] AS claim
RETURN h.code AS code, h.name AS name,
       count(DISTINCT CASE WHEN n.kind = 'country' THEN n END) AS nationalities,
       sum(CASE WHEN claim.part_of IS NULL THEN coalesce(claim.count, 0) ELSE 0 END) AS people_reported,
       count(claim) AS events
ORDER BY nationalities DESC, people_reported DESC, code
