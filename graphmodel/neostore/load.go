package neostore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel"
)

// LoadOptions tune Load.
type LoadOptions struct {
	// BatchSize is the number of rows per UNWIND transaction (default 5000).
	BatchSize int
	// Workers is how many relationship batches are written at once, each in
	// its own transaction (default 2). MERGE on unique ids keeps concurrent
	// batches from duplicating anything; deadlocks between them are
	// transient errors the driver retries.
	Workers int
	// Progress receives one unit per relationship written.
	Progress graphmodel.Progress
}

// Counts are what a load wrote, or what the database holds.
type Counts struct {
	Countries     int64 `json:"countries"`
	Sources       int64 `json:"sources"`
	Relationships int64 `json:"relationships"`
}

// Load writes d: uniqueness constraints first, then MERGE on stable ids in
// batched UNWIND statements, each batch a managed write transaction the
// driver retries on transient failures. Loading the same dataset twice, or
// again after a failure part-way, leaves exactly one node per country and
// source and one relationship per model relationship.
func (s *Store) Load(ctx context.Context, d *graphmodel.Dataset, opt LoadOptions) (Counts, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 5000
	}
	p := graphmodel.OrNop(opt.Progress)
	if err := s.EnsureSchema(ctx); err != nil {
		return Counts{}, err
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	write := func(q string, rows []map[string]any) error {
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, q, map[string]any{"rows": rows})
			if err != nil {
				return nil, err
			}
			_, err = res.Consume(ctx)
			return nil, err
		})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return s.wrap(err)
		}
		return nil
	}
	meta := map[string]any{"name": nonEmpty(d.Meta.Name, "unnamed"), "props": map[string]any{
		"version": d.Meta.Version, "description": d.Meta.Description, "license": d.Meta.License,
		"citation": d.Meta.Citation, "updated": d.Meta.Updated.String(), "content_hash": d.ContentHash()}}
	if err := write("UNWIND $rows AS row MERGE (d:Dataset {name: row.name}) SET d += row.props", []map[string]any{meta}); err != nil {
		return Counts{}, err
	}
	var counts Counts
	countryRows := s.countryRows(d)
	for i := 0; i < len(countryRows); i += opt.BatchSize {
		if err := write("UNWIND $rows AS row MERGE (c:Country {code: row.code}) SET c += row.props",
			countryRows[i:min(i+opt.BatchSize, len(countryRows))]); err != nil {
			return counts, err
		}
	}
	counts.Countries = int64(len(countryRows))
	var batch []map[string]any
	for i, src := range d.Sources {
		batch = append(batch, sourceRow(i, src))
		if len(batch) == opt.BatchSize || i == len(d.Sources)-1 {
			if err := write("UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row.props", batch); err != nil {
				return counts, err
			}
			batch = batch[:0]
		}
	}
	counts.Sources = int64(len(d.Sources))
	p.Start("loading relationships into Neo4j", int64(len(d.Relationships)))
	defer p.Done()
	n, err := s.loadRelationships(ctx, d.Relationships, opt, p)
	counts.Relationships = n
	return counts, err
}

type relBatch struct {
	query, create string
	rows          []map[string]any
	merging       *atomic.Bool // set once a CREATE of this type met an existing id
}

func isConstraintViolation(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}

