package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// neo4jState says, after validate --neo4j read d from the database,
// whether d is still what the last load wrote and what else is stored
// beside it (an unfinished load, leftovers of a replaced dataset). A
// database that serves no dataset is an error, never "valid".
func neo4jState(ctx context.Context, o dataOptions, d *graphmodel.Dataset) (string, error) {
	s, err := o.neo4j.open(ctx)
	if err != nil {
		return "", err
	}
	defer s.Close(context.Background())
	st, err := s.Status(ctx)
	if err != nil {
		return "", err
	}
	var w strings.Builder
	switch {
	case st.Live == nil:
		return "", fmt.Errorf("Neo4j at %s serves no dataset (nothing loaded, or only a load that did not finish); beside it: %s", neostore.RedactURI(o.neo4j.uri), st.Describe())
	case st.Live.ContentHash != d.ContentHash():
		fmt.Fprintf(&w, "neo4j: DIVERGED: the graph was changed after it was loaded (by query --write or another client): its content is sha256:%s, the load wrote sha256:%s; run leverage load to restore the loaded dataset, or cite the graph by its own hash\n",
			d.ContentHash(), st.Live.ContentHash)
	default:
		fmt.Fprintf(&w, "neo4j: the graph is exactly the dataset loaded (generation %s, loaded %s)\n", st.Live.Generation, st.Live.LoadedAt.UTC().Format("2006-01-02 15:04:05Z"))
	}
	fmt.Fprintf(&w, "neo4j: beside it: %s\n", st.Describe())
	return w.String(), nil
}
