package neostore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel"
)

// A load never edits the dataset a database serves. It writes a new
// generation beside it under staging labels, switches labels in one small
// transaction once every record is there, and only then deletes the old
// generation:
//
//	staging   (:LoadingDataset {content_hash, generation}), (:LoadingCountry), (:LoadingSource)
//	live      (:Dataset), (:Country), (:Source)
//	retired   (:RetiredDataset), (:RetiredCountry), (:RetiredSource)
//
// Every node and relationship carries the generation's id in the property
// generation. Relationships keep their type through the switch: they hang
// between staging nodes, so a query that anchors on :Country (as every
// library query does) never sees a partial load. An interrupted load leaves
// the live generation whole; the next load of the same dataset resumes its
// staging generation, and any load removes staging generations of other
// datasets and whatever a cut-short removal left retired.
const (
	labelLoadingDataset = "LoadingDataset"
	labelLoadingCountry = "LoadingCountry"
	labelLoadingSource  = "LoadingSource"
)

// DatasetInfo describes a generation of a dataset in the database.
type DatasetInfo struct {
	Name, Version string
	ContentHash   string
	Generation    string
	// Relationships counts the generation's relationships of the model's
	// types (for a staging generation: those written so far).
	Relationships int64
	LoadedAt      time.Time // zero while staging
}

func (i *DatasetInfo) String() string {
	if i == nil {
		return "no dataset (the database was empty)"
	}
	name := i.Name
	if i.Version != "" {
		name += " " + i.Version
	}
	if strings.HasPrefix(i.ContentHash, pendingPrefix) {
		return name + " (streamed; content hash not yet known)"
	}
	return fmt.Sprintf("%s sha256:%s", name, i.ContentHash)
}

// Status is what the database holds: the live dataset, partial loads
// beside it, and leftovers of an old generation whose removal was cut short.
type Status struct {
	Live    *DatasetInfo // nil when no dataset is loaded
	Staging []DatasetInfo
	// RetiredNodes counts nodes of replaced generations not yet removed.
	RetiredNodes int64
}

// Describe says in one sentence what is beside the live dataset.
func (st Status) Describe() string {
	var parts []string
	for _, s := range st.Staging {
		parts = append(parts, fmt.Sprintf("an unfinished load of %s (%d relationships written; invisible to queries on :Country; the next load resumes or removes it)",
			(&s).String(), s.Relationships))
	}
	if st.RetiredNodes > 0 {
		parts = append(parts, fmt.Sprintf("%d nodes of a replaced dataset not yet removed (invisible to queries on :Country; the next load removes them)", st.RetiredNodes))
	}
	if len(parts) == 0 {
		return "nothing else"
	}
	return strings.Join(parts, "; ")
}

func infoOf(props map[string]any) DatasetInfo {
	i := DatasetInfo{Name: str(props, "name"), Version: str(props, "version"),
		ContentHash: str(props, "content_hash"), Generation: str(props, "generation")}
	if t, ok := props["loaded_at"].(time.Time); ok {
		i.LoadedAt = t
	}
	return i
}

// Status reads what the database holds.
func (s *Store) Status(ctx context.Context) (Status, error) {
	var st Status
	err := s.pinnedHeld(ctx, func() (err error) {
		st, err = s.status(ctx)
		return err
	})
	return st, err
}

func (s *Store) status(ctx context.Context) (Status, error) {
	q := `OPTIONAL MATCH (d:Dataset)
WITH d ORDER BY d.name LIMIT 1
CALL (d) { MATCH (c:Country) RETURN sum(COUNT { (c)-[:` + typeUnion() + `]->() }) AS liveRels }
CALL { OPTIONAL MATCH (l:` + labelLoadingDataset + `)
       CALL (l) { MATCH (c:` + labelLoadingCountry + ` {generation: l.generation}) RETURN sum(COUNT { (c)-->() }) AS rels }
       RETURN collect(CASE WHEN l IS NULL THEN NULL ELSE [properties(l), rels] END) AS staging }
CALL { MATCH (n) WHERE n:RetiredDataset OR n:RetiredCountry OR n:RetiredSource RETURN count(n) AS retired }
RETURN properties(d) AS live, liveRels, staging, retired`
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return Status{}, s.wrapCtx(ctx, err)
	}
	var st Status
	rec := res.Records[0]
	if live, ok := rec.Values[0].(map[string]any); ok {
		i := infoOf(live)
		i.Relationships, _ = rec.Values[1].(int64)
		st.Live = &i
	}
	staging, _ := rec.Values[2].([]any)
	for _, x := range staging {
		pair, _ := x.([]any)
		var m map[string]any
		ok := false
		if len(pair) == 2 {
			m, ok = pair[0].(map[string]any)
		}
		if !ok {
			return Status{}, errVanished
		}
		i := infoOf(m)
		i.Relationships, _ = pair[1].(int64)
		st.Staging = append(st.Staging, i)
	}
	st.RetiredNodes, _ = rec.Values[3].(int64)
	return st, nil
}

