// title: Top hubs of a layer, from the metrics in the graph
// description: Countries by PageRank in one layer as analyze --neo4j --write stored them (<metric>_<layer>), with the run that computed them; no rows until that has been run.
// params: layer (all, approach, flow, money, leverage or onward)
MATCH (x:Analysis)
MATCH (c:Country) WHERE c['pagerank_' + $layer] IS NOT NULL
RETURN c.code AS code, c.name AS name, c['pagerank_' + $layer] AS pagerank, c['hub_' + $layer] AS hub,
       c['authority_' + $layer] AS authority, c['betweenness_' + $layer] AS betweenness, c['core_' + $layer] AS core,
       c['community_' + $layer] AS community, x.window AS window, x.content_hash AS content_hash
ORDER BY pagerank DESC, code
LIMIT 20
