#!/usr/bin/env python3
"""Reads our GraphML, GEXF and node-link JSON with networkx and prints, per
file, the node count, edge count and a few attributes as JSON, for the Go
test to compare with the model.

Usage: read_with_networkx.py FILE.graphml FILE.gexf FILE.json
"""
import json
import sys

import networkx as nx


def summary(g):
    edges = list(g.edges(keys=True, data=True))
    by_key = {}
    for u, v, k, d in edges:
        key = d.get("relationship", k)
        by_key[str(key)] = {"source": u, "target": v, "type": d.get("type") or d.get("label"),
                            "people": d.get("people"), "amount": d.get("amount"), "currency": d.get("currency"),
                            "counted": d.get("counted"), "has_weight": "weight" in d, "note": d.get("note")}
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "graph": {k: str(v) for k, v in g.graph.items()},
            "directed": g.is_directed(), "multigraph": g.is_multigraph(),
            "labels": {n: d.get("label") for n, d in g.nodes(data=True)},
            "edge_attrs": by_key}


graphml_path, gexf_path, json_path = sys.argv[1:4]
out = {
    "networkx": nx.__version__,
    "graphml": summary(nx.read_graphml(graphml_path, force_multigraph=True)),
    "gexf": summary(nx.read_gexf(gexf_path)),
}
with open(json_path) as f:
    out["json"] = summary(nx.node_link_graph(json.load(f), edges="edges"))
print(json.dumps(out))
