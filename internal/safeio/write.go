// Package safeio is the one place leverage's outputs are written and its
// input files opened. An output is written to a temporary file beside its
// target and renamed over it only when complete and only if the work was
// not interrupted, so the previous file survives every failure; a target
// that is not a regular file (a device, FIFO, socket or directory) is
// refused rather than replaced; a symlink is written through, so the link
// stays and the file it names is replaced. Inputs must be regular files, so
// /dev/zero or a FIFO can neither exhaust memory nor hang a read.
package safeio

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// ErrNotRegular marks an output path that names something other than a
// regular file: writing there would replace a device node, a FIFO or a
// directory with a file. The CLI reports it as a usage error.
var ErrNotRegular = errors.New("not a regular file")

// tempMarker separates a target's name from the temporary suffix;
// temporary files are named ".TARGET.tmp-pPID-RANDOM". The pid is for a
// person reading the directory: whether the writer is alive is decided by
// the lock it holds on the file (see RemoveStale), since a pid says
// nothing across PID namespaces.
const tempMarker = ".tmp-"

// maxTempBase is the longest target name used whole in a temporary name:
// with the dot, the marker, a pid and CreateTemp's random digits it stays
// within the 255 bytes file systems allow. Longer names are cut and given
// a hash of the whole (tempPrefix).
const maxTempBase = 200

// tempPrefix is how the temporary files of target name base begin.
func tempPrefix(base string) string {
	if len(base) <= maxTempBase {
		return "." + base + tempMarker
	}
	cut := maxTempBase - 9
	for cut > 0 && !utf8.RuneStart(base[cut]) {
		cut--
	}
	h := fnv.New32a()
	h.Write([]byte(base))
	return fmt.Sprintf(".%s~%08x%s", base[:cut], h.Sum32(), tempMarker)
}

// File is an output being written: a temporary file that replaces its
// target on Commit and disappears on Abort. Exactly one of them should be
// called; Abort after Commit does nothing, so "defer f.Abort()" is safe.
type File struct {
	*os.File
	target string
	mode   fs.FileMode
	mu     sync.Mutex // Commit and Abort may race (a forced exit)
	done   bool
	// replacesInput: made by CreateReplacingInput.
	replacesInput bool
}

// pending holds every File neither committed nor aborted, so that a forced
// exit (a second Ctrl-C) can remove them first.
var pending = struct {
	sync.Mutex
	files map[*File]struct{}
}{files: map[*File]struct{}{}}

// ResolveTarget returns the path an output to path really replaces: path
// itself, or the file a symlink at path names. It fails with ErrNotRegular
// for anything else that exists there, and for a symlink whose target is
// missing, since creating a file through it would surprise.
func ResolveTarget(path string) (string, fs.FileMode, error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, 0o644, nil
	}
	if err != nil {
		return "", 0, err
	}
	target := path
	if st.Mode()&fs.ModeSymlink != 0 {
		target, err = filepath.EvalSymlinks(path)
		if err != nil {
			return "", 0, fmt.Errorf("%s: a symlink to a missing file: %w", path, ErrNotRegular)
		}
		if st, err = os.Stat(target); err != nil {
			return "", 0, err
		}
	}
	if !st.Mode().IsRegular() {
		return "", 0, fmt.Errorf("%s is %s, %w; refusing to replace it (use -o - for standard output)", path, describeMode(st.Mode()), ErrNotRegular)
	}
	return target, st.Mode().Perm(), nil
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// Create starts an output for path. The file is created 0644 (or with the
// permissions of the file it replaces) beside the target, and temporary
// files of earlier runs that died before cleaning up are removed.
// A target that is one of the run's inputs is refused (TrackInputs).
func Create(path string) (*File, error) { return create(path, false) }

// CreateReplacingInput is Create for an output that replaces one of the
// run's inputs on purpose: a dataset directory updated in place
// ("ingest --data D --out D"), which is read whole before it is written.
func CreateReplacingInput(path string) (*File, error) { return create(path, true) }

