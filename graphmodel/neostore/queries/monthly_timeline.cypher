// title: Timeline
// description: Approach, agreement, reception and payment events per month, as leverage timeline counts them: claims sharing an event (with type and endpoints) count once, on the most confident account (then the largest, then the first); agreements are the pressed country's own (stated_by pressed); receptions happened (not planned), are of other nationalities and are not part of a counted group (part_of: the group is the reception); payments were made; approaches and payments are the campaign's. Claims dated only to a quarter or a year, or to a period ("../2025-05"), are counted in their own row ("2025, month unknown"), right after the period's last month, never in a month.
MATCH (a:Country)-[r:APPROACHED|RECEIVED|PAID]->(b)
// From :Country, like every other library query: a load still under way
// keeps its relationships between nodes of another label.
WITH a, b, r, r.event AS event
// Only a claim that shares an event needs its rank read: the others stand
// alone (one group each), which keeps the query near one pass.
WITH a, b, r, event,
     CASE WHEN event IS NULL THEN [0, 0, 0, false] ELSE [
       CASE r.confidence WHEN 'confirmed' THEN 3 WHEN 'reported' THEN 2 ELSE 1 END,
       CASE WHEN coalesce(r.count, 0) > coalesce(r.amount, 0) THEN coalesce(r.count, 0) ELSE coalesce(r.amount, 0) END,
       r.seq, coalesce(r.status, '') IN ['block_lifted', 'withdrawn']] END AS rank
ORDER BY rank[0] DESC, rank[1] DESC, rank[2]
WITH coalesce(event, elementId(r)) AS ev, type(r) AS t, a, b, rank[3] AS undo, collect(r)[0] AS r
WHERE (r.date_start IS NOT NULL OR r.date_end IS NOT NULL)
  AND NOT (t = 'RECEIVED' AND (a = b OR coalesce(r.status, '') = 'planned'))
  // A part of a counted group (part_of) is inside its group's reception;
  // the group is always in the database (load checks it), and this query
  // takes every date.
  AND NOT (t = 'RECEIVED' AND r.part_of IS NOT NULL)
  AND NOT (t = 'PAID' AND coalesce(r.status, '') = 'planned')
  AND (t = 'RECEIVED' OR coalesce(r.campaign, true))
WITH r, t, r.date_precision IN ['day', 'month'] AS monthly, r.date_precision IN ['day', 'month', 'quarter', 'year'] AS single
WITH r, t,
     CASE WHEN monthly THEN substring(toString(r.date_start), 0, 7) ELSE r.date + ', month unknown' END AS period,
     CASE WHEN monthly THEN 'month' ELSE r.date_precision END AS precision,
     CASE WHEN single THEN r.date_start.year ELSE coalesce(r.date_end, r.date_start).year END * 1000 + CASE
       WHEN monthly THEN r.date_start.month * 10
       WHEN r.date_precision = 'quarter' THEN ((r.date_start.month - 1) / 3 + 1) * 30 + 5
       WHEN single THEN 125
       WHEN r.date_end IS NULL THEN 126
       ELSE r.date_end.month * 10 + 6 END AS position
WITH period, precision, position,
     sum(CASE WHEN t = 'APPROACHED' AND coalesce(r.status, '') <> 'withdrawn' THEN 1 ELSE 0 END) AS approaches,
     sum(CASE WHEN t = 'APPROACHED' AND r.status IN ['agreed', 'conditional'] AND coalesce(r.stated_by, 'pressed') = 'pressed' THEN 1 ELSE 0 END) AS agreements,
     sum(CASE t WHEN 'RECEIVED' THEN 1 ELSE 0 END) AS receptions,
     sum(CASE t WHEN 'PAID' THEN 1 ELSE 0 END) AS payments
RETURN period, precision, approaches, agreements, receptions, payments
ORDER BY position, period
