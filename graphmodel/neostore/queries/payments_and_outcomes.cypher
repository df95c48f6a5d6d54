// title: Payments and what followed
// description: Every payment in date order per payee, with the payee's agreements to the payer and the receptions by the payee; each list is gathered once per payee or pair of countries, never as a cross product.
MATCH (a:Country)-[:PAID]->(y:Country)
WITH DISTINCT a, y
CALL (a, y) {
  OPTIONAL MATCH (a)-[ap:APPROACHED]->(y) WHERE ap.status IN ['agreed', 'conditional']
  RETURN collect(DISTINCT ap.date + ' ' + ap.status) AS agreements
}
WITH y, collect({payer: a, agreements: agreements}) AS payers
CALL (y) {
  OPTIONAL MATCH (n:Country)-[rc:RECEIVED]->(y) WHERE n <> y
  RETURN collect(DISTINCT rc.date + ' ' + n.code) AS receptions
}
UNWIND payers AS payer
WITH payer.payer AS a, payer.agreements AS agreements, y, receptions
MATCH (a)-[p:PAID]->(y)
RETURN a.code AS payer, y.code AS payee, p.date AS paid_on, p.date_start AS date_start, p.amount AS amount, p.currency AS currency,
       p.amount_qualifier AS qualifier, p.confidence AS confidence, p.event AS event,
       agreements, receptions, p.sources AS sources
ORDER BY payee, date_start, p.id
