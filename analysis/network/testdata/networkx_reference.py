#!/usr/bin/env python3
"""Reference values from networkx for the graphs in graphs/*.json.

Each graph file (written by `go test ./analysis -run TestSeedReferenceGraphs
-update` for the seed layers, `go test ./analysis/network -run
TestRandomReferenceGraphs -update` for the random graphs) holds nodes, weighted directed edges and the partition our Louvain
found. For each, this script writes reference/<name>.json with networkx's
values for every hub metric, the components, the modularity of our partition
and the modularity of networkx's own Louvain partition.

Usage: networkx_reference.py GRAPH_DIR OUT_DIR
"""
import json
import os
import sys

import networkx as nx
import numpy as np
import scipy


def load(path):
    with open(path) as f:
        spec = json.load(f)
    g = nx.DiGraph()
    g.add_nodes_from(spec["nodes"])
    for u, v, w in spec["edges"]:
        g.add_edge(u, v, weight=w)
    return spec, g


def hits_unique(g, weight=None):
    """HITS vectors are unique only if the top singular value is simple."""
    if g.number_of_edges() == 0:
        return False
    a = nx.to_numpy_array(g, weight=weight)
    s = np.linalg.svd(a, compute_uv=False)
    return bool(len(s) < 2 or s[0] - s[1] > 1e-6 * s[0])


def reference(spec, full):
    # Placeholder actors keep their edges in strengths only; every other
    # metric runs on the graph without them (README, "Placeholder actors").
    placeholders = set(spec.get("placeholders") or [])
    g = full.subgraph([v for v in full if v not in placeholders]).copy()
    n = g.number_of_nodes()
    pr = nx.pagerank(g, alpha=0.85, weight=None, tol=1e-13, max_iter=10000)
    prw = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    unique = hits_unique(g)
    unique_w = hits_unique(g, weight="weight")
    if unique:
        hubs, auths = nx.hits(nx.DiGraph(g.edges()), max_iter=10000, tol=1e-12)
        hubs = {v: hubs.get(v, 0.0) for v in g}
        auths = {v: auths.get(v, 0.0) for v in g}
    else:
        hubs, auths = {}, {}
    if unique_w:
        # nx.hits weights edges by their "weight" attribute.
        hubs_w, auths_w = nx.hits(g, max_iter=10000, tol=1e-12)
    else:
        hubs_w, auths_w = {}, {}
    bc = nx.betweenness_centrality(g, normalized=True)
    cl = nx.closeness_centrality(g, wf_improved=True)
    hc = nx.harmonic_centrality(g)
    core = nx.core_number(g)
    metrics = {}
    for v in full:
        metrics[v] = {
            "out_strength": full.out_degree(v, weight="weight"),
            "in_strength": full.in_degree(v, weight="weight"),
        }
        if v in placeholders:
            continue
        metrics[v].update({
            "out_degree": g.out_degree(v),
            "in_degree": g.in_degree(v),
            "pagerank": pr[v],
            "pagerank_weighted": prw[v],
            "betweenness": bc[v],
            "closeness": cl[v],
            "harmonic": hc[v],
            "core": core[v],
        })
        if unique:
            metrics[v]["hub"] = hubs[v]
            metrics[v]["authority"] = auths[v]
        if unique_w:
            metrics[v]["hub_weighted"] = hubs_w[v]
            metrics[v]["authority_weighted"] = auths_w[v]
    ug = nx.Graph()
    ug.add_nodes_from(g)
    for u, v, d in g.edges(data=True):
        w = d["weight"] + (ug[u][v]["weight"] if ug.has_edge(u, v) else 0.0)
        ug.add_edge(u, v, weight=w)
    # An edge of unknown size weighs 0 (README, "Unknown stays unknown");
    # modularity is undefined on a graph of total weight 0 (networkx
    # divides by it), so there communities run on unit weights.
    unweighted = ug.number_of_edges() > 0 and ug.size(weight="weight") == 0
    if unweighted:
        for u, v in ug.edges():
            ug[u][v]["weight"] = 1.0
    ours = [set(c) for c in spec["partition"]]
    if ug.number_of_edges():
        our_q = nx.community.modularity(ug, ours, weight="weight")
        theirs = nx.community.louvain_communities(ug, weight="weight", seed=1)
        their_q = nx.community.modularity(ug, theirs, weight="weight")
    else:
        our_q = their_q = 0.0
    return {
        "generated_by": "analysis/network/testdata/networkx_reference.py",
        "networkx": nx.__version__,
        "scipy": scipy.__version__,
        "nodes": n,
        "edges": g.number_of_edges(),
        "hits_unique": unique,
        "hits_weighted_unique": unique_w,
        "metrics": metrics,
        "weak_components": sorted(sorted(c) for c in nx.weakly_connected_components(g)),
        "strong_components": sorted(sorted(c) for c in nx.strongly_connected_components(g)),
        "communities_unweighted": unweighted,
        "our_partition_modularity": our_q,
        "networkx_louvain_modularity": their_q,
    }


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".json"):
            continue
        spec, g = load(os.path.join(src, name))
        with open(os.path.join(dst, name), "w") as f:
            json.dump(reference(spec, g), f, indent=1, sort_keys=True)
            f.write("\n")
        print("reference", name)


if __name__ == "__main__":
    main()
