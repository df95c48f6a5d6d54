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
	"unicode/utf8"
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

// Staleness is decided by the writer's lock, not by its pid: in another
// PID namespace (a container sharing the directory) a live writer's pid
// may name no process here, and a dead writer's pid may name a live one.
// The old pid test removed the first and kept the second.
func TestStaleTempsAreThoseNobodyLocks(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	dead := cmd.Process.Pid
	// A writer in another namespace: its pid is dead here, its lock held.
	live := filepath.Join(dir, ".out.xlsx.tmp-p"+strconv.Itoa(dead)+"-456")
	// A killed writer whose pid now names a live process (ours).
	stale := filepath.Join(dir, ".out.xlsx.tmp-p"+strconv.Itoa(os.Getppid())+"-123")
	other := filepath.Join(dir, ".other.xlsx.tmp-p"+strconv.Itoa(dead)+"-789")
	for _, p := range []string{stale, live, other} {
		os.WriteFile(p, nil, 0o600)
	}
	holder, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if ok, err := tryLock(holder); !ok || err != nil {
		t.Fatalf("lock: %v %v", ok, err)
	}
	if err := WriteFile(context.Background(), filepath.Join(dir, "out.xlsx"), writeString("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("unlocked temp of a dead writer kept")
	}
	for _, p := range []string{live, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: it belongs to a live writer or another target", filepath.Base(p))
		}
	}
	// A live File is locked: another run's sweep leaves it.
	f, err := Create(filepath.Join(dir, "out.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	RemoveStale(dir, "out.xlsx")
	if _, err := os.Stat(f.Name()); err != nil {
		t.Errorf("a live writer's temporary file was swept: %v", err)
	}
}

// Any legal name works: a 250-byte target name must not make a temporary
// name past the 255-byte limit (it did: ".NAME.tmp-pPID-RANDOM").
func TestLongTargetNames(t *testing.T) {
	dir := t.TempDir()
	for _, base := range []string{strings.Repeat("a", 250) + ".csv", strings.Repeat("é", 126) + ".x", strings.Repeat("b", 201)} {
		if len(base) > 255 {
			t.Fatalf("test name %d bytes", len(base))
		}
		target := filepath.Join(dir, base)
		if err := WriteFile(context.Background(), target, writeString("x")); err != nil {
			t.Errorf("%d-byte name: %v", len(base), err)
			continue
		}
		if b, err := os.ReadFile(target); err != nil || string(b) != "x" {
			t.Errorf("%d-byte name: read back %q %v", len(base), b, err)
		}
		if p := tempPrefix(base); len(p)+len("p4194304-")+10 > 255 || !utf8.ValidString(p) {
			t.Errorf("temporary prefix of a %d-byte name is %d bytes or not UTF-8", len(base), len(p))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d entries left, want the 3 targets only", len(entries))
	}
}

// Issue 22: an output that is one of the run's inputs is refused while
// inputs are tracked, at Create and (for inputs opened later) at Commit;
// CreateReplacingInput is the deliberate exception.
func TestOutputThatIsAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "relationships.csv")
	os.WriteFile(in, []byte("data"), 0o644)
	link := filepath.Join(dir, "link.csv")
	os.Symlink(in, link)
	stop := TrackInputs()
	defer stop()
	if _, err := ReadFile(in, 100); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{in, link, filepath.Join(dir, ".", "relationships.csv")} {
		if err := WriteFile(context.Background(), out, writeString("x")); !errors.Is(err, ErrOutputIsInput) {
			t.Errorf("%s: err %v, want ErrOutputIsInput", out, err)
		}
	}
	// Opened after the output was started.
	late := filepath.Join(dir, "late.csv")
	os.WriteFile(late, []byte("late"), 0o644)
	f, err := Create(late)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := Open(late); err == nil {
		r.Close()
	}
	if err := f.Commit(context.Background()); !errors.Is(err, ErrOutputIsInput) {
		t.Errorf("late input: commit err %v", err)
	}
	for _, p := range []string{in, late} {
		if b, _ := os.ReadFile(p); string(b) == "x" {
			t.Errorf("%s replaced", p)
		}
	}
	g, err := CreateReplacingInput(in)
	if err != nil {
		t.Fatal(err)
	}
	g.WriteString("new")
	if err := g.Commit(context.Background()); err != nil {
		t.Errorf("deliberate replacement: %v", err)
	}
	stop()
	if err := WriteFile(context.Background(), late, writeString("x")); err != nil {
		t.Errorf("untracked: %v", err)
	}
}

// Two writers of one target: the second waits for the first's release,
// and gives up when its context ends.
func TestLockDirWaits(t *testing.T) {
	dir := t.TempDir()
	release, err := LockDir(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	waited := make(chan struct{})
	got := make(chan error, 1)
	go func() {
		r, err := LockDir(ctx, dir, func() { close(waited) })
		if r != nil {
			r()
		}
		got <- err
	}()
	<-waited
	cancel()
	if err := <-got; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled wait: %v", err)
	}
	got2 := make(chan error, 1)
	waited2 := make(chan struct{})
	go func() {
		r, err := LockDir(context.Background(), dir, func() { close(waited2) })
		if r != nil {
			r()
		}
		got2 <- err
	}()
	<-waited2
	release()
	if err := <-got2; err != nil {
		t.Errorf("after release: %v", err)
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

// The process temp dir of a killed run is swept (nobody holds its lock)
// even when its pid names a live process; a live run's is kept even when
// its pid names none here.
func TestProcessTempDirIsRemovedAndStaleOnesSwept(t *testing.T) {
	parent := t.TempDir()
	t.Setenv("TMPDIR", parent)
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	stale := filepath.Join(parent, processTempPrefix+strconv.Itoa(os.Getppid())+"-1")
	os.MkdirAll(filepath.Join(stale, "excelize-123"), 0o755)
	live := filepath.Join(parent, processTempPrefix+strconv.Itoa(cmd.Process.Pid)+"-2")
	os.MkdirAll(live, 0o755)
	holder, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if ok, err := tryLock(holder); !ok || err != nil {
		t.Fatalf("lock: %v %v", ok, err)
	}
	cleanup := UseProcessTempDir()
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a live run's temp dir was swept")
	}
	mine := os.TempDir()
	if filepath.Dir(mine) != parent || !strings.HasPrefix(filepath.Base(mine), processTempPrefix) {
		t.Fatalf("TMPDIR %s, want a leverage-p dir under %s", mine, parent)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("stale process temp dir kept")
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
