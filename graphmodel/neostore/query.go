package neostore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// QueryOptions control a user query.
type QueryOptions struct {
	// Write allows the query to change the database. Without it the query
	// runs in a read transaction, after the server's plan shows it reads
	// only (see checkReadOnly).
	Write bool
	// Pin, if set, is the caller's pin (Store.Pinned) that the query's
	// reads must still hold; without it a read pins on its own and runs
	// again when the dataset was replaced before it handed on a row.
	Pin *Pin
	// Timeout bounds the query twice: the server stops the transaction
	// after it, and the client stops waiting after it (planning included)
	// and closes the connection, so a server that stalls or never answers
	// cannot hold the caller longer. 0 means no bound.
	Timeout time.Duration
}

// Result is a query's table, with the values as the driver returns them
// (neo4j.Node, neo4j.Relationship, neo4j.Path, dbtype dates, …).
type Result struct {
	Columns []string
	Rows    [][]any
	// Endpoints holds the start and end node of every relationship in
	// Rows (directly, in lists, maps or paths), by element id, so a
	// relationship can be shown with its ends (see QueryEach for the
	// transaction they are read in).
	Endpoints map[string]neo4j.Node
	// Plan is the server's own rendering of the plan, when the statement
	// asked for one with EXPLAIN or PROFILE (with db hits for PROFILE).
	Plan string
	// Updated reports that the query changed the database (Write only).
	Updated bool
}

// MissingParameterError names parameters the statement uses but the
// caller did not give.
type MissingParameterError struct{ Names []string }

func (e *MissingParameterError) Error() string {
	return fmt.Sprintf("the query uses parameter %s but no value was given (--param %s=…)",
		"$"+strings.Join(e.Names, ", $"), e.Names[0])
}

// MissingParameters returns the parameters cypher uses that params lacks,
// found from the statement text before anything is sent to a server.
func MissingParameters(cypher string, params map[string]any) ([]string, error) {
	names, err := ParameterNames(cypher)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, n := range names {
		if _, ok := params[n]; !ok {
			missing = append(missing, n)
		}
	}
	return missing, nil
}

// Sink receives a query's result as it arrives, so a result of any size
// passes through without being held.
type Sink struct {
	// Columns is called once, before any row.
	Columns func(cols []string) error
	// Row is called for each row in order; ends holds the start and end
	// node, by element id, of every relationship in it (directly, in
	// lists, maps or paths). An error stops the query and is returned as
	// it is.
	Row func(values []any, ends map[string]neo4j.Node) error
}

// Summary is what is known once every row has been delivered.
type Summary struct {
	// Plan is the server's own rendering of the plan, when the statement
	// asked for one with EXPLAIN or PROFILE (with db hits for PROFILE).
	Plan string
	// Updated reports that the query changed the database (Write only).
	Updated bool
	Rows    int64
}

// Query runs cypher with params and holds the whole result; QueryEach
// streams it instead.
func (s *Store) Query(ctx context.Context, cypher string, params map[string]any, opt QueryOptions) (Result, error) {
	out := Result{Endpoints: map[string]neo4j.Node{}}
	sum, err := s.QueryEach(ctx, cypher, params, opt, Sink{
		Columns: func(c []string) error { out.Columns = c; return nil },
		Row: func(v []any, ends map[string]neo4j.Node) error {
			out.Rows = append(out.Rows, v)
			for k, n := range ends {
				out.Endpoints[k] = n
			}
			return nil
		},
	})
	if err != nil {
		return Result{}, err
	}
	if len(out.Endpoints) == 0 {
		out.Endpoints = nil
	}
	out.Plan, out.Updated = sum.Plan, sum.Updated
	return out, nil
}

