#!/usr/bin/env python3
"""Writes GraphML files with networkx and igraph, and the metrics each
library computes on its own graph, for the Go reader test.

Usage: write_graphs.py OUT_DIR
For each of nx-directed, nx-undirected, igraph-directed, igraph-undirected
it writes NAME.graphml and NAME.json ({node: {pagerank, pagerank_weighted,
degree_in, strength_in}}), keyed by the node ids the file uses.
"""
import json
import os
import random
import sys

import igraph as ig
import networkx as nx


def edges(seed, n=30, m=80):
    rng = random.Random(seed)
    out = set()
    while len(out) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v and (u, v) not in out and (v, u) not in out:
            out.add((u, v))
    return [(u, v, rng.randint(1, 9)) for u, v in sorted(out)]


def networkx_files(out, directed):
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from("v%02d" % i for i in range(30))
    for u, v, w in edges(1):
        g.add_edge("v%02d" % u, "v%02d" % v, weight=float(w))
    name = "nx-" + ("directed" if directed else "undirected")
    nx.write_graphml(g, os.path.join(out, name + ".graphml"))
    pr = nx.pagerank(g, weight=None, tol=1e-13, max_iter=10000)
    prw = nx.pagerank(g, weight="weight", tol=1e-13, max_iter=10000)
    indeg = g.in_degree if directed else g.degree
    ref = {v: {"pagerank": pr[v], "pagerank_weighted": prw[v], "degree_in": indeg(v),
               "strength_in": indeg(v, weight="weight")} for v in g}
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)


def igraph_files(out, directed):
    es = edges(2)
    g = ig.Graph(n=30, edges=[(u, v) for u, v, _ in es], directed=directed)
    g.es["weight"] = [float(w) for _, _, w in es]
    name = "igraph-" + ("directed" if directed else "undirected")
    g.write_graphml(os.path.join(out, name + ".graphml"))
    pr = g.pagerank(damping=0.85)
    prw = g.pagerank(damping=0.85, weights="weight")
    mode = "in" if directed else "all"
    deg = g.degree(mode=mode)
    st = g.strength(mode=mode, weights="weight")
    # igraph names the nodes n0, n1, ... in its GraphML.
    ref = {"n%d" % i: {"pagerank": pr[i], "pagerank_weighted": prw[i], "degree_in": deg[i], "strength_in": st[i]}
           for i in range(g.vcount())}
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for directed in (True, False):
        networkx_files(out, directed)
        igraph_files(out, directed)


if __name__ == "__main__":
    main()
