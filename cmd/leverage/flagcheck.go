package main

import (
	"flag"
	"slices"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/graphmodel/ingest"
	"github.com/leverage-project/leverage/internal/graphfile"
)

// givenFlags returns the flags set on the command line.
func givenFlags(fs *flag.FlagSet) map[string]bool {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	return given
}

// refuseIdle is a usage error naming the given flags that would do nothing
// in this mode: an option silently ignored is a result the user did not
// ask for.
func refuseIdle(given map[string]bool, idle []string, mode string) error {
	var found []string
	for _, name := range idle {
		if given[name] {
			found = append(found, "--"+name)
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.Strings(found)
	verb := "does"
	if len(found) > 1 {
		verb = "do"
	}
	return usagef("%s %s nothing %s", strings.Join(found, ", "), verb, mode)
}

// analyzeGraphOnly are analyze's flags that act only on --graph FILE, and
// analyzeDatasetOnly those that act only on a dataset.
var (
	analyzeGraphOnly   = []string{"metrics", "repeat", "community-runs", "unweighted", "betweenness-samples", "directed", "undirected", "weight", "multi", "delimiter", "source-col", "target-col"}
	analyzeDatasetOnly = []string{"data", "neo4j", "neo4j-uri", "neo4j-user", "neo4j-database", "neo4j-retry",
		"layer", "remove", "as-of", "from", "to", "known-by"}
)

// checkAnalyzeFlags refuses flags that would be ignored, and impossible
// values.
func checkAnalyzeFlags(fs *flag.FlagSet, o analyzeOptions) error {
	given := givenFlags(fs)
	if o.graph != "" {
		if err := refuseIdle(given, analyzeDatasetOnly, "with --graph FILE (which is the whole input)"); err != nil {
			return err
		}
	} else if err := refuseIdle(given, analyzeGraphOnly, "without --graph FILE"); err != nil {
		return err
	}
	if o.read.directed && o.read.undirected {
		return usagef("--directed and --undirected contradict each other")
	}
	if !slices.ContainsFunc(graphfile.Multi, func(m struct{ Name, Does string }) bool { return m.Name == o.read.multi }) {
		return usagef("--multi %q: want sum or first (the kernels run on simple graphs, so parallel edges always become one)", o.read.multi)
	}
	switch o.read.delimiter {
	case "", ",", ";", "|", "tab", "\\t", "\t", "space", " ":
	default:
		return usagef("--delimiter %q: want , ; | tab or space", o.read.delimiter)
	}
	if o.read.weight != "" && o.unweighted {
		return usagef("--weight and --unweighted contradict each other (--weight - reads every edge as weight 1)")
	}
	if o.samples < 0 {
		return usagef("--betweenness-samples must be 0 (exact) or a positive number of sources, not %d", o.samples)
	}
	if o.leidenIterations < 0 {
		return usagef("--leiden-iterations must be 0 (until modularity stops rising) or a positive number, not %d", o.leidenIterations)
	}
	if o.communityRuns < 0 {
		return usagef("--community-runs must be 0 (analyze's rule) or a positive number of runs, not %d", o.communityRuns)
	}
	if o.repeat < 1 {
		return usagef("--repeat must be at least 1, not %d", o.repeat)
	}
	return nil
}

// checkIngestColumns refuses --column overrides of fields the shape does
// not have: the override would otherwise be dropped in silence.
func checkIngestColumns(shape ingest.ShapeSpec, columns map[string]string, from func(field string) string) error {
	fields := shape.Fields()
	known := map[string]bool{}
	for _, f := range fields {
		known[f] = true
	}
	for field := range columns {
		if !known[field] {
			return usagef("%s: %s has no field %q (fields: %s)", from(field), shape.Name, field, strings.Join(fields, ", "))
		}
	}
	return nil
}
