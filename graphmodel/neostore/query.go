package neostore

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// QueryOptions control a user query.
type QueryOptions struct {
	// Write allows the query to change the database. Without it the query
	// runs in a read transaction and anything that writes is refused.
	Write bool
	// Timeout bounds the transaction on the server (default 60 s).
	Timeout time.Duration
}

// Result is a query's table.
type Result struct {
	Columns []string
	Rows    [][]any
}

// ErrWriteRefused is returned for a query that would write without Write.
var ErrWriteRefused = errors.New("query refused: it would write to the database (CREATE, MERGE, SET, DELETE, REMOVE, LOAD CSV, or a writing procedure); rerun with --write if that is intended")

var (
	loadCSV        = regexp.MustCompile(`(?i)\bLOAD\s+CSV\b`)
	inTransactions = regexp.MustCompile(`(?i)\bIN\s+(?:\d+\s+CONCURRENT\s+)?TRANSACTIONS\b`)
)

// Query runs cypher with params. Before running a read-only query it asks
// the server to EXPLAIN it and refuses any plan that writes, so the
// refusal names the reason instead of failing part-way; the read access
// mode stops anything the check could miss. LOAD CSV is refused without
// Write because it reads files on the server.
func (s *Store) Query(ctx context.Context, cypher string, params map[string]any, opt QueryOptions) (Result, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = 60 * time.Second
	}
	mode := neo4j.AccessModeRead
	if opt.Write {
		mode = neo4j.AccessModeWrite
	} else {
		if loadCSV.MatchString(cypher) {
			return Result{}, ErrWriteRefused
		}
		writes, err := s.writes(ctx, cypher, params)
		if err != nil {
			return Result{}, err
		}
		if writes {
			return Result{}, ErrWriteRefused
		}
	}
	sess := s.session(ctx, mode)
	defer sess.Close(ctx)
	work := func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return collect(ctx, res)
	}
	var res any
	var err error
	cfg := neo4j.WithTxTimeout(opt.Timeout)
	if opt.Write && inTransactions.MatchString(cypher) {
		// CALL { … } IN TRANSACTIONS commits its own batches, so it can
		// only run as an auto-commit query, which the driver does not retry.
		r, rerr := sess.Run(ctx, cypher, params, cfg)
		if rerr == nil {
			res, err = collect(ctx, r)
		} else {
			err = rerr
		}
	} else if opt.Write {
		res, err = sess.ExecuteWrite(ctx, work, cfg)
	} else {
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
				return Result{}, fmt.Errorf("query stopped after the %s timeout (raise --timeout)", opt.Timeout)
			case ne.Classification() == "ClientError":
				return Result{}, fmt.Errorf("Cypher error (%s): %s", ne.Code, firstLine(ne.Msg))
			}
		}
		return Result{}, s.wrap(err)
	}
	return res.(Result), nil
}

// writes asks the planner whether the query writes.
func (s *Store) writes(ctx context.Context, cypher string, params map[string]any) (bool, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "EXPLAIN "+cypher, params)
	if err != nil {
		return false, s.queryErr(err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return false, s.queryErr(err)
	}
	switch sum.StatementType() {
	case neo4j.StatementTypeReadOnly:
		return false, nil
	case neo4j.StatementTypeSchemaWrite, neo4j.StatementTypeWriteOnly, neo4j.StatementTypeReadWrite:
		return true, nil
	}
	return false, nil
}

func (s *Store) queryErr(err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Classification() == "ClientError" {
		return fmt.Errorf("Cypher error (%s): %s", ne.Code, firstLine(ne.Msg))
	}
	return s.wrap(err)
}

func collect(ctx context.Context, res neo4j.ResultWithContext) (any, error) {
	keys, err := res.Keys()
	if err != nil {
		return nil, err
	}
	out := Result{Columns: keys}
	for res.Next(ctx) {
		out.Rows = append(out.Rows, res.Record().Values)
	}
	return out, res.Err()
}
