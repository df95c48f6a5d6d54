package workbook

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
)

// FileSource is a workbook file (ours, or a corrected copy) as a
// graphmodel.DatasetSource: it accepts paths ending in .xlsx.
type FileSource struct{}

// Accepts reports whether location names an .xlsx file.
func (FileSource) Accepts(location string) bool {
	return strings.EqualFold(filepath.Ext(location), ".xlsx") && !strings.Contains(location, "://")
}

// Open reads the workbook at location (a regular file only, see
// safeio.Open) with ReadContext; errors are prefixed with the path.
func (FileSource) Open(ctx context.Context, location string, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	f, err := safeio.Open(location)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := ReadContext(ctx, f, base)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", location, err)
	}
	return d, nil
}
