package main

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// interruptGrace is how long a verb gets after Ctrl-C to stop at its own
// next check of the context before it is abandoned. Readers, writers and
// the kernels check often enough to stop well inside it; what does not
// (a long pure computation) is left to die with the process, which is safe
// because nothing it could still do reaches a file: outputs are renamed
// into place only by Commit, which sees the cancelled context, and the
// abandoned verb's stdout and stderr are shut.
const interruptGrace = 300 * time.Millisecond

// ownsItsInterrupts lists verbs that must finish their own clean-up after
// a signal (a Neo4j load leaves the database in a stated state); they are
// never abandoned.
var ownsItsInterrupts = map[string]bool{"load": true, "query": true}

// runInterruptible runs a verb so that after ctx is done it returns within
// interruptGrace whatever the verb is doing.
func runInterruptible(ctx context.Context, name string, fn func(context.Context, []string, env) error, args []string, e env) error {
	if ownsItsInterrupts[name] {
		return callRecovering(ctx, fn, args, e)
	}
	stdout, stderr := &gatedWriter{w: e.stdout}, &gatedWriter{w: e.stderr}
	inner := e
	inner.stdout, inner.stderr = stdout, stderr
	done := make(chan error, 1)
	go func() { done <- callRecovering(ctx, fn, args, inner) }()
	select {
	case err := <-done:
		if err == nil && ctx.Err() != nil {
			// Interrupted, even if the verb got to its end before it
			// looked: the report says which outputs were complete.
			return ctx.Err()
		}
		return err
	case <-ctx.Done():
	}
	select {
	case err := <-done:
		if err == nil {
			return ctx.Err()
		}
		return err
	case <-time.After(interruptGrace):
		stdout.shut()
		stderr.shut()
		return ctx.Err()
	}
}

// callRecovering calls fn, returning a panic in it as an internalError.
func callRecovering(ctx context.Context, fn func(context.Context, []string, env) error, args []string, e env) (err error) {
	defer recovered(&err)
	return fn(ctx, args, e)
}

// gatedWriter passes writes through until shut, then drops them, so an
// abandoned verb cannot print after the interrupt was reported. shut must
// not wait for a write in progress: a write blocked on a pipe nobody reads
// (export -o - | less, then Ctrl-C) never returns, and waiting for it kept
// the process alive for good. Such a write is left blocked in the
// abandoned goroutine, which dies with the process.
type gatedWriter struct {
	mu     sync.Mutex // serialises writes to w
	w      io.Writer
	closed atomic.Bool
}

func (g *gatedWriter) Write(p []byte) (int, error) {
	if g.closed.Load() {
		return len(p), nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed.Load() {
		return len(p), nil
	}
	return g.w.Write(p)
}

func (g *gatedWriter) shut() { g.closed.Store(true) }
