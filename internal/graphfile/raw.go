package graphfile

// Raw is a graph file as its format's parser saw it, before any of our own
// choices (direction override, what to do with parallel edges and loops):
// every parser fills one, and graphread.Build turns it into the simple
// directed graph the kernels run on, saying what it changed.
type Raw struct {
	// Name is the file's name, for messages.
	Name string
	// Format names the format and, where the file says, its version
	// ("GEXF 1.3", "GraphML", "Pajek", "CSV (delimiter ';', header)").
	Format string
	// Nodes are the declared nodes in file order (edges may name more).
	Nodes []string
	// Arcs are the edges in file order.
	Arcs []Arc
	// Directed is the file's default direction and DirectedBy what set
	// it, for the provenance ("edgedefault=\"undirected\"", "absent
	// edgedefault: undirected, as the GraphML spec and networkx read it").
	Directed   bool
	DirectedBy string
	// WeightBy says where weights came from ("attribute weight",
	// "column 3 (Weight)", "none: every edge weighs 1").
	WeightBy string
	// Notices are what the parser itself tolerated or left out (dynamic
	// attributes, unknown sections), one line each.
	Notices []string
	// Placeholders are nodes our own layer exports mark placeholder=true.
	Placeholders []string
	// Data holds graph-level values by name (our exports' provenance).
	Data map[string]string
}

// Arc is one edge of the file: Directed is its own direction (the file's
// default unless the edge says otherwise); Line is where it was read (0:
// unknown), for messages.
type Arc struct {
	From, To string
	Weight   float64
	Directed bool
	Line     int
}

// Options are the reader's choices a user can make on the command line;
// the zero value reads every file as its writer meant it.
type Options struct {
	// Direction is "" (the file's), "directed" or "undirected".
	Direction string
	// Weight names the edge attribute or column holding weights; "" means
	// the format's usual one (weight, Weight, value in GML, the third
	// column of an edge list); "-" reads every edge as weight 1.
	Weight string
	// Multi says what becomes of parallel edges: "sum" (default: one
	// edge, weights added) or "first" (the first one's weight, later ones
	// dropped).
	Multi string
	// Delimiter, SourceCol and TargetCol fix a CSV's dialect instead of
	// detecting it ("\t", ";", ",", " "; columns by header name or
	// 1-based number).
	Delimiter            string
	SourceCol, TargetCol string
}