func typeUnion() string {
	var types []string
	for _, t := range graphmodel.RelTypes {
		types = append(types, relType(t))
	}
	return strings.Join(types, "|")
}

// beginGeneration returns the staging generation for a dataset with the
// given content hash: the one an interrupted load of the same dataset left,
// or a new one. The uniqueness constraint on the hash makes concurrent
// loads of one dataset share it.
func (s *Store) beginGeneration(ctx context.Context, meta map[string]any) (gen string, resumed bool, err error) {
	q := `MERGE (l:` + labelLoadingDataset + ` {content_hash: $hash})
ON CREATE SET l.generation = randomUUID(), l.started_at = datetime(), l.created = true
ON MATCH SET l.created = false
SET l += $props
WITH l, l.created AS created REMOVE l.created
RETURN l.generation AS generation, created`
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, map[string]any{"hash": meta["content_hash"], "props": meta},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return "", false, s.wrapCtx(ctx, err)
	}
	rec := res.Records[0]
	created, _ := rec.Values[1].(bool)
	return rec.Values[0].(string), !created, nil
}

// switchGeneration makes generation gen the live dataset in one transaction,
// after checking it holds exactly the expected records; the replaced
// generation is relabelled retired, not yet deleted. It returns the dataset
// that was live before (nil if none). alreadyLive reports that a concurrent
// load of the same dataset switched gen first.
//
// Readers are told of the switch through the served token (serving.go):
// the switch runs between beginSwitch and endSwitch, and starts over with
// a new token if another load took the token in between.
func (s *Store) switchGeneration(ctx context.Context, gen string, want Counts) (previous *DatasetInfo, alreadyLive bool, err error) {
	for attempt := 0; ; attempt++ {
		mine, err := s.beginSwitch(ctx)
		if err != nil {
			return nil, false, err
		}
		previous, alreadyLive, err = s.switchOnce(ctx, gen, want, mine)
		// The token is released whatever happened: a switch rolled back
		// changed nothing, and readers must not wait for it.
		if endErr := s.endSwitch(context.WithoutCancel(ctx), mine); err == nil {
			err = endErr
		}
		if !errors.Is(err, errSwitchTaken) || attempt == 4 {
			return previous, alreadyLive, err
		}
	}
}

func (s *Store) switchOnce(ctx context.Context, gen string, want Counts, mine string) (previous *DatasetInfo, alreadyLive bool, err error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	p := map[string]any{"g": gen}
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if ok, err := holdSwitch(ctx, tx, mine); err != nil {
			return nil, err
		} else if !ok {
			return nil, errSwitchTaken
		}
		// Taking the write lock on the staging node first serialises
		// concurrent switches of one generation.
		res, err := tx.Run(ctx, `MATCH (l:`+labelLoadingDataset+` {generation: $g}) SET l.switching = true
WITH l
CALL (l) { MATCH (c:`+labelLoadingCountry+` {generation: $g}) RETURN count(c) AS countries, sum(COUNT { (c)-->() }) AS rels }
CALL (l) { MATCH (s:`+labelLoadingSource+` {generation: $g}) RETURN count(s) AS sources }
RETURN countries, sources, rels`, p)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			live, err := tx.Run(ctx, "MATCH (d:Dataset {generation: $g}) RETURN count(d) AS n", p)
			if err != nil {
				return nil, err
			}
			rec, err := live.Single(ctx)
			if err != nil {
				return nil, err
			}
			if n, _ := rec.Values[0].(int64); n > 0 {
				return true, nil
			}
			return nil, fmt.Errorf("the staging copy of this load (generation %s) was removed by another load before it could be switched in; the database still serves what it served before", gen)
		}
		v := recs[0].Values
		got := Counts{Countries: v[0].(int64), Sources: v[1].(int64), Relationships: v[2].(int64)}
		if got != want {
			return nil, fmt.Errorf("the staging copy holds %d countries, %d sources, %d relationships, not the %d, %d, %d loaded (another load changed it?); it was not switched in and the database still serves what it served before",
				got.Countries, got.Sources, got.Relationships, want.Countries, want.Sources, want.Relationships)
		}
		prev, err := tx.Run(ctx, "MATCH (d:Dataset) RETURN properties(d) ORDER BY d.name LIMIT 1", nil)
		if err != nil {
			return nil, err
		}
		var before *DatasetInfo
		if prev.Next(ctx) {
			i := infoOf(prev.Record().Values[0].(map[string]any))
			before = &i
		}
		if err := prev.Err(); err != nil {
			return nil, err
		}
		for _, q := range []string{
			"MATCH (n:Country) REMOVE n:Country, n:Placeholder SET n:RetiredCountry",
			"MATCH (n:Source) REMOVE n:Source SET n:RetiredSource",
			"MATCH (n:Dataset) REMOVE n:Dataset SET n:RetiredDataset",
			// The analyses described the replaced data; so did the
			// metric properties, which leave with the retired nodes.
			"MATCH (n:Analysis) DETACH DELETE n",
			// Placeholders and groups are labelled only once live, so
			// MATCH (:Placeholder) never sees a staging copy.
			"MATCH (n:" + labelLoadingCountry + " {generation: $g}) REMOVE n:" + labelLoadingCountry + " SET n:Country",
			"MATCH (n:Country {generation: $g}) WHERE n.kind <> 'country' SET n:Placeholder",
			"MATCH (n:" + labelLoadingSource + " {generation: $g}) REMOVE n:" + labelLoadingSource + " SET n:Source",
			"MATCH (n:" + labelLoadingDataset + " {generation: $g}) REMOVE n:" + labelLoadingDataset + ", n.switching SET n:Dataset, n.loaded_at = datetime()",
		} {
			if _, err := tx.Run(ctx, q, p); err != nil {
				return nil, err
			}
		}
		return before, nil
	})
	if errors.Is(err, errSwitchTaken) {
		return nil, false, err
	}
	if err != nil {
		return nil, false, s.wrapCtx(ctx, err)
	}
	if b, ok := out.(bool); ok {
		return nil, b, nil
	}
	before, _ := out.(*DatasetInfo)
	return before, false, nil
}

