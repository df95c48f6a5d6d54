package neostore

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel"
)

// DatasetProvenance names the dataset the database holds, as load wrote
// it in the (:Dataset) node, and this tool. A database without a
// (:Dataset) node gives an empty ContentHash; one holding several (merged
// loads) gives each field of all of them, joined by " + ", ordered by name.
func (s *Store) DatasetProvenance(ctx context.Context) (graphmodel.Provenance, error) {
	var p graphmodel.Provenance
	err := s.pinnedHeld(ctx, func() (err error) {
		p, err = s.datasetProvenance(ctx)
		return err
	})
	return p, err
}

func (s *Store) datasetProvenance(ctx context.Context) (graphmodel.Provenance, error) {
	p := graphmodel.Provenance{Tool: "leverage " + graphmodel.ToolVersion()}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "MATCH (d:Dataset) RETURN d.name, d.version, d.content_hash ORDER BY d.name", nil)
	if err != nil {
		return p, s.queryErr(err)
	}
	var names, versions, hashes []string
	for res.Next(ctx) {
		v := res.Record().Values
		n, _ := v[0].(string)
		ver, _ := v[1].(string)
		h, _ := v[2].(string)
		names, versions, hashes = append(names, n), append(versions, ver), append(hashes, h)
	}
	if err := res.Err(); err != nil {
		return p, s.queryErr(err)
	}
	p.DatasetName = strings.Join(names, " + ")
	p.DatasetVersion = strings.Join(versions, " + ")
	p.ContentHash = strings.Join(hashes, " + ")
	return p, nil
}
