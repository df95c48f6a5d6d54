package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Issue 22: "leverage export -o - | less", a reader that stops reading,
// then Ctrl-C: the process never ended, because the writer gate waited for
// the write blocked on the full pipe before it would shut. Each verb here
// writes more than a one-page pipe holds; the test waits until the pipe is
// full (so the verb is blocked in a write, decided by the pipe's content,
// not by a sleep), signals, and requires exit 130 well inside the bound.
func TestSignalWithBlockedStdout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildCLI(t)
	cases := [][]string{
		{"export", "--format", "graphml", "-o", "-"},
		{"export", "--format", "json", "-o", "-"},
		{"analyze", "--format", "json"},
		{"patterns"},
		{"profile", "US"},
		{"stats"},
	}
	for i, args := range cases {
		sig := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}[i%2]
		t.Run(args[0]+"/"+sig.String(), func(t *testing.T) {
			code, latency := runBlocked(t, bin, sig, args...)
			t.Logf("%v: exit %d %v after %v", args, code, latency, sig)
			if code != exitCancelled {
				t.Errorf("exit %d, want %d", code, exitCancelled)
			}
			// The promise is a second; the bound leaves room for a loaded
			// machine, the old code never exited at all.
			if latency > 3*time.Second {
				t.Errorf("took %v to exit after %v", latency, sig)
			}
		})
	}
}

// runBlocked runs bin with its standard output a one-page pipe nobody
// reads, waits until the pipe is full, sends sig and returns the exit code
// and the time from the signal to the exit.
func runBlocked(t *testing.T, bin string, sig syscall.Signal, args ...string) (int, time.Duration) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := unix.FcntlInt(w.Fd(), unix.F_SETPIPE_SZ, 4096); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout = w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Blocked means a thread of the process sleeps in the kernel's pipe
	// write: the pipe's fill level alone does not say it (a line that does
	// not fit blocks with the page not yet full).
	deadline := time.After(20 * time.Second)
	for !inPipeWrite(cmd.Process.Pid) {
		select {
		case err := <-exited:
			t.Fatalf("%v ended (%v) without blocking on its output; choose a verb that writes more", args, err)
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("%v: not blocked on its output after 20 s", args)
		case <-time.After(10 * time.Millisecond):
		}
	}
	cmd.Process.Signal(sig)
	start := time.Now()
	var werr error
	select {
	case werr = <-exited:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("%v: still running 20 s after %v with its output blocked", args, sig)
	}
	latency := time.Since(start)
	var ee *exec.ExitError
	if errors.As(werr, &ee) {
		return ee.ExitCode(), latency
	}
	if werr != nil {
		t.Fatal(werr)
	}
	return 0, latency
}

// inPipeWrite reports whether a thread of process pid sleeps in a pipe
// write (Linux names the wait channel pipe_write or anon_pipe_write).
func inPipeWrite(pid int) bool {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/wchan", pid))
	for _, task := range tasks {
		if b, err := os.ReadFile(task); err == nil && strings.Contains(string(b), "pipe_write") {
			return true
		}
	}
	return false
}
