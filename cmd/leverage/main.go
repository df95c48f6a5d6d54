// Command leverage maps and analyses leverage networks of third-country
// deportation diplomacy. Run "leverage help" for the verbs.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/leverage-project/leverage/internal/safeio"
)

func main() {
	// LEVERAGE_CPUPROFILE names a file for a CPU profile of the whole run:
	// how the figures in the benchmarks' notes were broken down.
	if path := os.Getenv("LEVERAGE_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	cleanupTemp := safeio.UseProcessTempDir()
	ctx, stop := interruptContext(os.Stderr, func() {
		// A second signal: the user wants out now. Remove what would
		// otherwise stay behind, then go.
		safeio.AbortAll()
		cleanupTemp()
		pprof.StopCPUProfile()
		os.Exit(exitCancelled)
	})
	err := run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, progress: newProgress(os.Stderr)})
	stop()
	code := report(err, os.Stderr)
	safeio.AbortAll()
	cleanupTemp()
	pprof.StopCPUProfile()
	os.Exit(code)
}

// interruptContext returns a context cancelled by the first SIGINT or
// SIGTERM, which is acknowledged on w at once (the work may need a moment
// to stop at its next boundary); a second signal calls force.
func interruptContext(w io.Writer, force func()) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
		case <-done:
			return
		}
		fmt.Fprintln(w, "\nleverage: interrupted; stopping without replacing any output (press Ctrl-C again to quit at once)")
		cancel()
		select {
		case <-signals:
			force()
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(signals)
		close(done)
		cancel()
	}
}

// streamingMemoryLimit sets a soft memory limit for verbs that stream rows
// and hold little: the collector then works harder before the heap doubles,
// which keeps a million-row export small. It must not apply to verbs that
// hold a large dataset: once the live heap passes the limit the collector
// runs without pause (a million-relationship load spent a core on it and
// took 62 s instead of 37 s). GOMEMLIMIT, if set, wins.
func streamingMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(192 << 20)
	}
}
