package safeio

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// onlyFiles lists dir, failing the test if any temporary file remains.
func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), tempMarker) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestWriteFileReplacesAtomicallyWith0644(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := WriteFile(context.Background(), path, writeString("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	assertNoTemps(t, dir)
}

func TestFailedOrInterruptedWriteLeavesTargetAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	os.WriteFile(path, []byte("old"), 0o644)
	boom := errors.New("boom")
	if err := WriteFile(context.Background(), path, func(w io.Writer) error { io.WriteString(w, "half"); return boom }); !errors.Is(err, boom) {
		t.Errorf("err %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteFile(ctx, path, writeString("new")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled write: err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("target now %q, want it untouched", b)
	}
	assertNoTemps(t, dir)
}

func TestRefusesToReplaceNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	for _, path := range []string{"/dev/null", "/dev/full", fifo, sub} {
		err := WriteFile(context.Background(), path, writeString("x"))
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: err %v, want ErrNotRegular", path, err)
		}
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced")
	}
	assertNoTemps(t, dir)
}

func TestWritesThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.graphml")
	os.WriteFile(real, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.graphml")
	os.Symlink("real.graphml", link)
	if err := WriteFile(context.Background(), link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced by a file")
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("the link's target holds %q", b)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
		t.Errorf("replacing changed the target's mode to %v", st.Mode().Perm())
	}
	dangling := filepath.Join(dir, "dangling")
	os.Symlink("nowhere", dangling)
	if err := WriteFile(context.Background(), dangling, writeString("x")); !errors.Is(err, ErrNotRegular) {
		t.Errorf("dangling symlink: err %v", err)
	}
}

func TestStaleTempsOfDeadWritersAreRemoved(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	dead := cmd.Process.Pid
	stale := filepath.Join(dir, ".out.xlsx.tmp-p"+strconv.Itoa(dead)+"-123")
	live := filepath.Join(dir, ".out.xlsx.tmp-p"+strconv.Itoa(os.Getppid())+"-456")
	other := filepath.Join(dir, ".other.xlsx.tmp-p"+strconv.Itoa(dead)+"-789")
	for _, p := range []string{stale, live, other} {
		os.WriteFile(p, nil, 0o600)
	}
	if err := WriteFile(context.Background(), filepath.Join(dir, "out.xlsx"), writeString("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("stale temp of dead pid %d kept", dead)
	}
	for _, p := range []string{live, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: it belongs to a live writer or another target", filepath.Base(p))
		}
	}
}

func TestOpenRefusesNonRegularInputs(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "relationships.csv")
	syscall.Mkfifo(fifo, 0o644)
	for _, path := range []string{"/dev/zero", fifo, dir} {
		f, err := Open(path) // a FIFO would block here forever if opened
		if !errors.Is(err, ErrNotRegularInput) {
			t.Errorf("%s: err %v, want ErrNotRegularInput", path, err)
		}
		if f != nil {
			f.Close()
		}
	}
	if _, err := OpenFS(os.DirFS(dir), "relationships.csv"); !errors.Is(err, ErrNotRegularInput) {
		t.Errorf("OpenFS on a FIFO: %v", err)
	}
}

func TestProcessTempDirIsRemovedAndStaleOnesSwept(t *testing.T) {
	parent := t.TempDir()
	t.Setenv("TMPDIR", parent)
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	stale := filepath.Join(parent, processTempPrefix+strconv.Itoa(cmd.Process.Pid)+"-1")
	os.MkdirAll(filepath.Join(stale, "excelize-123"), 0o755)
	old := time.Now().Add(-staleAfter - time.Minute)
	os.Chtimes(stale, old, old)
	// A dead-looking run's directory touched just now may belong to a live
	// process in another PID namespace sharing the directory: it stays.
	recent := filepath.Join(parent, processTempPrefix+strconv.Itoa(cmd.Process.Pid)+"-2")
	os.MkdirAll(recent, 0o755)
	cleanup := UseProcessTempDir()
	mine := os.TempDir()
	if filepath.Dir(mine) != parent || !strings.HasPrefix(filepath.Base(mine), processTempPrefix) {
		t.Fatalf("TMPDIR %s, want a leverage-p dir under %s", mine, parent)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("stale process temp dir kept")
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("recently touched temp dir of a dead-looking process removed: %v", err)
	}
	os.WriteFile(filepath.Join(mine, "excelize-456"), []byte("spill"), 0o600)
	cleanup()
	if _, err := os.Stat(mine); err == nil {
		t.Errorf("process temp dir %s kept after cleanup", mine)
	}
	if os.Getenv("TMPDIR") != parent {
		t.Errorf("TMPDIR not restored")
	}
}
