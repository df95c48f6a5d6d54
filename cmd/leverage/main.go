// Command leverage maps and analyses leverage networks of third-country
// deportation diplomacy. Run "leverage help" for the verbs.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	// A soft memory limit makes the collector work harder before the heap
	// doubles, which keeps million-row exports and ingests small; GOMEMLIMIT
	// overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(192 << 20)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, progress: newProgress(os.Stderr)})
	stop()
	os.Exit(report(err, os.Stderr))
}
