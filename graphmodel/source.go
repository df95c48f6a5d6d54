package graphmodel

import (
	"context"
	"fmt"
)

// A DatasetSource reads datasets from the locations it recognises: the
// embedded seed, a directory of CSV files, a workbook, a Neo4j database.
// The domain declares it; the readers (fixtures, csvdir, exports/workbook,
// graphmodel/neostore) implement it, so a verb opens whatever it was given
// through one call (OpenDataset) without knowing the reader.
type DatasetSource interface {
	// Accepts reports whether location names a dataset this source reads
	// (for example "" for the embedded seed, a path ending in .xlsx, a
	// bolt:// URI). It looks at the name only; Open finds out the rest.
	Accepts(location string) bool
	// Open reads the dataset at location, resolving country codes against
	// base (extended by the dataset's own country records), and checks it.
	// Errors name the position of every problem, as every reader's do.
	Open(ctx context.Context, location string, base *Registry) (*Dataset, error)
}

// OpenDataset opens location with the first of sources that accepts it.
func OpenDataset(ctx context.Context, location string, base *Registry, sources ...DatasetSource) (*Dataset, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, s := range sources {
		if s.Accepts(location) {
			return s.Open(ctx, location, base)
		}
	}
	return nil, fmt.Errorf("no dataset source reads %q", location)
}
