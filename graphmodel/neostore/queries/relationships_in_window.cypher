// title: Relationships in a date window
// description: Every relationship whose event period overlaps the window, as analyze --from --to selects them, with certain true when the whole period lies in the window and false when it only overlaps the window's edge. date_start and date_end are the first and last day the period allows (2025-03 is 1 to 31 March); null means open on that side (../2025-05, "by May 2025", has no date_start).
// params: from (first day, a date: from=date:2025-03-01); to (last day, a date: to=date:2025-06-30)
MATCH (a:Country)-[r]->(b:Country)
WHERE (r.date_start IS NULL OR r.date_start <= $to) AND (r.date_end IS NULL OR r.date_end >= $from)
  AND (r.date_start IS NOT NULL OR r.date_end IS NOT NULL)
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, r.date AS date, r.date_start AS date_start, r.date_end AS date_end,
       coalesce(r.date_start >= $from AND r.date_end <= $to, false) AS certain
ORDER BY date_start, id