// QueryEach runs cypher with params and hands each row to sink as it
// arrives. It first asks the server to EXPLAIN the statement; without
// Write the plan must read only (checkReadOnly), and the statement then
// still runs in a read transaction, so anything the check could miss
// fails on the server's access mode. Every value travels as a parameter.
//
// A read streams: rows go to sink in batches of endpointBatch, each
// batch's relationship ends read in a second read transaction (so they
// come from the committed state, not from the query's own snapshot). A
// read is retried after transient failures only until its first row has
// been delivered. A Write query's rows are held until its transaction
// commits, so no row of a transaction that then fails is ever shown.
func (s *Store) QueryEach(ctx context.Context, cypher string, params map[string]any, opt QueryOptions, sink Sink) (Summary, error) {
	if opt.Timeout < 0 {
		return Summary{}, fmt.Errorf("query timeout %s is negative", opt.Timeout)
	}
	qctx := ctx
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	var sum Summary
	var err error
	switch {
	case opt.Write:
		// A write is never run twice, and what it reads is its own.
		sum, err = s.queryEach(qctx, cypher, params, opt, sink, nil)
	case opt.Pin != nil:
		sum, err = s.queryEach(qctx, cypher, params, opt, sink, opt.Pin)
	default:
		err = s.Pinned(qctx, func(p Pin) (err error) {
			sum, err = s.queryEach(qctx, cypher, params, opt, sink, &p)
			return err
		})
	}
	var se sinkError
	var re *ReplacedError
	switch {
	case err == nil:
	case errors.As(err, &se):
		return Summary{}, se.err
	case errors.As(err, &re):
		return Summary{}, re
	case ctx.Err() != nil:
		return Summary{}, ctx.Err()
	case errors.Is(qctx.Err(), context.DeadlineExceeded):
		// The driver's reads race the context: the wait ended and the
		// connection it was on is closed, not returned to the pool.
		return Summary{}, &TimeoutError{Timeout: opt.Timeout, Client: true}
	}
	return sum, err
}

// TimeoutError reports a query stopped by its timeout, by the server
// (which ended the transaction) or by the client (which stopped waiting
// for a server that did not answer in time and closed the connection).
type TimeoutError struct {
	Timeout time.Duration
	Client  bool
}

func (e *TimeoutError) Error() string {
	if e.Client {
		return fmt.Sprintf("no answer from Neo4j within the %s timeout; the connection was closed (raise --timeout, or --timeout 0 for none)", e.Timeout)
	}
	return fmt.Sprintf("query stopped after the %s timeout (raise --timeout, or --timeout 0 for none)", e.Timeout)
}

// sinkError carries the sink's own error through the driver untouched.
type sinkError struct{ err error }

func (e sinkError) Error() string { return e.err.Error() }

// deliveredError wraps a failure after rows were delivered. It has no
// Unwrap on purpose: the driver retries a transaction whose error is (or
// wraps) a transient one, and a retry would deliver the rows again.
type deliveredError struct{ err error }

func (e deliveredError) Error() string { return e.err.Error() }

// endpointBatch is how many rows wait for one lookup of relationship ends.
const endpointBatch = 1000

