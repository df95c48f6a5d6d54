package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// --help prints a verb's usage once (flag.Parse already prints it on -h;
// printing it again showed it twice), and the help ends with the exit
// codes.
func TestHelpOnceEndingWithExitCodes(t *testing.T) {
	for _, v := range verbList() {
		for _, args := range [][]string{{v.name, "--help"}, {"help", v.name}} {
			out, _, code := runCLI(t, args...)
			if n := strings.Count(out, "Usage: leverage "+v.name+" "); code != 0 || n != 1 {
				t.Errorf("%v: exit %d, usage printed %d times", args, code, n)
			}
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, "Exit codes: 0 ok") {
				t.Errorf("%v: help ends with %q, not the exit codes", args, last)
			}
		}
	}
}

// The memory limit is process-wide, so run never sets it: main decides it
// by verb (streamsRows). Streamed export and import once set it inside
// run, and every later test ran under it.
func TestRunSetsNoMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	dir := t.TempDir()
	data, book := filepath.Join(dir, "data"), filepath.Join(dir, "data.xlsx")
	for _, args := range [][]string{
		{"dataset", "export", data},
		{"export", "--data", data, "--no-analysis", "-o", book},
		{"import", book},
	} {
		if _, errs, code := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if got := debug.SetMemoryLimit(-1); got != before {
			debug.SetMemoryLimit(before)
			t.Fatalf("%v set the memory limit to %d (was %d)", args, got, before)
		}
	}
	if !streamsRows([]string{"import", book}) || !streamsRows([]string{"export", "--data", data, "--no-analysis", "-o", book}) {
		t.Error("import and the streamed export should run with the streaming memory limit")
	}
	for _, args := range [][]string{{"export", "-o", book}, {"export", "--data", data, "-o", book}, {"export", "--data", data, "--no-analysis", "--as-of", "2025-03", "-o", book}, {"analyze"}, {}} {
		if streamsRows(args) {
			t.Errorf("%v: holds the dataset, so no streaming memory limit", args)
		}
	}
}

// A profile file that cannot be created is an error; one that can is
// complete (stopped and closed) after stop, which is safe to call twice.
func TestCPUProfile(t *testing.T) {
	if _, err := startCPUProfile(filepath.Join(t.TempDir(), "missing", "cpu.out")); err == nil {
		t.Error("a profile in a missing directory was accepted")
	}
	path := filepath.Join(t.TempDir(), "cpu.out")
	stop, err := startCPUProfile(path)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	stop()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Errorf("profile %v, %v: want a written file", fi, err)
	}
}
