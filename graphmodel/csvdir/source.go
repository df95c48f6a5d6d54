package csvdir

import (
	"context"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// DirSource is a dataset directory of CSV files as a
// graphmodel.DatasetSource. It accepts any local path (no "://"), so
// callers list it after the sources that recognise their locations by
// name (a workbook's .xlsx).
type DirSource struct{}

// Accepts reports whether location is a local path.
func (DirSource) Accepts(location string) bool {
	return location != "" && !strings.Contains(location, "://")
}

// Open reads the directory location (ReadDirContext).
func (DirSource) Open(ctx context.Context, location string, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	return ReadDirContext(ctx, location, base)
}
