// title: Relationships known by a date
// description: What had been reported by a day, as analyze --known-by selects it: a relationship whose first report (its own reported date, else the earliest of its sources' published dates) can fall on or before the day, with certain true when it certainly does. reported_start and reported_end bound that first report; compare relationships_in_window, which cuts by when the events happened.
// params: to (the day, a date: to=date:2025-05-31)
MATCH (a:Country)-[r]->(b:Country)
WHERE r.reported_start <= $to
RETURN r.id AS id, type(r) AS type, a.code AS from, b.code AS to, r.date AS date, r.reported_start AS reported_start, r.reported_end AS reported_end,
       coalesce(r.reported_end <= $to, false) AS certain
ORDER BY reported_start, id
