package graphmodel

// NodeMetrics are the per-node metrics of one analysis of a dataset, one
// table per layer, as analysis.Results computes them and a store writes
// them back (graphmodel/neostore: every column as <column>_<layer> on
// :Country, the rest on an (:Analysis) node). The domain declares them so
// a store receives numbers, not the analysis that made them.
type NodeMetrics struct {
	Provenance Provenance
	// Window is the analysis window in words ("all dates" when open).
	Window string
	// Seed seeds the community method.
	Seed uint64
	// Columns are the metrics of every layer's rows, in order.
	Columns []MetricColumn
	Layers  []LayerMetrics
	// Settings are the run's parameters by name (pagerank_damping,
	// louvain_restarts, …), each an int64, float64 or string.
	Settings []Setting
}

// MetricColumn is one per-node metric.
type MetricColumn struct {
	// Name is the metric's name, as analyze --format json gives it.
	Name string
	// Integer says the values are counts or labels (stored as integers).
	Integer bool
	// Stopping is the rule its computation stopped by ("exact" for
	// methods that do not iterate to a tolerance).
	Stopping string
}

// LayerMetrics are one layer's rows and the layer's own figures.
type LayerMetrics struct {
	Layer string
	// Rows hold one node's values each, in Columns' order; placeholder
	// actors, whose metrics are not computed, have no row.
	Rows []MetricRow
	// Nodes and Edges are the size of the graph the metrics ran on;
	// Communities the number of communities and Modularity their Q.
	Nodes, Edges, Communities int
	Modularity                float64
}

// MetricRow is one node's values.
type MetricRow struct {
	Code   Code
	Values []float64
}

// Setting is one named parameter of a run.
type Setting struct {
	Name  string
	Value any
}
