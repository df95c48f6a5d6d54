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
	// Rows (directly, in lists, maps or paths), by element id, read in the
	// same transaction, so a relationship can be shown with its ends.
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

// Query runs cypher with params. It first asks the server to EXPLAIN the
// statement; without Write the plan must read only (checkReadOnly), and
// the statement then still runs in a read transaction, so anything the
// check could miss fails on the server's access mode. Every value travels
// as a parameter.
func (s *Store) Query(ctx context.Context, cypher string, params map[string]any, opt QueryOptions) (Result, error) {
	if opt.Timeout < 0 {
		return Result{}, fmt.Errorf("query timeout %s is negative", opt.Timeout)
	}
	qctx := ctx
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	res, err := s.query(qctx, cypher, params, opt)
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return Result{}, ctx.Err()
	case errors.Is(qctx.Err(), context.DeadlineExceeded):
		// The driver's reads race the context: the wait ended and the
		// connection it was on is closed, not returned to the pool.
		return Result{}, &TimeoutError{Timeout: opt.Timeout, Client: true}
	}
	return res, err
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

func (s *Store) query(ctx context.Context, cypher string, params map[string]any, opt QueryOptions) (Result, error) {
	missing, err := MissingParameters(cypher, params)
	if err != nil {
		return Result{}, fmt.Errorf("Cypher error: %v", err)
	}
	if len(missing) > 0 {
		return Result{}, &MissingParameterError{missing}
	}
	facts, head, err := s.explain(ctx, cypher, params)
	if err != nil {
		return Result{}, err
	}
	if !opt.Write {
		if err := s.checkReadOnly(ctx, facts, head); err != nil {
			return Result{}, err
		}
	}
	mode := neo4j.AccessModeRead
	if opt.Write {
		mode = neo4j.AccessModeWrite
	}
	sess := s.session(ctx, mode)
	defer sess.Close(ctx)
	var out Result
	work := func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		r, err := collect(ctx, res, head.mode != nil)
		if err != nil {
			return nil, err
		}
		r.Endpoints, err = endpoints(ctx, tx, r.Rows)
		return r, err
	}
	cfg := neo4j.WithTxTimeout(opt.Timeout) // 0: the transaction runs without a bound
	var res any
	switch {
	case opt.Write && (facts.inTransactions || facts.admin):
		// CALL { … } IN TRANSACTIONS commits its own batches and
		// administration commands run on the system database: both only
		// run as auto-commit queries, which the driver does not retry.
		var r neo4j.ResultWithContext
		r, err = sess.Run(ctx, cypher, params, cfg)
		if err == nil {
			if out, err = collect(ctx, r, head.mode != nil); err == nil {
				rs := s.session(ctx, neo4j.AccessModeRead)
				_, err = rs.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
					var e error
					out.Endpoints, e = endpoints(ctx, tx, out.Rows)
					return nil, e
				})
				rs.Close(ctx)
			}
			res = out
		}
	case opt.Write:
		res, err = sess.ExecuteWrite(ctx, work, cfg)
	default:
		res, err = sess.ExecuteRead(ctx, work, cfg)
	}
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		var ne *neo4j.Neo4jError
		if errors.As(err, &ne) {
			switch {
			case ne.Code == "Neo.ClientError.Transaction.TransactionTimedOut" || ne.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
				return Result{}, &TimeoutError{Timeout: opt.Timeout}
			case ne.Code == "Neo.ClientError.Statement.AccessMode" && !opt.Write:
				// The plan check passed but the server's read access mode
				// stopped a write: the second line of defence held.
				return Result{}, refused("the server refused a write in a read transaction: %s", firstLine(ne.Msg))
			case ne.Classification() == "ClientError":
				return Result{}, fmt.Errorf("Cypher error (%s): %s", ne.Code, firstLine(ne.Msg))
			}
		}
		return Result{}, s.wrap(err)
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
	if c := sum.Counters(); c != nil {
		out.Updated = c.ContainsUpdates() || c.ContainsSystemUpdates()
	}
	if wantPlan {
		if p := sum.Profile(); p != nil {
			out.Plan, _ = p.Arguments()["string-representation"].(string)
		} else if p := sum.Plan(); p != nil {
			out.Plan, _ = p.Arguments()["string-representation"].(string)
		}
	}
	return out, nil
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
		n := res.Record().Values[0].(neo4j.Node)
		out[n.ElementId] = n
	}
	return out, res.Err()
}
