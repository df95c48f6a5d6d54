package neostore

import (
	"context"
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
	// ContentHash is the full SHA-256 of the loaded dataset (for a streamed
	// load, computed while streaming).
	ContentHash string
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
	// PartialRemoved says the partial copy was removed already (bad input).
	PartialRemoved bool
	Serving        *DatasetInfo
	Err            error
}

func (e *LoadError) Error() string {
	if e.Switched {
		return fmt.Sprintf("loaded %s, but removing the dataset it replaced was cut short; the leftovers are invisible to queries on :Country and the next load removes them: %v",
			e.Serving, e.Err)
	}
	if e.PartialRemoved {
		return fmt.Sprintf("load stopped after %d relationships and removed what it had written; the database still serves %s, unchanged: %v",
			e.Written, e.Serving, e.Err)
	}
	of := fmt.Sprintf("%d of %d", e.Written, e.Total)
	if e.Total <= 0 {
		of = fmt.Sprintf("%d (of a streamed total not yet known)", e.Written)
	}
	return fmt.Sprintf("load stopped after %s relationships; the database still serves %s, unchanged; the partial copy beside it is invisible to queries on :Country, and the next load resumes it (same dataset) or removes it: %v",
		of, e.Serving, e.Err)
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
	return s.load(ctx, loadPlan{
		head: d, hash: d.ContentHash(), countryRows: s.countryRows(d), total: int64(len(d.Relationships)),
		each: func(fn func(*graphmodel.Relationship) error) error {
			for i := range d.Relationships {
				if err := fn(&d.Relationships[i]); err != nil {
					return err
				}
			}
			return nil
		},
	}, opt)
}

// LoadStream is Load for a dataset too large to hold: head carries the
// meta, countries, sources and registry, and each calls its function with
// every relationship in turn, once (csvdir.StreamAhead does). The content
// hash is computed in the same pass (graphmodel.ContentHasher, spilling to
// spillDir), so the dataset is read once and never held. Every actor of
// the registry is written first, so relationships find their endpoints,
// and the ones no relationship or record uses are removed before the
// switch. An unfinished streamed load is not resumed: the next load
// removes it. If each reports invalid data, the partial copy is removed at
// once.
func (s *Store) LoadStream(ctx context.Context, head *graphmodel.Dataset, each func(fn func(*graphmodel.Relationship) error) error, spillDir string, opt LoadOptions) (LoadResult, error) {
	hasher := graphmodel.NewContentHasher(spillDir)
	defer hasher.Close()
	return s.load(ctx, loadPlan{head: head, countryRows: s.registryRows(head), each: each, hasher: hasher}, opt)
}

// loadPlan is what a load writes: the head of a dataset, its country rows,
// and its relationships as a stream. hash is empty when it is computed
// while streaming, by hasher.
type loadPlan struct {
	head        *graphmodel.Dataset
	hash        string
	countryRows []map[string]any
	each        func(fn func(*graphmodel.Relationship) error) error
	total       int64 // 0: unknown until streamed
	hasher      *graphmodel.ContentHasher
}

