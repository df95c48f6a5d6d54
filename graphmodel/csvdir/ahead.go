package csvdir

import (
	"context"

	"github.com/leverage-project/leverage/graphmodel"
)

// aheadBatch is how many relationships travel together from the parsing
// goroutine to fn: enough to make channel costs vanish, few enough that
// memory stays flat.
const aheadBatch = 1024

// StreamAhead is Stream with parsing and checking on a goroutine of its
// own, a few batches ahead of fn, so that on two or more cores reading the
// CSV overlaps with whatever fn does (writing a workbook, sending rows to a
// server). fn is called on the caller's goroutine, in file order, exactly
// as Stream would call it. If fn fails or ctx is cancelled, parsing stops
// and that error is returned.
func StreamAhead(ctx context.Context, dir string, base *graphmodel.Registry, fn func(*graphmodel.Relationship) error) (*graphmodel.Dataset, int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*graphmodel.Relationship, 4)
	type result struct {
		d   *graphmodel.Dataset
		n   int
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer close(batches)
		batch := make([]*graphmodel.Relationship, 0, aheadBatch)
		send := func() error {
			select {
			case batches <- batch:
				batch = make([]*graphmodel.Relationship, 0, aheadBatch)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		d, n, err := Stream(dir, base, func(r *graphmodel.Relationship) error {
			batch = append(batch, r)
			if len(batch) == aheadBatch {
				return send()
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			err = send()
		}
		done <- result{d, n, err}
	}()
	var fnErr error
	for batch := range batches {
		if fnErr != nil {
			continue // drain until the parser sees the cancellation
		}
		for _, r := range batch {
			if fnErr = fn(r); fnErr != nil {
				cancel()
				break
			}
		}
		if fnErr == nil {
			fnErr = ctx.Err()
		}
	}
	res := <-done
	if fnErr != nil {
		return nil, 0, fnErr
	}
	return res.d, res.n, res.err
}
