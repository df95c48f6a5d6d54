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
// CurrentContentHash is the content as RecordChange last found it (the
// loaded hash when no change was recorded), Diverged whether it differs
// from what was loaded.
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
	res, err := sess.Run(ctx, "MATCH (d:Dataset) RETURN d.name, d.version, d.content_hash, d.current_content_hash, d.changed ORDER BY d.name", nil)
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
		// Every (:Dataset) node carries the same current hash: the one
		// of the whole database (RecordChange).
		if cur, _ := v[3].(string); cur != "" {
			p.CurrentContentHash = cur
			p.Changed, _ = v[4].(string)
		}
	}
	if err := res.Err(); err != nil {
		return p, s.queryErr(err)
	}
	p.DatasetName = strings.Join(names, " + ")
	p.DatasetVersion = strings.Join(versions, " + ")
	p.ContentHash = strings.Join(hashes, " + ")
	if p.CurrentContentHash == "" {
		p.CurrentContentHash = p.ContentHash
	}
	p.Diverged = p.CurrentContentHash != p.ContentHash
	return p, nil
}

// RecordChange reads the database back, computes its content hash and
// records it on every (:Dataset) node as current_content_hash with changed
// = what (who changed it and when), so every later DatasetProvenance says
// whether the database still holds the dataset as loaded. A database that
// no longer reads back as a valid dataset is recorded as "unreadable: "
// and the reason. Writes made by other clients are not seen until the next
// RecordChange (validate --neo4j always hashes the database afresh).
func (s *Store) RecordChange(ctx context.Context, base *graphmodel.Registry, what string) (string, error) {
	cur := ""
	if d, err := s.Read(ctx, base); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		cur = "unreadable: " + err.Error()
	} else {
		cur = d.ContentHash()
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, "MATCH (d:Dataset) SET d.current_content_hash = $cur, d.changed = $what", map[string]any{"cur": cur, "what": what})
		return nil, err
	})
	if err != nil {
		return "", s.queryErr(err)
	}
	return cur, nil
}
