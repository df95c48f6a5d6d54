// title: Onward returns to the country of origin
// description: Countries that received deportees and sent people on to their origin, in date order, with the receptions behind them: the origin's own nationals, or every nationality when the origin is a placeholder or group (gathered once per pair).
MATCH (y:Country)-[:ONWARD_RETURN]->(origin:Country)
WITH DISTINCT y, origin
CALL (y, origin) {
  WITH y, origin WHERE origin.kind = 'country'
  RETURN CASE WHEN origin <> y AND EXISTS { (origin)-[:RECEIVED]->(y) } THEN [origin.code] ELSE [] END AS nationalities_received
  UNION ALL
  WITH y, origin WHERE origin.kind <> 'country'
  OPTIONAL MATCH (n:Country)-[:RECEIVED]->(y) WHERE n <> y
  WITH origin, collect(DISTINCT n.code) AS nationalities_received
  RETURN nationalities_received
}
MATCH (y)-[o:ONWARD_RETURN]->(origin)
RETURN y.code AS first_receiver, origin.code AS sent_to, o.date AS date, o.date_start AS date_start, o.count AS count,
       o.count_qualifier AS qualifier, nationalities_received, o.sources AS sources
ORDER BY first_receiver, date_start, o.id
