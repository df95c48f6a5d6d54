package neostore

import (
	"context"
	"errors"
	"fmt"
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
	// Replace allows replacing a dataset of another name. Without it, Load
	// refuses with a *DifferentDatasetError when the database serves a
	// dataset whose name differs from the one loaded.
	Replace bool
	// Progress receives one unit per relationship written. Load calls it
	// from one goroutine at a time.
	Progress graphmodel.Progress
}

// Counts are what a load wrote, or what the database holds.
type Counts struct {
	Countries     int64 `json:"countries"`
	Sources       int64 `json:"sources"`
	Relationships int64 `json:"relationships"`
}

// LoadResult is what a successful Load did.
type LoadResult struct {
	Counts            // written by this load
	Generation string // the id the loaded records carry in their generation property
	// Previous is what the database served before (nil: nothing); it has
	// been removed.
	Previous *DatasetInfo
	// Resumed says an unfinished load of the same dataset was continued.
	Resumed bool
	// RemovedPartial counts relationships of unfinished loads of other
	// datasets removed before loading; RemovedOld those of the replaced
	// generation removed after the switch.
	RemovedPartial, RemovedOld int64
}

// LoadError is a load that stopped. Its message says what the database
// serves afterwards.
type LoadError struct {
	Written, Total int64
	// Switched says the new dataset is live and only the removal of the
	// replaced one was cut short.
	Switched bool
	Serving  *DatasetInfo
	Err      error
}

func (e *LoadError) Error() string {
	if e.Switched {
		return fmt.Sprintf("loaded %s, but removing the dataset it replaced was cut short; the leftovers are invisible to queries on :Country and the next load removes them: %v",
			e.Serving, e.Err)
	}
	return fmt.Sprintf("load stopped after %d of %d relationships; the database still serves %s, unchanged; the partial copy beside it is invisible to queries on :Country, and the next load resumes it (same dataset) or removes it: %v",
		e.Written, e.Total, e.Serving, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }

// DifferentDatasetError refuses to load a dataset over one of another name.
type DifferentDatasetError struct {
	Live DatasetInfo
	New  string
}

func (e *DifferentDatasetError) Error() string {
	return fmt.Sprintf("the database serves %s, not %s: replacing it needs --replace, adding to it --merge", &e.Live, e.New)
}

// Load writes d as a new generation beside whatever the database serves,
// switches it in with one transaction once every record is written and
// checked by count, then removes the generation it replaced (see the
// generation labels above). Batches are UNWIND statements in managed write
// transactions the driver retries on transient failures. Loading the same
// dataset twice, or again after a failure part-way, leaves exactly one node
// per country and source and one relationship per model relationship; a
// load cut short at any point leaves the dataset the database served
// before whole and live.
func (s *Store) Load(ctx context.Context, d *graphmodel.Dataset, opt LoadOptions) (LoadResult, error) {
	var res LoadResult
	if opt.BatchSize <= 0 {
		opt.BatchSize = 5000
	}
	opt.Progress = &lockedProgress{p: graphmodel.OrNop(opt.Progress)}
	if err := s.EnsureSchema(ctx); err != nil {
		return res, err
	}
	st, err := s.Status(ctx)
	if err != nil {
		return res, err
	}
	prov := d.Provenance()
	name := nonEmpty(d.Meta.Name, "unnamed")
	if st.Live != nil && !opt.Replace && st.Live.Name != name {
		return res, &DifferentDatasetError{Live: *st.Live, New: prov.String()}
	}
	stopped := func(err error) error {
		return &LoadError{Written: res.Relationships, Total: int64(len(d.Relationships)), Serving: st.Live, Err: err}
	}
	if res.RemovedPartial, err = s.removeGenerations(ctx, true, prov.ContentHash); err != nil {
		return res, stopped(err)
	}
	meta := map[string]any{"name": name, "version": d.Meta.Version, "description": d.Meta.Description,
		"license": d.Meta.License, "citation": d.Meta.Citation, "updated": d.Meta.Updated.String(),
		"content_hash": prov.ContentHash, "tool": prov.Tool}
	gen, resumed, err := s.beginGeneration(ctx, meta)
	if err != nil {
		return res, stopped(err)
	}
	res.Generation, res.Resumed = gen, resumed
	w := &genWriter{s: s, gen: gen}
	countryRows := s.countryRows(d)
	for i := 0; i < len(countryRows); i += opt.BatchSize {
		if err := w.write(ctx, "UNWIND $rows AS row MERGE (c:"+labelLoadingCountry+" {code: row.code, generation: $g}) SET c += row.props WITH c, row WHERE row.placeholder SET c:Placeholder",
			countryRows[i:min(i+opt.BatchSize, len(countryRows))]); err != nil {
			return res, stopped(err)
		}
	}
	res.Countries = int64(len(countryRows))
	var batch []map[string]any
	for i, src := range d.Sources {
		batch = append(batch, sourceRow(i, src))
		if len(batch) == opt.BatchSize || i == len(d.Sources)-1 {
			if err := w.write(ctx, "UNWIND $rows AS row MERGE (s:"+labelLoadingSource+" {id: row.id, generation: $g}) SET s = row.props, s.generation = $g", batch); err != nil {
				return res, stopped(err)
			}
			batch = batch[:0]
		}
	}
	res.Sources = int64(len(d.Sources))
	opt.Progress.Start("loading relationships into Neo4j", int64(len(d.Relationships)))
	n, err := s.loadRelationships(ctx, gen, d.Relationships, opt)
	opt.Progress.Done()
	res.Relationships = n
	if err != nil {
		return res, stopped(err)
	}
	want := Counts{Countries: res.Countries, Sources: res.Sources, Relationships: int64(len(d.Relationships))}
	prev, _, err := s.switchGeneration(ctx, gen, want)
	if err != nil {
		return res, stopped(err)
	}
	res.Previous = prev
	if prev == nil {
		res.Previous = st.Live
	}
	if res.RemovedOld, err = s.removeGenerations(ctx, false, ""); err != nil {
		live := infoOf(meta)
		live.Generation = gen
		return res, &LoadError{Written: res.Relationships, Total: want.Relationships, Switched: true, Serving: &live, Err: err}
	}
	return res, nil
}

// genWriter writes batches of rows into one generation.
type genWriter struct {
	s   *Store
	gen string
}

func (w *genWriter) write(ctx context.Context, q string, rows []map[string]any) error {
	sess := w.s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, q, map[string]any{"rows": rows, "g": w.gen})
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	})
	return w.s.wrapCtx(ctx, err)
}