func create(path string, replacesInput bool) (*File, error) {
	target, mode, err := ResolveTarget(path)
	if err != nil {
		return nil, err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	if !replacesInput {
		if err := refuseInput(target); err != nil {
			return nil, err
		}
	}
	RemoveStale(dir, base)
	f, err := createLocked(dir, tempPrefix(base)+"p"+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	// CreateTemp makes the file private (0600); outputs are for sharing.
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	out := &File{File: f, target: target, mode: mode, replacesInput: replacesInput}
	pending.Lock()
	pending.files[out] = struct{}{}
	pending.Unlock()
	return out, nil
}

// Target is the path Commit replaces.
func (f *File) Target() string { return f.target }

// Commit flushes the file to disk and renames it over its target, unless
// ctx is done: after an interrupt the target is never replaced and the
// temporary file is removed.
func (f *File) Commit(ctx context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done {
		return errors.New("safeio: commit after commit or abort")
	}
	err := ctx.Err()
	if err == nil {
		err = f.Sync()
	}
	if err == nil && !f.replacesInput {
		// An input opened after Create is checked here.
		err = refuseInput(f.target)
	}
	if err == nil {
		// Checked again last: a signal during the sync must still win.
		err = ctx.Err()
	}
	if err == nil {
		// Renamed before it is closed: closing drops the lock that keeps
		// other runs from sweeping the file as abandoned.
		err = os.Rename(f.Name(), f.target)
	}
	if err != nil {
		f.abortLocked()
		return err
	}
	f.File.Close()
	f.forget()
	syncDir(filepath.Dir(f.target))
	committed.Lock()
	committed.targets = append(committed.targets, f.target)
	committed.Unlock()
	return nil
}

// committed lists the outputs this process has replaced, so an interrupt
// reported after some of them were complete can say so.
var committed struct {
	sync.Mutex
	targets []string
}

// ForgetCommitted empties the list Committed returns, at the start of a
// run (tests run many in one process).
func ForgetCommitted() {
	committed.Lock()
	committed.targets = nil
	committed.Unlock()
}

// Committed returns the targets replaced so far, in order.
func Committed() []string {
	committed.Lock()
	defer committed.Unlock()
	return append([]string(nil), committed.targets...)
}

// Abort removes the temporary file; the target is untouched.
func (f *File) Abort() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.abortLocked()
}

func (f *File) abortLocked() {
	if f.done {
		return
	}
	f.File.Close()
	os.Remove(f.Name())
	f.forget()
}

func (f *File) forget() {
	f.done = true
	pending.Lock()
	delete(pending.files, f)
	pending.Unlock()
}

// AbortAll removes the temporary files of every output still being
// written; the CLI calls it before a forced exit.
func AbortAll() {
	pending.Lock()
	files := make([]*File, 0, len(pending.files))
	for f := range pending.files {
		files = append(files, f)
	}
	pending.Unlock()
	for _, f := range files {
		f.Abort()
	}
}

// WriteFile writes path through fn with Create and Commit: the target is
// replaced only if fn succeeds and ctx is not done.
func WriteFile(ctx context.Context, path string, fn func(io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := fn(ContextWriter(ctx, f)); err != nil {
		return err
	}
	return f.Commit(ctx)
}

// syncDir makes the rename durable; file systems that cannot sync a
// directory lose nothing but that guarantee.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// RemoveStale removes temporary files for base in dir left by runs that
// died (kill -9, power loss, a container stopped): those whose lock no
// live writer holds. It is decided by the lock, not by whether the pid in
// the name is alive: in another PID namespace that pid means nothing.
func RemoveStale(dir, base string) {
	prefix := tempPrefix(base)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
			continue
		}
		removeIfUnlocked(filepath.Join(dir, name), os.Remove)
	}
}

// removeIfUnlocked removes path with remove if nobody holds its lock,
// holding the lock while it removes.
func removeIfUnlocked(path string, remove func(string) error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if ok, err := tryLock(f); err == nil && ok {
		if same, err := stillNamed(f, path); err == nil && same {
			remove(path)
		}
	}
}

// createLocked creates a temporary file from pattern in dir and locks it,
// so that RemoveStale in other runs leaves it alone while this process
// lives. A sweeper may remove the file between its creation and the lock;
// then it is made again.
func createLocked(dir, pattern string) (*os.File, error) {
	for attempt := 0; ; attempt++ {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		ok, err := tryLock(f)
		if errors.Is(err, errNoLocks) {
			return f, nil
		}
		if err == nil && ok {
			if same, serr := stillNamed(f, f.Name()); serr == nil && same {
				return f, nil
			}
		}
		f.Close()
		os.Remove(f.Name())
		if err != nil {
			return nil, fmt.Errorf("locking %s: %w", f.Name(), err)
		}
		if attempt == 10 {
			return nil, fmt.Errorf("%s: temporary files keep vanishing", dir)
		}
	}
}

// ContextWriter returns a writer that fails with ctx's error once ctx is
// done, so a long output stops at its next write after Ctrl-C instead of
// running to its end (the rename is refused anyway; this saves the time).
func ContextWriter(ctx context.Context, w io.Writer) io.Writer {
	if ctx.Done() == nil {
		return w
	}
	return ctxWriter{ctx: ctx, w: w}
}

type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
