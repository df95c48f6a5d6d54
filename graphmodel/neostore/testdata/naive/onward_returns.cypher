// title: Onward returns to the country of origin
// description: Countries that received deportees and sent people on to their origin, with the receptions behind them.
MATCH (y:Country)-[o:ONWARD_RETURN]->(origin:Country)
OPTIONAL MATCH (n:Country)-[rc:RECEIVED]->(y) WHERE n <> y AND (n = origin OR origin.kind <> 'country')
RETURN y.code AS first_receiver, origin.code AS sent_to, o.date AS date, o.count AS count,
       o.count_qualifier AS qualifier, collect(DISTINCT n.code) AS nationalities_received, o.sources AS sources
ORDER BY first_receiver, date
