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
	"sync"
	"syscall"

	"github.com/leverage-project/leverage/internal/safeio"
)

// verbList is every verb, in the order help lists them: one place to see
// what the command does, instead of registrations scattered over init
// functions.
func verbList() []verb {
	return []verb{
		{name: "analyze", summary: "hubs, communities, leverage patterns and dependencies of a layer", run: analyzeMain},
		{name: "dataset", summary: "dataset export DIR: write the dataset as CSV files to start your own", run: datasetMain},
		{name: "export", summary: "write the NGO workbook (xlsx) or a graph file (Gephi, Kumu, GraphML, GEXF, JSON, DOT)", run: exportMain},
		{name: "generate", summary: "write a seeded synthetic dataset (for scale tests) as CSV files", run: generateMain},
		{name: "import", summary: "read a (corrected) workbook back, check every cell, and report what changed", run: importMain},
		{name: "ingest", summary: "ingest removals FILE | tracker FILE: bring outside tables into the graph, nothing lost", run: ingestMain},
		{name: "load", summary: "load a dataset into Neo4j (all or nothing; safe to re-run after a failure)", run: loadMain},
		{name: "patterns", summary: "leverage pattern matches with their evidence and sources", run: patternsMain},
		{name: "profile", summary: "one country's leverage profile: instruments, answers, flows, patterns", run: profileMain},
		{name: "query", summary: "run Cypher (a named library query or your own) against Neo4j, read-only by default", run: queryMain},
		{name: "stats", summary: "count relationships by type, status, confidence, instrument and country", run: statsMain},
		{name: "timeline", summary: "monthly counts of approaches, agreements, receptions, payments", run: timelineMain},
		{name: "validate", summary: "check a dataset and print a summary, or every problem with its position", run: validateMain},
		{name: "verify", summary: "verify DIR: recompute an analyze --bundle and check it bit for bit", run: verifyMain, exits: "0 ok (every output reproduced), 1 failure, 2 bad command line, 3 the bundle does not reproduce."},
		{name: "version", summary: "print the tool's version (release, or module version, and VCS revision) and Go version", run: versionMain, exits: "0 ok, 2 bad command line."},
	}
}

func main() {
	// Exit 2 means a bad command line here, but the Go runtime exits 2
	// after an unrecovered panic outside a verb's own goroutine, a fatal
	// error (out of memory, a data race the runtime detects) and SIGQUIT.
	// "crash" makes all of them end the process by SIGABRT instead (shell
	// status 134), after the same stack dump. Panics in a verb itself are
	// recovered into exit 1 (callRecovering).
	debug.SetTraceback("crash")
	// LEVERAGE_CPUPROFILE names a file for a CPU profile of the whole run:
	// how the figures in the benchmarks' notes were broken down.
	stopProfile, err := startCPUProfile(os.Getenv("LEVERAGE_CPUPROFILE"))
	if err != nil {
		fmt.Fprintf(os.Stderr, "leverage: LEVERAGE_CPUPROFILE: %v\n", err)
		os.Exit(exitFailure)
	}
	args := os.Args[1:]
	// A process-wide setting, so it is decided here, by verb, and never
	// inside run (where tests call it).
	if streamsRows(args) {
		streamingMemoryLimit()
	}
	cleanupTemp := safeio.UseProcessTempDir()
	ctx, stop := interruptContext(os.Stderr, func() {
		// A second signal: the user wants out now. Remove what would
		// otherwise stay behind, then go.
		safeio.AbortAll()
		cleanupTemp()
		stopProfile()
		os.Exit(exitCancelled)
	})
	err = run(ctx, args, env{stdout: os.Stdout, stderr: os.Stderr, progress: newProgress(os.Stderr)})
	stop()
	code := report(err, os.Stderr)
	safeio.AbortAll()
	cleanupTemp()
	// os.Exit runs no deferred calls: the profile is stopped and its file
	// closed explicitly, on every way out.
	stopProfile()
	os.Exit(code)
}

// startCPUProfile starts a CPU profile into path (none when path is
// empty) and returns the function that stops it and closes the file; a
// file that cannot be created is an error, not a run without the profile.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			pprof.StopCPUProfile()
			f.Close()
		})
	}, nil
}

// streamsRows reports whether the command line args runs a verb that
// streams rows and holds little, for which main sets streamingMemoryLimit:
// import (the row iterator makes garbage at several times the rate the two
// datasets grow; with the limit a 200,000-row workbook imports in about
// 265 MB, most of it the two datasets: see README, Scale and benchmarks)
// and a streamed data-only export.
func streamsRows(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "import":
		return true
	case "export":
		return exportStreams(args[1:])
	}
	return false
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
	// The returned stop does not hand the signals back to their default
	// action: the process is about to exit with the verb's own code, and
	// a SIGINT landing between signal.Stop and os.Exit killed it instead
	// (TestInterruptLatencyPerVerb saw timeline "exit -1" that way).
	// Signals after stop are caught and dropped.
	return ctx, func() {
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
