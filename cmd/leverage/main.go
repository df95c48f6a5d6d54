// Command leverage maps and analyses leverage networks of third-country
// deportation diplomacy. Run "leverage help" for the verbs.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, progress: newProgress(os.Stderr)})
	stop()
	code := report(err, os.Stderr)
	pprof.StopCPUProfile()
	os.Exit(code)
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
