#!/usr/bin/env python3
"""networkx's reading of every corpus file marked "read" in MANIFEST.tsv,
reduced as analyze --graph documents (exports/graphread, README "Graph
files from other tools"): an undirected edge is two arcs of its weight,
self-loops are dropped, parallel arcs are summed. For each file it writes
PageRank (unweighted and weighted, damping 0.85) and normalised directed
betweenness per node to OUT as JSON.

It also checks, for every undirected file, that the arcs reading gives
what networkx computes on the undirected graph itself (PageRank and
betweenness), so "an undirected edge is two arcs" is checked against
networkx's own undirected definitions, not assumed.

Usage: corpus_reference.py CORPUS_DIR MANIFEST OUT_JSON
"""
import io
import json
import math
import os
import sys

import networkx as nx

def read_gexf_11(p):
    """networkx knows GEXF 1.1 only under the www.gexf.net namespace; the
    content is read unchanged otherwise."""
    with open(p, "rb") as f:
        data = f.read().replace(b"http://gexf.net/1.1draft", b"http://www.gexf.net/1.1draft")
    return nx.read_gexf(io.BytesIO(data))


def igraph_pajek(p):
    """igraph's Pajek reader, for what networkx misreads (*Arcslist lines
    give networkx their first arc only); vertices named by their labels."""
    import igraph as ig

    g = ig.Graph.Read_Pajek(p)
    names = g.vs["name"] if "name" in g.vs.attributes() else [str(i + 1) for i in range(g.vcount())]
    m = nx.MultiDiGraph() if g.is_directed() else nx.MultiGraph()
    m.add_nodes_from(names)
    ws = g.es["weight"] if "weight" in g.es.attributes() else [1.0] * g.ecount()
    for e, w in zip(g.es, ws):
        m.add_edge(names[e.source], names[e.target], weight=w)
    return m


READERS = {
    "igraph_read_pajek": igraph_pajek,
    "read_gexf_11": read_gexf_11,
    "read_gexf": lambda p: nx.read_gexf(p),
    "read_graphml": lambda p: nx.read_graphml(p),
    "read_gml": lambda p: nx.read_gml(p),
    "read_gml_name": lambda p: nx.read_gml(p, label="name"),
    "read_pajek": lambda p: nx.read_pajek(p),
    "read_edgelist_directed": lambda p: nx.read_edgelist(p, create_using=nx.DiGraph),
    "read_weighted_edgelist_tab": lambda p: nx.read_weighted_edgelist(p, delimiter="\t"),
}


def weight(d):
    w = d.get("weight", 1.0)
    if isinstance(w, list):  # a dynamic GEXF weight: (value, start, end) spells
        w = w[-1][0]
    return float(w)


def arcs(g, undirected):
    """The simple digraph our reader builds from networkx's graph."""
    d = nx.DiGraph()
    d.add_nodes_from(g)
    for u, v, data in g.edges(data=True):
        w = weight(data)
        pairs = [(u, v)] if g.is_directed() and not undirected else [(u, v), (v, u)]
        for a, b in pairs:
            if a == b:
                continue
            if d.has_edge(a, b):
                d[a][b]["weight"] += w
            else:
                d.add_edge(a, b, weight=w)
    return d


def metrics(d):
    pr = nx.pagerank(d, alpha=0.85, weight=None, tol=1e-15, max_iter=100000)
    prw = nx.pagerank(d, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    bc = nx.betweenness_centrality(d, normalized=True)
    return {str(v): {"pagerank": pr[v], "pagerank_weighted": prw[v], "betweenness": bc[v]} for v in d}


def check_undirected(g, got):
    """The two-arc reading against networkx on the undirected graph."""
    u = nx.Graph()
    u.add_nodes_from(g)
    u.add_edges_from((a, b) for a, b in g.edges() if a != b)
    pr = nx.pagerank(u, alpha=0.85, weight=None, tol=1e-15, max_iter=100000)
    bc = nx.betweenness_centrality(u, normalized=True)
    for v in u:
        for name, want in (("pagerank", pr[v]), ("betweenness", bc[v])):
            if not math.isclose(got[str(v)][name], want, rel_tol=0, abs_tol=1e-12):
                sys.exit(f"two arcs per undirected edge differ from networkx's undirected {name} at {v}: {got[str(v)][name]} vs {want}")


def main():
    corpus, manifest, out = sys.argv[1:4]
    result = {}
    for line in open(manifest, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, _tool, _origin, _licence, options, reader, expect = line.rstrip("\n").split("\t")
        if expect != "read":
            continue
        g = READERS[reader](os.path.join(corpus, name))
        undirected = "undirected" in options.split(",") or not g.is_directed()
        d = arcs(g, undirected)
        got = metrics(d)
        if undirected:
            check_undirected(g, got)
        result[name] = {"nodes": d.number_of_nodes(), "arcs": d.number_of_edges(), "metrics": got}
    with open(out, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)


main()
