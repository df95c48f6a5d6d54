// title: Countries approached repeatedly
// description: Pairs with two or more approaches, their answers in date order.
MATCH (a:Country)-[r:APPROACHED]->(y:Country)
WITH a, y, r ORDER BY r.date_start
WITH a, y, collect(r.date + ' ' + r.status) AS answers, count(r) AS approaches
WHERE approaches >= 2
RETURN y.code AS country, y.name AS name, a.code AS by, approaches, answers
ORDER BY approaches DESC, country
