// Package network holds the graph kernels: a compact weighted directed
// graph (Graph, in compressed sparse rows), degree and strength, PageRank,
// HITS, betweenness, closeness and harmonic centrality, k-cores, weak and
// strong components, modularity, Louvain and Leiden communities and their
// stability. Definitions follow networkx's, which the reference tests check
// against (testdata/reference, recomputed by testdata/networkx_reference.py).
// MetricTable lists every per-node metric once (kind, definition, citation,
// stopping rule, how to read it); Kernels compute them and Hubs runs them
// all. Every kernel takes a context and stops, returning its error, once
// the context is done.
//
// The package knows nothing of datasets or countries: a node is a name, an
// edge a weight. Placeholder nodes (see Graph.WithPlaceholders) are the one
// notion the domain passes down. The numerical helpers (the SELL-C-σ
// matrix layout and the Lanczos eigensolver HITS uses) are in internal
// packages. Nothing here reads files, talks to servers or prints.
package network