func (s *Store) queryEach(ctx context.Context, cypher string, params map[string]any, opt QueryOptions, sink Sink, pin *Pin) (Summary, error) {
	missing, err := MissingParameters(cypher, params)
	if err != nil {
		return Summary{}, fmt.Errorf("Cypher error: %v", err)
	}
	if len(missing) > 0 {
		return Summary{}, &MissingParameterError{missing}
	}
	facts, head, err := s.explain(ctx, cypher, params)
	if err != nil {
		return Summary{}, err
	}
	if !opt.Write {
		if err := s.checkReadOnly(ctx, facts, head); err != nil {
			return Summary{}, err
		}
	}
	wantPlan := head.mode != nil
	cfg := neo4j.WithTxTimeout(opt.Timeout) // 0: the transaction runs without a bound
	var sum Summary
	if opt.Write {
		var res Result
		res, err = s.runWrite(ctx, cypher, params, facts, wantPlan, cfg)
		if err == nil {
			sum, err = deliver(res, sink)
		}
	} else {
		sess := s.session(ctx, neo4j.AccessModeRead)
		defer sess.Close(ctx)
		ends := s.session(ctx, neo4j.AccessModeRead)
		defer ends.Close(ctx)
		_, err = sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, cypher, params)
			if err != nil {
				return nil, err
			}
			sum, err = s.stream(ctx, res, ends, pin, wantPlan, sink)
			if err != nil && sum.Rows > 0 {
				err = deliveredError{err}
			}
			return nil, err
		}, cfg)
	}
	if err == nil {
		return sum, nil
	}
	var de deliveredError
	if errors.As(err, &de) {
		err = de.err
	}
	if pin != nil && ctx.Err() == nil {
		// A read that failed may have failed because of a replace (a
		// node deleted under it): the pin tells, and the caller reads
		// again if nothing was handed on.
		var re *ReplacedError
		if uerr := s.Unchanged(ctx, *pin, sum.Rows > 0); errors.As(uerr, &re) {
			return Summary{}, re
		}
	}
	var se sinkError
	var re *ReplacedError
	if errors.As(err, &se) || errors.As(err, &re) || ctx.Err() != nil {
		return Summary{}, err
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case ne.Code == "Neo.ClientError.Transaction.TransactionTimedOut" || ne.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
			return Summary{}, &TimeoutError{Timeout: opt.Timeout}
		case ne.Code == "Neo.ClientError.Statement.AccessMode" && !opt.Write:
			// The plan check passed but the server's read access mode
			// stopped a write: the second line of defence held.
			return Summary{}, refused("the server refused a write in a read transaction: %s", firstLine(ne.Msg))
		case ne.Classification() == "ClientError":
			return Summary{}, fmt.Errorf("Cypher error (%s): %s", ne.Code, firstLine(ne.Msg))
		}
	}
	return Summary{}, s.wrap(err)
}

// stream hands the rows of res to sink in batches, reading each batch's
// relationship ends through the session ends. Before it hands on a batch
// (the columns with the first), it checks that the served dataset is the
// one pinned; the last check follows the last read.
func (s *Store) stream(ctx context.Context, res neo4j.ResultWithContext, ends neo4j.SessionWithContext, pin *Pin, wantPlan bool, sink Sink) (Summary, error) {
	var sum Summary
	keys, err := res.Keys()
	if err != nil {
		return sum, err
	}
	started := false
	batch := make([][]any, 0, endpointBatch)
	flush := func() error {
		var found map[string]neo4j.Node
		if len(batch) > 0 {
			m, err := ends.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				return endpoints(ctx, tx, batch)
			})
			if err != nil {
				return err
			}
			found, _ = m.(map[string]neo4j.Node)
		}
		if pin != nil {
			if err := s.Unchanged(ctx, *pin, started); err != nil {
				return err
			}
		}
		if !started {
			started = true
			if err := sink.Columns(keys); err != nil {
				return sinkError{err}
			}
		}
		for _, r := range batch {
			if err := sink.Row(r, found); err != nil {
				return sinkError{err}
			}
			sum.Rows++
		}
		clear(batch)
		batch = batch[:0]
		return nil
	}
	for res.Next(ctx) {
		batch = append(batch, res.Record().Values)
		if len(batch) == endpointBatch {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	if err := res.Err(); err != nil {
		return sum, err
	}
	if err := flush(); err != nil {
		return sum, err
	}
	rs, err := res.Consume(ctx)
	if err != nil {
		return sum, err
	}
	sum.Plan, sum.Updated = summaryOf(rs, wantPlan)
	return sum, nil
}

// deliver hands a held result to sink.
func deliver(res Result, sink Sink) (Summary, error) {
	if err := sink.Columns(res.Columns); err != nil {
		return Summary{}, sinkError{err}
	}
	for _, r := range res.Rows {
		if err := sink.Row(r, res.Endpoints); err != nil {
			return Summary{}, sinkError{err}
		}
	}
	return Summary{Plan: res.Plan, Updated: res.Updated, Rows: int64(len(res.Rows))}, nil
}

// runWrite runs a --write statement and holds its rows until it commits.
func (s *Store) runWrite(ctx context.Context, cypher string, params map[string]any, facts planFacts, wantPlan bool, cfg func(*neo4j.TransactionConfig)) (Result, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	if facts.inTransactions || facts.admin {
		// CALL { … } IN TRANSACTIONS commits its own batches and
		// administration commands run on the system database: both only
		// run as auto-commit queries, which the driver does not retry.
		r, err := sess.Run(ctx, cypher, params, cfg)
		if err != nil {
			return Result{}, err
		}
		out, err := collect(ctx, r, wantPlan)
		if err != nil {
			return Result{}, err
		}
		rs := s.session(ctx, neo4j.AccessModeRead)
		defer rs.Close(ctx)
		_, err = rs.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			var e error
			out.Endpoints, e = endpoints(ctx, tx, out.Rows)
			return nil, e
		})
		return out, err
	}
	res, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		r, err := collect(ctx, res, wantPlan)
		if err != nil {
			return nil, err
		}
		r.Endpoints, err = endpoints(ctx, tx, r.Rows)
		return r, err
	}, cfg)
	if err != nil {
		return Result{}, err
	}
	return res.(Result), nil
}