// removeGenerations deletes, in batches, retired generations and, with
// staging, the staging generations of datasets other than keepHash (a
// concurrent or interrupted load of the same dataset is left to finish). Relationships go first: a
// DETACH DELETE of a hub with a million relationships would be one
// transaction too large for the server's memory pool. It returns how many
// relationships it deleted.
func (s *Store) removeGenerations(ctx context.Context, staging bool, keepHash string) (int64, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	p := map[string]any{"keep": keepHash}
	var removed int64
	steps := []removal{
		{"MATCH (n:RetiredCountry)-[r]-() WITH DISTINCT r LIMIT 20000 DELETE r RETURN count(*) AS n", true},
		{"MATCH (n) WHERE n:RetiredCountry OR n:RetiredSource OR n:RetiredDataset WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n", false},
	}
	if staging {
		// The staging nodes of a generation are found through its
		// (:LoadingDataset), which names the dataset.
		other := "MATCH (l:" + labelLoadingDataset + ") WHERE l.content_hash <> $keep WITH collect(l.generation) AS gens "
		steps = append(steps,
			removal{other + "MATCH (n:" + labelLoadingCountry + ")-[r]-() WHERE n.generation IN gens WITH DISTINCT r LIMIT 20000 DELETE r RETURN count(*) AS n", true},
			removal{other + "MATCH (n) WHERE (n:" + labelLoadingCountry + " OR n:" + labelLoadingSource + ") AND n.generation IN gens WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n", false},
			removal{"MATCH (l:" + labelLoadingDataset + ") WHERE l.content_hash <> $keep DETACH DELETE l RETURN count(*) AS n", false},
		)
	}
	for _, step := range steps {
		for {
			out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				r, err := tx.Run(ctx, step.q, p)
				if err != nil {
					return nil, err
				}
				rec, err := r.Single(ctx)
				if err != nil {
					return nil, err
				}
				return rec.Values[0], nil
			})
			if err != nil {
				return removed, s.wrapCtx(ctx, err)
			}
			n := out.(int64)
			if step.rels {
				removed += n
			}
			if n == 0 {
				break
			}
		}
	}
	return removed, nil
}

// removal is one batched delete; rels says it deletes relationships.
type removal struct {
	q    string
	rels bool
}

// wrapCtx is wrap, except that a cancelled context stays recognisable.
func (s *Store) wrapCtx(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return s.wrap(err)
}

// pendingPrefix marks the staging key of a streamed load whose content
// hash is known only at its end.
const pendingPrefix = "pending:"

func randomKey() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// finishStreamed removes the actors of generation gen that no relationship
// or record uses (a streamed load writes every actor of the registry first)
// and records the content hash computed while streaming. It returns how
// many actors it removed.
func (s *Store) finishStreamed(ctx context.Context, gen, hash string) (int64, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, `MATCH (c:`+labelLoadingCountry+` {generation: $g})
WHERE NOT c.has_record AND NOT EXISTS { (c)--() }
DELETE c RETURN count(*) AS n`, map[string]any{"g": gen})
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		if _, err := tx.Run(ctx, "MATCH (l:"+labelLoadingDataset+" {generation: $g}) SET l.content_hash = $hash", map[string]any{"g": gen, "hash": hash}); err != nil {
			return nil, err
		}
		return rec.Values[0], nil
	})
	if err != nil {
		return 0, s.wrapCtx(ctx, err)
	}
	return out.(int64), nil
}