// lockedProgress lets the load workers report through a Progress that is
// meant for one goroutine at a time.
type lockedProgress struct {
	mu sync.Mutex
	p  graphmodel.Progress
}

func (l *lockedProgress) Start(label string, total int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.p.Start(label, total)
}

func (l *lockedProgress) Add(n int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.p.Add(n)
}

func (l *lockedProgress) Done() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.p.Done()
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

// relQueries are the MERGE and the CREATE statement writing a batch of one
// relationship type into generation $g. Properties are set one by one,
// every key every time (nil removes a property an earlier version had): a
// map SET would make the planner buffer the whole batch (Eager) to protect
// the id the MERGE reads. A relationship keeps its endpoints for life: a
// row whose id exists between other countries fails on the uniqueness
// constraint.
func relQueries(rt string) (merge, create string) {
	match := `UNWIND $rows AS row
MATCH (a:` + labelLoadingCountry + ` {code: row.from, generation: $g})
MATCH (b:` + labelLoadingCountry + ` {code: row.to, generation: $g})
`
	merge = match + `MERGE (a)-[r:` + rt + ` {id: row.id, generation: $g}]->(b)
SET ` + relSetClause
	create = match + `CREATE (a)-[r:` + rt + ` {id: row.id, generation: $g}]->(b)
SET ` + relSetClause + "\n"
	return merge, create
}

// loadRelationships writes relationship batches from opt.Workers sessions
// at once; the first failure stops the others.
func (s *Store) loadRelationships(ctx context.Context, gen string, rels []graphmodel.Relationship, opt LoadOptions) (int64, error) {
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
						res, err := tx.Run(ctx, q, map[string]any{"rows": b.rows, "g": gen})
						if err != nil {
							return nil, err
						}
						_, err = res.Consume(ctx)
						return nil, err
					})
					return err
				}
				// A batch is created outright, which costs no lookup of its
				// ids; if any id exists already (a resumed load, a
				// concurrent one) the uniqueness constraint fails the whole
				// transaction, the batch is merged instead, and so is every
				// later batch of its type.
				var err error
				if b.merging.Load() {
					err = run(b.query)
				} else if err = run(b.create); isConstraintViolation(err) {
					b.merging.Store(true)
					err = run(b.query)
				}
				if err != nil {
					fail(s.wrapCtx(ctx, err))
					continue
				}
				written.Add(int64(len(b.rows)))
				opt.Progress.Add(int64(len(b.rows)))
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
		q, create := relQueries(rt)
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
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	return written.Load(), firstErr
}

// Count returns how many countries, sources and relationships (of the
// model's types) the live dataset holds; unfinished loads beside it are
// not counted.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	q := `CALL { MATCH (c:Country) RETURN count(c) AS countries, sum(COUNT { (c)-[:` + typeUnion() + `]->() }) AS rels }
CALL { MATCH (s:Source) RETURN count(s) AS sources }
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