func (s *Store) load(ctx context.Context, plan loadPlan, opt LoadOptions) (LoadResult, error) {
	var res LoadResult
	if opt.BatchSize <= 0 {
		opt.BatchSize = 5000
	}
	opt.Progress = &lockedProgress{p: graphmodel.OrNop(opt.Progress)}
	d := plan.head
	if err := s.EnsureSchema(ctx); err != nil {
		return res, err
	}
	// Not pinned: a load must get past a served token that a killed load
	// left "switching", since its own switch is what replaces it.
	st, err := s.status(ctx)
	if err != nil {
		return res, err
	}
	name := nonEmpty(d.Meta.Name, "unnamed")
	label := d.Meta.Name + " " + d.Meta.Version
	if plan.hash != "" {
		label = d.Provenance().String()
	}
	if st.Live != nil && !opt.Replace && st.Live.Name != name {
		return res, &DifferentDatasetError{Live: *st.Live, New: strings.TrimSpace(label)}
	}
	stopped := func(err error) error {
		return &LoadError{Written: res.Relationships, Total: plan.total, Serving: st.Live, Err: err}
	}
	// A streamed load does not know its hash yet: its staging key is
	// unique, and it keeps no other staging copy.
	key := plan.hash
	if key == "" {
		key = pendingPrefix + randomKey()
	}
	if res.RemovedPartial, err = s.removeGenerations(ctx, true, key); err != nil {
		return res, stopped(err)
	}
	meta := map[string]any{"name": name, "version": d.Meta.Version, "description": d.Meta.Description,
		"license": d.Meta.License, "citation": d.Meta.Citation, "updated": d.Meta.Updated.String(), "campaign": campaignList(d.Meta.Campaign),
		"content_hash": key, "tool": "leverage " + graphmodel.ToolVersion()}
	gen, resumed, err := s.beginGeneration(ctx, meta)
	if err != nil {
		return res, stopped(err)
	}
	res.Generation, res.Resumed = gen, resumed
	w := &genWriter{s: s, gen: gen}
	if err := w.writeHead(ctx, plan, opt.BatchSize); err != nil {
		return res, stopped(err)
	}
	res.Countries, res.Sources = int64(len(plan.countryRows)), int64(len(d.Sources))
	opt.Progress.Start("loading relationships into Neo4j", plan.total)
	n, err := s.loadRelationships(ctx, gen, plan.hashedEach(), sourceIndex(d.Sources), d.Campaign(), opt)
	opt.Progress.Done()
	res.Relationships = n
	if err != nil {
		if graphmodel.IsInvalid(err) {
			// Bad input: take the partial copy away now rather than
			// leave it for the next load. Only a streamed load meets bad
			// input, and it keeps no other staging copy either.
			_, rmErr := s.removeGenerations(context.WithoutCancel(ctx), true, "")
			le := stopped(err).(*LoadError)
			le.PartialRemoved = rmErr == nil
			return res, le
		}
		return res, stopped(err)
	}
	if plan.hasher != nil {
		if plan.hash, err = plan.hasher.Sum(d.Countries, d.Sources); err != nil {
			return res, stopped(err)
		}
		pruned, err := s.finishStreamed(ctx, gen, plan.hash)
		if err != nil {
			return res, stopped(err)
		}
		res.Countries -= pruned
		meta["content_hash"] = plan.hash
	}
	res.ContentHash = plan.hash
	want := Counts{Countries: res.Countries, Sources: res.Sources, Relationships: plan.total}
	if plan.hasher != nil {
		want.Relationships = int64(plan.hasher.Len())
	}
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

// writeHead writes the plan's countries and sources into w's generation,
// batchSize rows a statement.
func (w *genWriter) writeHead(ctx context.Context, plan loadPlan, batchSize int) error {
	for i := 0; i < len(plan.countryRows); i += batchSize {
		if err := w.write(ctx, "UNWIND $rows AS row MERGE (c:"+labelLoadingCountry+" {code: row.code, generation: $g}) SET c += row.props",
			plan.countryRows[i:min(i+batchSize, len(plan.countryRows))]); err != nil {
			return err
		}
	}
	var batch []map[string]any
	sources := plan.head.Sources
	for i, src := range sources {
		batch = append(batch, sourceRow(i, src))
		if len(batch) == batchSize || i == len(sources)-1 {
			if err := w.write(ctx, "UNWIND $rows AS row MERGE (s:"+labelLoadingSource+" {id: row.id, generation: $g}) SET s = row.props, s.generation = $g", batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// hashedEach is the plan's stream of relationships, each added to the
// content hash on its way when the hash is computed while streaming.
func (plan loadPlan) hashedEach() func(fn func(*graphmodel.Relationship) error) error {
	if plan.hasher == nil {
		return plan.each
	}
	return func(fn func(*graphmodel.Relationship) error) error {
		return plan.each(func(r *graphmodel.Relationship) error {
			if err := plan.hasher.Add(r); err != nil {
				return err
			}
			return fn(r)
		})
	}
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
	rows          [][]any
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
MATCH (a:` + labelLoadingCountry + ` {code: row[` + fmt.Sprint(rowFrom) + `], generation: $g})
MATCH (b:` + labelLoadingCountry + ` {code: row[` + fmt.Sprint(rowTo) + `], generation: $g})
`
	id := "row[" + fmt.Sprint(rowID) + "]"
	merge = match + `MERGE (a)-[r:` + rt + ` {id: ` + id + `, generation: $g}]->(b)
SET ` + relSetClause
	create = match + `CREATE (a)-[r:` + rt + ` {id: ` + id + `, generation: $g}]->(b)
SET ` + relSetClause + "\n"
	return merge, create
}

// writeRelBatches writes the batches it receives in one session until
// batches is closed, counting rows written; after a failure (given to
// fail, which cancels ctx) it only drains batches.
func (s *Store) writeRelBatches(ctx context.Context, gen string, batches <-chan relBatch, fail func(error), written *atomic.Int64, progress graphmodel.Progress) {
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
		progress.Add(int64(len(b.rows)))
	}
}

// sourceIndex looks sources up by key, for the report dates of the
// relationships that cite them.
func sourceIndex(ss []graphmodel.Source) func(string) (graphmodel.Source, bool) {
	m := make(map[string]graphmodel.Source, len(ss))
	for _, s := range ss {
		m[s.Key] = s
	}
	return func(k string) (graphmodel.Source, bool) { s, ok := m[k]; return s, ok }
}

// loadRelationships writes relationship batches from opt.Workers sessions
// at once; the first failure stops the others.
func (s *Store) loadRelationships(ctx context.Context, gen string, each func(fn func(*graphmodel.Relationship) error) error, lookup func(string) (graphmodel.Source, bool), campaign func(*graphmodel.Relationship) bool, opt LoadOptions) (int64, error) {
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
			s.writeRelBatches(ctx, gen, batches, fail, &written, opt.Progress)
		}()
	}
	byType := map[graphmodel.RelType][][]any{}
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
	seq := 0
	errStopped := errors.New("stopped")
	err := each(func(r *graphmodel.Relationship) error {
		byType[r.Type] = append(byType[r.Type], relRow(seq, r, lookup, campaign))
		seq++
		if len(byType[r.Type]) >= opt.BatchSize && !send(r.Type) {
			return errStopped
		}
		return nil
	})
	if err != nil && err != errStopped {
		fail(err)
	}
	if err == nil {
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
