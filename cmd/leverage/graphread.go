package main

import (
	"flag"
	"strings"

	"github.com/leverage-project/leverage/exports/graphread"
	"github.com/leverage-project/leverage/internal/graphfile"
)

// graphReadOptions are how analyze --graph reads a file another tool
// wrote; by default, as its writer meant it (see exports/graphread).
type graphReadOptions struct {
	directed, undirected bool
	weight               string
	multi                string
	delimiter            string
	sourceCol, targetCol string
}

func (o *graphReadOptions) register(fs *flag.FlagSet) {
	var multi []string
	for _, m := range graphfile.Multi {
		multi = append(multi, m.Name+": "+m.Does)
	}
	fs.BoolVar(&o.directed, "directed", false, "with --graph: read every edge as directed, whatever the file says")
	fs.BoolVar(&o.undirected, "undirected", false, "with --graph: read every edge as undirected (two arcs), whatever the file says")
	fs.StringVar(&o.weight, "weight", "", "with --graph: the edge attribute or column (`NAME` or number) holding weights; - for none (default: weight, or the third column)")
	fs.StringVar(&o.multi, "multi", "sum", "with --graph: parallel edges become "+strings.Join(multi, "; "))
	fs.StringVar(&o.delimiter, "delimiter", "", "with --graph: an edge list's delimiter: , ; | tab or space (default: detected)")
	fs.StringVar(&o.sourceCol, "source-col", "", "with --graph: an edge list's source column, by header `NAME` or number (default: source, from, … or the first)")
	fs.StringVar(&o.targetCol, "target-col", "", "with --graph: an edge list's target column, by header `NAME` or number (default: target, to, … or the second)")
}

func (o graphReadOptions) options() graphfile.Options {
	r := graphfile.Options{Weight: o.weight, Multi: o.multi, Delimiter: o.delimiter, SourceCol: o.sourceCol, TargetCol: o.targetCol}
	switch {
	case o.directed:
		r.Direction = "directed"
	case o.undirected:
		r.Direction = "undirected"
	}
	return r
}

// graphFormats lists the formats analyze --graph reads, for its help.
func graphFormats() string {
	var names []string
	for _, f := range graphread.Formats {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}
