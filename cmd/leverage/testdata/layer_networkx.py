#!/usr/bin/env python3
"""Recomputes a layer's metrics with networkx from the GraphML file that
`leverage export --layer L --format graphml` wrote, and compares them with
`leverage analyze --layer L --format json`.

The placeholder rule is applied as the README states it: nodes whose
placeholder attribute is true keep their edges in in/out strength only;
every other metric is computed on the graph without them.

Usage: layer_networkx.py LAYER.graphml ANALYZE.json TOLERANCE
Prints a JSON report: per metric the largest absolute difference, and a
list of failures (empty when every value agrees within TOLERANCE).
"""
import json
import sys

import networkx as nx
import numpy as np


def unique_top(g, weight):
    if g.number_of_edges() == 0:
        return False
    s = np.linalg.svd(nx.to_numpy_array(g, weight=weight), compute_uv=False)
    return bool(len(s) < 2 or s[0] - s[1] > 1e-6 * s[0])


def main():
    path, report_path, tol = sys.argv[1], sys.argv[2], float(sys.argv[3])
    full = nx.read_graphml(path)
    if not full.is_directed() or full.is_multigraph():
        raise SystemExit("want a directed simple graph")
    placeholders = {v for v, d in full.nodes(data=True) if d.get("placeholder")}
    g = full.subgraph([v for v in full if v not in placeholders]).copy()
    ours = {}
    with open(report_path) as f:
        rep = json.load(f)
    for h in rep["hubs"]:
        ours[h["node"]] = h
    mine = {}
    pr = nx.pagerank(g, alpha=0.85, weight=None, tol=1e-13, max_iter=10000)
    prw = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    bc = nx.betweenness_centrality(g, normalized=True)
    cl = nx.closeness_centrality(g, wf_improved=True)
    hc = nx.harmonic_centrality(g)
    core = nx.core_number(g)
    hits = hits_w = None
    if unique_top(g, None):
        hits = nx.hits(nx.DiGraph(g.edges()), max_iter=10000, tol=1e-12)
    if unique_top(g, "weight"):
        hits_w = nx.hits(g, max_iter=10000, tol=1e-12)
    for v in g:
        m = {
            "in_degree": g.in_degree(v), "out_degree": g.out_degree(v),
            "in_strength": full.in_degree(v, weight="weight"), "out_strength": full.out_degree(v, weight="weight"),
            "pagerank": pr[v], "pagerank_weighted": prw[v],
            "betweenness": bc[v], "closeness": cl[v], "harmonic": hc[v], "core": core[v],
        }
        if hits:
            m["hub"], m["authority"] = hits[0].get(v, 0.0), hits[1].get(v, 0.0)
        if hits_w:
            m["hub_weighted"], m["authority_weighted"] = hits_w[0].get(v, 0.0), hits_w[1].get(v, 0.0)
        mine[v] = m
    failures, worst = [], {}
    if set(mine) != set(ours):
        failures.append("node sets differ: networkx %s, leverage %s" % (sorted(mine), sorted(ours)))
    for v, m in mine.items():
        for k, x in m.items():
            if v not in ours:
                continue
            d = abs(ours[v][k] - x)
            worst[k] = max(worst.get(k, 0.0), d)
            if d > tol:
                failures.append("%s %s: leverage %.15g, networkx %.15g" % (v, k, ours[v][k], x))
    # Modularity of our partition, re-scored by networkx on the undirected view.
    ug = nx.Graph()
    ug.add_nodes_from(g)
    for u, v, d in g.edges(data=True):
        w = d["weight"] + (ug[u][v]["weight"] if ug.has_edge(u, v) else 0.0)
        ug.add_edge(u, v, weight=w)
    # An edge of unknown size weighs 0; on a graph of no weight at all
    # modularity is undefined (networkx divides by it), so leverage finds
    # and scores communities on unit weights and says so (README, "Unknown
    # sizes weigh nothing").
    unweighted = ug.number_of_edges() > 0 and ug.size(weight="weight") == 0
    if unweighted:
        for u, v in ug.edges():
            ug[u][v]["weight"] = 1.0
    if unweighted != bool(rep["communities"].get("unweighted_fallback", False)):
        failures.append("communities on unit weights: leverage %s, the rule says %s" % (rep["communities"].get("unweighted_fallback", False), unweighted))
    q = 0.0
    if ug.number_of_edges():
        q = nx.community.modularity(ug, [set(c) for c in rep["communities"]["members"]], weight="weight")
    worst["modularity"] = abs(q - rep["communities"]["modularity"])
    if worst["modularity"] > tol:
        failures.append("modularity: leverage %.15g, networkx %.15g" % (rep["communities"]["modularity"], q))
    print(json.dumps({"networkx": nx.__version__, "placeholders": sorted(placeholders), "max_abs_diff": worst,
                      "hits_compared": bool(hits), "hits_weighted_compared": bool(hits_w), "failures": failures}))


if __name__ == "__main__":
    main()
