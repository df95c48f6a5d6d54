// title: Receiving hubs that were pressed
// description: Countries central to the flow of deportees (pagerank_flow from analyze --neo4j --write) that were approached or faced leverage, with how often and by whom; placeholders and groups left out.
MATCH (x:Analysis)
MATCH (c:Country) WHERE c.pagerank_flow IS NOT NULL AND NOT c:Placeholder
CALL (c) {
  MATCH (p:Country)-[r:APPROACHED|TRAVEL_BAN_LEVERAGE|OTHER_LEVERAGE|CONCESSION_SOUGHT]->(c)
  RETURN count(r) AS pressures, collect(DISTINCT p.code) AS pressed_by, collect(DISTINCT type(r)) AS types
}
WITH c, x, pressures, pressed_by, types WHERE pressures > 0
RETURN c.code AS code, c.name AS name, c.pagerank_flow AS pagerank_flow, c.in_strength_flow AS people_received,
       pressures, pressed_by, types, x.window AS window
ORDER BY pagerank_flow DESC, code
LIMIT 20
