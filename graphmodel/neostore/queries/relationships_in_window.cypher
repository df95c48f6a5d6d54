// title: Relationships in a date window
// description: Every relationship whose period overlaps the window, as analyze --from --to selects them: date_start and date_end are the first and last day a date stands for (2025-03 is 1 to 31 March).
// params: from (first day, a date: from=date:2025-03-01); to (last day, a date: to=date:2025-06-30)
MATCH (a:Country)-[r]->(b:Country)
WHERE r.date_start <= $to AND r.date_end >= $from
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, r.date AS date, r.date_start AS date_start, r.date_end AS date_end
ORDER BY date_start, id
