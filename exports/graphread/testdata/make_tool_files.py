#!/usr/bin/env python3
"""Writes the corpus files that come from the tools themselves rather than
from their repositories: python-igraph writing Zachary's karate club
(GraphML under the .xml name igraph users give it, GML, Pajek, NCOL) and
networkx writing Les Miserables co-occurrences (GEXF, GML, GraphML, a
weighted edge list). The files are committed; this script says how they
were made (python-igraph 1.0.0, networkx 3.6.1) and is not run by tests.

Usage: make_tool_files.py OUT_DIR
"""
import os
import sys

import igraph as ig
import networkx as nx

out = sys.argv[1]
k = ig.Graph.Famous("Zachary")
k.vs["name"] = [f"m{i}" for i in range(k.vcount())]
k.write_graphml(os.path.join(out, "igraph_karate.xml"))
k.write_gml(os.path.join(out, "igraph_karate.gml"))
k.write_pajek(os.path.join(out, "igraph_karate.net"))
k.write_ncol(os.path.join(out, "igraph_karate.ncol"))

lm = nx.les_miserables_graph()
nx.write_gexf(lm, os.path.join(out, "networkx_lesmis.gexf"))
nx.write_gml(lm, os.path.join(out, "networkx_lesmis.gml"))
nx.write_graphml(lm, os.path.join(out, "networkx_lesmis.graphml"))
nx.write_weighted_edgelist(lm, os.path.join(out, "networkx_lesmis.edgelist"), delimiter="\t")
