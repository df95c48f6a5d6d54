package neostore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

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
