// title: Community members of a layer
// description: Louvain communities of one layer as analyze --neo4j --write stored them (community_<layer>), largest first, with the run's modularity; no rows until that has been run.
// params: layer (all, approach, flow, money, leverage or onward)
MATCH (x:Analysis)
MATCH (c:Country) WHERE c['community_' + $layer] IS NOT NULL
WITH x, c['community_' + $layer] AS community, c ORDER BY c.code
RETURN community, count(c) AS size, collect(c.code) AS members, x['modularity_' + $layer] AS modularity, x.louvain_seed AS seed
ORDER BY community
