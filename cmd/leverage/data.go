package main

import (
	"context"
	"flag"
	"os"

	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// dataOptions selects where a verb reads its dataset from.
type dataOptions struct {
	data     string // "" for the embedded seed, else a dataset directory
	fromNeo4 bool
	neo4j    neo4jOptions
}

func (o *dataOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.data, "data", "", "dataset `DIR` of CSV files, or a workbook FILE.xlsx; default: the embedded seed dataset")
	fs.BoolVar(&o.fromNeo4, "neo4j", false, "read the graph from Neo4j instead (see --neo4j-uri)")
	o.neo4j.register(fs)
}

// load reads and validates the selected dataset: the location --data or
// --neo4j names, opened by the first dataset source that accepts it.
func (o dataOptions) load(ctx context.Context) (*graphmodel.Dataset, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if o.fromNeo4 && o.data != "" {
		return nil, usagef("give --data or --neo4j, not both")
	}
	location := o.data
	sources := []graphmodel.DatasetSource{fixtures.SeedSource{}, workbook.FileSource{}, csvdir.DirSource{}}
	if o.fromNeo4 {
		cfg, err := o.neo4j.config()
		if err != nil {
			return nil, err
		}
		location, sources = cfg.URI, []graphmodel.DatasetSource{neostore.Source{Config: cfg}}
	} else if location != "" && !(workbook.FileSource{}).Accepts(location) {
		if st, err := os.Stat(location); err == nil && !st.IsDir() {
			return nil, usagef("--data %s: not a directory (a dataset is a directory of CSV files)", location)
		}
	}
	return graphmodel.OpenDataset(ctx, location, iso3166.Registry(), sources...)
}

// describe names a dataset the way every output cites it: name, version,
// the full SHA-256 content hash and the tool version (graphmodel.Provenance),
// so a printed line is enough to cite the numbers beside it.
func describe(d *graphmodel.Dataset) string {
	p := d.Provenance()
	if p.DatasetName == "" {
		p.DatasetName = "unnamed dataset"
	}
	return p.String()
}

// resolveCountry accepts a code, name, alias or demonym.
func resolveCountry(d *graphmodel.Dataset, s string) (graphmodel.Code, error) {
	if c, ok := d.Registry.Resolve(s); ok {
		return c, nil
	}
	return "", usagef("unknown country %q (give an ISO code such as XK, or a name)", s)
}
