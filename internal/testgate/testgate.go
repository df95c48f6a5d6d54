// Package testgate is the one gate for tests that need a real outside
// part (a Python with networkx, Graphviz, LibreOffice, Chromium, Neo4j):
// without it a test skips, saying how to get it, except under CI=true,
// where .ci/run provides every part and a missing one fails the test
// instead of letting it pass silently.
package testgate

import (
	"os"
	"os/exec"
	"testing"
)

// UnderCI reports whether the tests run under CI (CI=true).
func UnderCI() bool { return os.Getenv("CI") == "true" }

// Require skips t unless ok, or fails it under CI; missing says what is
// missing and how to get it.
func Require(t testing.TB, ok bool, missing string) {
	t.Helper()
	if ok {
		return
	}
	if UnderCI() {
		t.Fatal(missing + " (required under CI)")
	}
	t.Skip(missing)
}

// Python returns $LEVERAGE_PYTHON, the interpreter with the reference
// packages (what names them, e.g. "networkx"), or skips or fails t by
// Require.
func Python(t testing.TB, what string) string {
	t.Helper()
	py := os.Getenv("LEVERAGE_PYTHON")
	Require(t, py != "", "set LEVERAGE_PYTHON to a python with "+what+" (bash .ci/run does)")
	return py
}

// Program returns the path of the first of names on PATH, or skips or
// fails t by Require; what says what the program is.
func Program(t testing.TB, what string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	Require(t, false, "needs "+what+" on PATH; bash .ci/run installs it")
	return ""
}
