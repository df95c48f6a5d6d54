// title: Timeline
// description: Approaches, agreements, receptions (that happened, other nationalities) and payments per month. Claims dated only to a quarter or a year are counted in their own row ("2025, month unknown"), after the period's last month, never in a month.
MATCH (:Country)-[r:APPROACHED|RECEIVED|PAID]->()
WHERE r.date_start IS NOT NULL
  AND NOT (type(r) = 'RECEIVED' AND (startNode(r) = endNode(r) OR coalesce(r.status, '') = 'planned'))
WITH r, r.date_precision IN ['day', 'month'] AS monthly
WITH r,
     CASE WHEN monthly THEN substring(toString(r.date_start), 0, 7) ELSE r.date + ', month unknown' END AS period,
     CASE WHEN monthly THEN 'month' ELSE r.date_precision END AS precision,
     r.date_start.year * 1000 + CASE
       WHEN monthly THEN r.date_start.month * 10
       WHEN r.date_precision = 'quarter' THEN ((r.date_start.month - 1) / 3 + 1) * 30 + 5
       ELSE 125 END AS position
WITH period, precision, position,
     sum(CASE type(r) WHEN 'APPROACHED' THEN 1 ELSE 0 END) AS approaches,
     sum(CASE WHEN type(r) = 'APPROACHED' AND r.status IN ['agreed', 'conditional'] THEN 1 ELSE 0 END) AS agreements,
     sum(CASE type(r) WHEN 'RECEIVED' THEN 1 ELSE 0 END) AS receptions,
     sum(CASE type(r) WHEN 'PAID' THEN 1 ELSE 0 END) AS payments
RETURN period, precision, approaches, agreements, receptions, payments
ORDER BY position