// loadRelationships writes relationship batches from opt.Workers sessions
// at once; the first failure stops the others.
func (s *Store) loadRelationships(ctx context.Context, rels []graphmodel.Relationship, opt LoadOptions, p graphmodel.Progress) (int64, error) {
	if opt.Workers <= 0 {
		opt.Workers = 2
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan relBatch, opt.Workers)
	var written atomic.Int64
	var firstErr error
	var once sync.Once
	fail := func(err error) {
		once.Do(func() { firstErr = err; cancel() })
	}
	var wg sync.WaitGroup
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sess := s.session(ctx, neo4j.AccessModeWrite)
			defer sess.Close(context.Background())
			for b := range batches {
				if ctx.Err() != nil {
					continue
				}
				run := func(q string) error {
					_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
						res, err := tx.Run(ctx, q, map[string]any{"rows": b.rows})
						if err != nil {
							return nil, err
						}
						_, err = res.Consume(ctx)
						return nil, err
					})
					return err
				}
				// A batch is created outright, which costs no lookup of its
				// ids; if any id exists already (a reload, a resumed load,
				// a concurrent one) the uniqueness constraint fails the
				// whole transaction, the batch is merged instead, and so is
				// every later batch of its type.
				var err error
				if b.merging.Load() {
					err = run(b.query)
				} else if err = run(b.create); isConstraintViolation(err) {
					b.merging.Store(true)
					err = run(b.query)
				}
				if err != nil {
					fail(s.wrap(err))
					continue
				}
				written.Add(int64(len(b.rows)))
				p.Add(int64(len(b.rows)))
			}
		}()
	}
	byType := map[graphmodel.RelType][]map[string]any{}
	merging := map[graphmodel.RelType]*atomic.Bool{}
	for _, t := range graphmodel.RelTypes {
		merging[t] = new(atomic.Bool)
	}
	send := func(t graphmodel.RelType) bool {
		rows := byType[t]
		if len(rows) == 0 {
			return true
		}
		rt := relType(t)
		if !relTypeOK(rt) {
			fail(fmt.Errorf("neostore: bad relationship type %q", rt))
			return false
		}
		// Properties are set one by one, every key every time (nil removes
		// a property an earlier version had): a map SET would make the
		// planner buffer the whole batch (Eager) to protect the id the MERGE
		// reads. A relationship keeps its endpoints for life: a row whose id
		// exists between other countries fails on the uniqueness constraint.
		q := `UNWIND $rows AS row
MATCH (a:Country {code: row.from})
MATCH (b:Country {code: row.to})
MERGE (a)-[r:` + rt + ` {id: row.id}]->(b)
SET ` + relSetClause
		create := `UNWIND $rows AS row
MATCH (a:Country {code: row.from})
MATCH (b:Country {code: row.to})
CREATE (a)-[r:` + rt + ` {id: row.id}]->(b)
SET ` + relSetClause + "\n"
		select {
		case batches <- relBatch{q, create, rows, merging[t]}:
		case <-ctx.Done():
			return false
		}
		byType[t] = nil
		return true
	}
	ok := true
	for i := range rels {
		r := &rels[i]
		byType[r.Type] = append(byType[r.Type], relRow(i, r))
		if len(byType[r.Type]) >= opt.BatchSize && !send(r.Type) {
			ok = false
			break
		}
	}
	if ok {
		for _, t := range graphmodel.RelTypes {
			if !send(t) {
				break
			}
		}
	}
	close(batches)
	wg.Wait()
	return written.Load(), firstErr
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// countryRows are every actor the relationships use plus every record the
// dataset defines; the latter keep their record verbatim for read-back.
func (s *Store) countryRows(d *graphmodel.Dataset) []map[string]any {
	used := map[graphmodel.Code]bool{}
	var order []graphmodel.Code
	add := func(c graphmodel.Code) {
		if !used[c] {
			used[c] = true
			order = append(order, c)
		}
	}
	records := map[graphmodel.Code]graphmodel.Country{}
	for _, c := range d.Countries {
		add(c.Code)
		records[c.Code] = c
	}
	for _, r := range d.Relationships {
		add(r.FromCountry)
		add(r.ToCountry)
	}
	rows := make([]map[string]any, 0, len(order))
	for i, code := range order {
		c, _ := d.Registry.Country(code)
		props := map[string]any{
			"name": c.Name, "kind": string(c.Kind), "region": c.Region, "alpha3": c.Alpha3,
			"aliases": nonNil(c.Aliases), "demonyms": nonNil(c.Demonyms), "in_dataset": false,
		}
		if rec, ok := records[code]; ok {
			raw, _ := json.Marshal(rec)
			props["in_dataset"] = true
			props["record"] = string(raw)
			props["record_seq"] = int64(i)
		}
		rows = append(rows, map[string]any{"code": string(code), "props": props})
	}
	return rows
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sourceRow(seq int, s graphmodel.Source) map[string]any {
	props := map[string]any{
		"id": s.Key, "seq": int64(seq), "publisher": s.Publisher, "title": s.Title,
		"published": s.Published.String(), "published_precision": s.Published.Precision.String(),
		"kind": string(s.Kind), "url": s.URL, "note": s.Note,
		"domain": s.Domain, "republishes": s.Republishes, "derived_from": nonNil(s.DerivedFrom), "availability": s.Availability,
	}
	if !s.Published.IsZero() {
		props["published_start"] = neo4j.DateOf(s.Published.Start())
	}
	return map[string]any{"id": s.Key, "props": props}
}

// relProps are the relationship properties besides id, in the order of
// relSetClause.
var relProps = []string{"seq", "date", "date_start", "date_precision", "event", "status", "instrument",
	"count", "count_qualifier", "amount", "currency", "amount_qualifier", "confidence", "sources", "note"}

var relSetClause = func() string {
	parts := make([]string, len(relProps))
	for i, p := range relProps {
		parts[i] = "r." + p + " = row." + p
	}
	return strings.Join(parts, ", ")
}()

func relRow(seq int, r *graphmodel.Relationship) map[string]any {
	// Every key is always present; nil removes a property left by an
	// earlier load of a different version of the relationship.
	props := map[string]any{
		"seq": int64(seq), "date": r.Date.String(), "date_precision": r.Date.Precision.String(),
		"confidence": string(r.Confidence), "sources": nonNil(r.Sources), "note": r.Note,
		"date_start": nil, "event": nil, "status": nil, "instrument": nil, "count": nil, "count_qualifier": nil,
		"amount": nil, "currency": nil, "amount_qualifier": nil,
	}
	if !r.Date.IsZero() {
		props["date_start"] = neo4j.DateOf(r.Date.Start())
	}
	set := func(k, v string) {
		if v != "" {
			props[k] = v
		}
	}
	set("event", r.Event)
	set("status", string(r.Status))
	set("instrument", string(r.Instrument))
	if !r.Count.IsZero() {
		props["count"] = r.Count.Value
		props["count_qualifier"] = string(r.Count.Qualifier)
	}
	if !r.Money.IsZero() {
		props["amount"] = r.Money.Amount
		props["currency"] = r.Money.Currency
		props["amount_qualifier"] = string(r.Money.Qualifier)
	}
	props["id"], props["from"], props["to"] = r.Key, string(r.FromCountry), string(r.ToCountry)
	return props
}

// Count returns how many countries, sources and relationships (of the
// model's types) the database holds.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var types []string
	for _, t := range graphmodel.RelTypes {
		types = append(types, relType(t))
	}
	q := `CALL { MATCH (c:Country) RETURN count(c) AS countries }
CALL { MATCH (s:Source) RETURN count(s) AS sources }
CALL { MATCH ()-[r:` + strings.Join(types, "|") + `]->() RETURN count(r) AS rels }
RETURN countries, sources, rels`
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return Counts{}, s.wrap(err)
	}
	rec := res.Records[0]
	c, _ := rec.Get("countries")
	so, _ := rec.Get("sources")
	r, _ := rec.Get("rels")
	return Counts{Countries: c.(int64), Sources: so.(int64), Relationships: r.(int64)}, nil
}

// Clear deletes every relationship and node in batches (for tests and
// --replace), leaving constraints in place. Relationships go first: a
// DETACH DELETE of a hub with a million relationships would be one
// transaction too large for the server's memory pool.
func (s *Store) Clear(ctx context.Context) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS n",
		"MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS n",
	} {
		for {
			res, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				r, err := tx.Run(ctx, q, nil)
				if err != nil {
					return nil, err
				}
				rec, err := r.Single(ctx)
				if err != nil {
					return nil, err
				}
				n, _ := rec.Get("n")
				return n, nil
			})
			if err != nil {
				return s.wrap(err)
			}
			if res.(int64) == 0 {
				break
			}
		}
	}
	return nil
}