func (s *Store) queryErr(err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Classification() == "ClientError" {
		return fmt.Errorf("Cypher error (%s): %s", ne.Code, firstLine(ne.Msg))
	}
	return s.wrap(err)
}

func collect(ctx context.Context, res neo4j.ResultWithContext, wantPlan bool) (Result, error) {
	keys, err := res.Keys()
	if err != nil {
		return Result{}, err
	}
	out := Result{Columns: keys}
	for res.Next(ctx) {
		out.Rows = append(out.Rows, res.Record().Values)
	}
	if err := res.Err(); err != nil {
		return Result{}, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return Result{}, err
	}
	out.Plan, out.Updated = summaryOf(sum, wantPlan)
	return out, nil
}

func summaryOf(sum neo4j.ResultSummary, wantPlan bool) (plan string, updated bool) {
	if c := sum.Counters(); c != nil {
		updated = c.ContainsUpdates() || c.ContainsSystemUpdates()
	}
	if wantPlan {
		if p := sum.Profile(); p != nil {
			plan, _ = p.Arguments()["string-representation"].(string)
		} else if p := sum.Plan(); p != nil {
			plan, _ = p.Arguments()["string-representation"].(string)
		}
	}
	return plan, updated
}

// endpoints reads the start and end nodes of the relationships in rows.
func endpoints(ctx context.Context, tx neo4j.ManagedTransaction, rows [][]any) (map[string]neo4j.Node, error) {
	known := map[string]neo4j.Node{}
	want := map[string]bool{}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case neo4j.Node:
			known[x.ElementId] = x
		case neo4j.Relationship:
			want[x.StartElementId], want[x.EndElementId] = true, true
		case neo4j.Path:
			for _, n := range x.Nodes {
				known[n.ElementId] = n
			}
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			for _, e := range x {
				visit(e)
			}
		}
	}
	for _, r := range rows {
		for _, v := range r {
			visit(v)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	out := map[string]neo4j.Node{}
	var ids []string
	for id := range want {
		if n, ok := known[id]; ok {
			out[id] = n
		} else {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	res, err := tx.Run(ctx, "MATCH (n) WHERE elementId(n) IN $ids RETURN n", map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for res.Next(ctx) {
		if n, ok := res.Record().Values[0].(neo4j.Node); ok { // deleted meanwhile: shown by id
			out[n.ElementId] = n
		}
	}
	return out, res.Err()
}
