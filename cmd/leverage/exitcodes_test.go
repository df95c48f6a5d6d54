package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// errFull is what a full device answers every write with.
var errFull = errors.New("no space left on device")

type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errFull }

// Issue 22: validate, patterns and profile exited 0 with their report lost
// on a full device. Every verb that prints to standard output must exit 1
// when a write there fails, whatever it does with fmt's error.
func TestStdoutWriteErrorExits1EveryVerb(t *testing.T) {
	for _, args := range [][]string{
		{"validate"}, {"patterns"}, {"profile", "US"}, {"stats"}, {"timeline"},
		{"analyze"}, {"analyze", "--format", "json"}, {"version"},
		{"export", "--format", "graphml", "-o", "-"},
		{"export", "--format", "json", "-o", "-"},
		{"patterns", "--list"}, {"validate", "--help"},
	} {
		var errb bytes.Buffer
		err := run(context.Background(), args, env{stdout: fullWriter{}, stderr: &errb})
		if code := report(err, &errb); code != exitFailure {
			t.Errorf("%v on a full device: exit %d, want %d (%v)", args, code, exitFailure, err)
		} else if !strings.Contains(errb.String(), "no space left") {
			t.Errorf("%v: message %q does not say why", args, errb.String())
		}
	}
}

// The same through the binary and the real /dev/full.
func TestDevFullExits1(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	bin := buildCLI(t)
	for _, args := range [][]string{{"validate"}, {"patterns"}, {"profile", "US"}, {"stats"}} {
		cmd := exec.Command(bin, args...)
		cmd.Stdout = full
		var errb strings.Builder
		cmd.Stderr = &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitFailure {
			t.Errorf("%v > /dev/full: %v, want exit 1; stderr %q", args, err, errb.String())
		}
	}
}

// A panic in a verb is a bug: exit 1 with the stack, never the runtime's
// exit 2 (which means a bad command line here).
func TestPanicInVerbExits1(t *testing.T) {
	boom := func(context.Context, []string, env) error { panic("boom") }
	for _, name := range []string{"stats", "query"} { // gated and ungated verbs
		var out, errb bytes.Buffer
		err := runInterruptible(context.Background(), name, boom, nil, env{stdout: &out, stderr: &errb})
		if code := report(err, &errb); code != exitFailure || !strings.Contains(errb.String(), "internal error") || !strings.Contains(errb.String(), "boom") {
			t.Errorf("%s: exit %d, message %q", name, code, errb.String())
		}
	}
}

// SIGQUIT ends the run by SIGABRT after the stack dump, not by exit 2.
func TestSigquitIsNotExit2(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildCLI(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(bin, "analyze", "--format", "json")
	cmd.Stdout = w // never read: the run waits there for the signal
	cmd.Env = append(os.Environ(), "GOTRACEBACK=")
	var errb strings.Builder
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	for deadline := time.Now().Add(20 * time.Second); !inPipeWrite(cmd.Process.Pid); {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("not blocked on its output after 20 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGQUIT)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("SIGQUIT: %v", err)
	}
	ws := ee.Sys().(syscall.WaitStatus)
	if !ws.Signaled() || ws.Signal() != syscall.SIGABRT {
		t.Errorf("SIGQUIT: %v (exit %d), want death by SIGABRT", ws, ee.ExitCode())
	}
	if !strings.Contains(errb.String(), "goroutine") {
		t.Errorf("SIGQUIT: no stack dump on stderr")
	}
}
