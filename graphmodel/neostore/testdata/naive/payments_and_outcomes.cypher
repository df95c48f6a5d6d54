// title: Payments and what followed
// description: Every payment with the payee's agreements to the payer and receptions, dated so the order is visible.
MATCH (a:Country)-[p:PAID]->(y:Country)
OPTIONAL MATCH (a)-[ap:APPROACHED]->(y) WHERE ap.status IN ['agreed', 'conditional']
OPTIONAL MATCH (n:Country)-[rc:RECEIVED]->(y) WHERE n <> y
RETURN a.code AS payer, y.code AS payee, p.date AS paid_on, p.amount AS amount, p.currency AS currency,
       p.amount_qualifier AS qualifier, p.confidence AS confidence, p.event AS event,
       collect(DISTINCT ap.date + ' ' + ap.status) AS agreements,
       collect(DISTINCT rc.date + ' ' + n.code) AS receptions,
       p.sources AS sources
ORDER BY payee, paid_on
