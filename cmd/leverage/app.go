package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/neostore"
	"github.com/leverage-project/leverage/internal/safeio"
	"github.com/leverage-project/leverage/internal/termsafe"
)

// env is what a verb may touch besides its options: where output goes and
// how progress is shown. Tests pass buffers and a no-op progress.
type env struct {
	stdout   io.Writer
	stderr   io.Writer
	progress graphmodel.Progress
}

// verb is one subcommand: its name, one-line summary and entry point. Each
// verb lives in a file of its own and parses its own flags.
type verb struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, e env) error
	// exits lists the verb's exit codes for its help when they are not
	// all of exitCodesText's.
	exits string
}

// exitCodesText is what a verb's help says of exit codes unless the verb
// says otherwise.
const exitCodesText = "0 ok, 1 the work failed (I/O, server), 2 bad command line, 3 invalid input data, 130 interrupted."

// verbs are the verbs by name.
var verbs = func() map[string]verb {
	m := map[string]verb{}
	for _, v := range verbList() {
		m[v.name] = v
	}
	return m
}()

// Exit codes, documented in the README. One place maps errors to them.
const (
	exitOK        = 0
	exitFailure   = 1   // the work could not be done (I/O, server, bug)
	exitUsage     = 2   // the command line is wrong
	exitInvalid   = 3   // the input data is invalid
	exitCancelled = 130 // interrupted (Ctrl-C / SIGTERM)
)

// usageError marks a bad command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errHelp is returned after help was printed on request: exit 0.
var errHelp = errors.New("help shown")

func run(ctx context.Context, args []string, e env) (err error) {
	if e.progress == nil {
		e.progress = graphmodel.NopProgress{}
	}
	safeio.ForgetCommitted()
	// Outputs that are one of the run's own inputs are refused.
	defer safeio.TrackInputs()()
	// Verbs print with fmt.Fprintf and rarely look at its error; the
	// recorder sees every write, so a full disk or a closed pipe on
	// standard output fails the run (exit 1) in every verb alike.
	out := &writeRecorder{w: e.stdout}
	e.stdout = out
	defer func() {
		if werr := out.failed(); werr != nil && (err == nil || errors.Is(err, errHelp)) {
			err = fmt.Errorf("writing standard output: %w", werr)
		}
	}()
	if len(args) == 0 {
		printUsage(e.stderr)
		return usagef("no verb given")
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if v, ok := verbs[args[1]]; ok {
				return v.run(ctx, []string{"--help"}, e)
			}
		}
		printUsage(e.stdout)
		return nil
	case "--version", "-version", "-v":
		return versionMain(ctx, nil, e)
	}
	v, ok := verbs[name]
	if !ok {
		printUsage(e.stderr)
		return usagef("unknown verb %q", name)
	}
	// Text from the inputs (a node name, an ingested cell, a quoted value)
	// reaches the terminal escaped (internal/termsafe). export and query
	// write file formats to standard output (a workbook is binary), which
	// pass unchanged; their messages go to standard error.
	if !writesFormats[name] {
		ts := termsafe.NewWriter(e.stdout)
		e.stdout = ts
		defer ts.Flush()
	}
	ts := termsafe.NewWriter(e.stderr)
	e.stderr = ts
	defer ts.Flush()
	return runInterruptible(ctx, name, v.run, args[1:], e)
}

// writesFormats lists the verbs whose standard output may be a file
// format rather than text for a person.
var writesFormats = map[string]bool{"export": true, "query": true}

// writeRecorder passes writes to w and keeps the first error.
type writeRecorder struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (r *writeRecorder) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil {
		r.mu.Lock()
		if r.err == nil {
			r.err = err
		}
		r.mu.Unlock()
	}
	return n, err
}

func (r *writeRecorder) failed() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// internalError is a panic caught in a verb: a bug, reported with its
// stack and exit 1 (never the runtime's exit 2, which means a bad command
// line here).
type internalError struct {
	value any
	stack []byte
}

func (e internalError) Error() string {
	return fmt.Sprintf("internal error (a bug; please report it with this message): %v\n%s", e.value, e.stack)
}

// recovered turns a panic in the calling goroutine into *errp.
func recovered(errp *error) {
	if v := recover(); v != nil {
		*errp = internalError{value: v, stack: debug.Stack()}
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "leverage maps and analyses leverage networks of third-country deportation diplomacy.\n\n")
	fmt.Fprintf(w, "Usage: leverage VERB [flags] [args]\n\nVerbs:\n")
	for _, v := range verbList() {
		fmt.Fprintf(w, "  %-10s %s\n", v.name, v.summary)
	}
	fmt.Fprintf(w, "\nRun \"leverage VERB --help\" for a verb's flags. With no --data, verbs use the\nembedded seed dataset. Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid data,\n130 interrupted.\n")
}

// newFlags returns a FlagSet whose --help prints the verb's usage to stdout
// and whose errors are returned, not printed and exited on.
func newFlags(name, argsUsage, summary string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: leverage %s [flags] %s\n\n%s\n", name, argsUsage, summary)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		if b.Len() > 0 {
			fmt.Fprintf(e.stdout, "\nFlags:\n%s", b.String())
		}
		exits := exitCodesText
		for _, v := range verbList() {
			if v.name == name && v.exits != "" {
				exits = v.exits
			}
		}
		fmt.Fprintf(e.stdout, "\nExit codes: %s\n", exits)
	}
	return fs
}

// parse parses flags, turning -h into errHelp and bad flags into usage
// errors. Flags may follow positional arguments ("query NAME --param x=1");
// everything after "--" is positional.
func parse(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return errHelp // Parse has printed the usage already
		}
		if err != nil {
			return usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Re-parse an explicit terminator so fs.Args() returns the positionals.
	return fs.Parse(append([]string{"--"}, positional...))
}

// report prints err for a person and returns the exit code.
func report(err error, w io.Writer) int {
	// Messages quote paths and values from the inputs: escaped.
	stderr := termsafe.NewWriter(w)
	defer stderr.Flush()
	code := exitCode(err)
	switch {
	case err == nil, errors.Is(err, errHelp):
	case code == exitCancelled:
		if done := safeio.Committed(); len(done) > 0 {
			fmt.Fprintf(stderr, "leverage: interrupted after %s had been written in full; nothing was left half written\n", strings.Join(done, ", "))
		} else {
			fmt.Fprintln(stderr, "leverage: interrupted; nothing was left half written")
		}
	case code == exitUsage:
		fmt.Fprintf(stderr, "leverage: %v\nRun \"leverage help\" for usage.\n", err)
	default:
		fmt.Fprintf(stderr, "leverage: %v\n", err)
	}
	return code
}

func exitCode(err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, context.Canceled):
		return exitCancelled
	case errors.As(err, &ue), errors.Is(err, neostore.ErrWriteRefused), errors.Is(err, safeio.ErrNotRegular), errors.Is(err, safeio.ErrOutputIsInput), errors.Is(err, neostore.ErrAnalysisExists):
		return exitUsage
	case ioFailure(err):
		// A file that exists but cannot be read is the machine's problem
		// (permissions, a disk error), whatever reader met it.
		return exitFailure
	case graphmodel.IsInvalid(err), errors.Is(err, safeio.ErrNotRegularInput), errors.Is(err, safeio.ErrTooLarge):
		return exitInvalid
	}
	return exitFailure
}

// ioFailure reports whether err is an operating-system failure to read or
// write an existing file (not a missing one, which is the user's to fix).
func ioFailure(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && !errors.Is(err, fs.ErrNotExist)
}
