// title: Monthly timeline
// description: Approaches, agreements, receptions and payments per month of their date's start.
MATCH ()-[r:APPROACHED|RECEIVED|PAID]->()
WHERE r.date_start IS NOT NULL AND NOT (type(r) = 'RECEIVED' AND startNode(r) = endNode(r))
WITH date.truncate('month', r.date_start) AS month, r
RETURN toString(month) AS month,
       sum(CASE type(r) WHEN 'APPROACHED' THEN 1 ELSE 0 END) AS approaches,
       sum(CASE WHEN type(r) = 'APPROACHED' AND r.status IN ['agreed', 'conditional'] THEN 1 ELSE 0 END) AS agreements,
       sum(CASE type(r) WHEN 'RECEIVED' THEN 1 ELSE 0 END) AS receptions,
       sum(CASE type(r) WHEN 'PAID' THEN 1 ELSE 0 END) AS payments
ORDER BY month
