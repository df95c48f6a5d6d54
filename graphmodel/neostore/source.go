package neostore

import (
	"context"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// Source is a Neo4j database as a graphmodel.DatasetSource: it accepts
// bolt:// and neo4j:// URIs (with +s or +ssc) and reads the graph the
// database serves (Store.Read) with Config's credentials, the URI being
// the location given.
type Source struct{ Config Config }

// Accepts reports whether location is a Bolt or Neo4j URI.
func (Source) Accepts(location string) bool {
	return strings.HasPrefix(location, "bolt://") || strings.HasPrefix(location, "bolt+") ||
		strings.HasPrefix(location, "neo4j://") || strings.HasPrefix(location, "neo4j+")
}

// Open connects to location, reads the dataset and closes the connection.
func (s Source) Open(ctx context.Context, location string, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	cfg := s.Config
	cfg.URI = location
	st, err := Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer st.Close(context.Background())
	return st.Read(ctx, base)
}
