package safeio

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"
)

var errNoLocks = errors.New("advisory locks are not supported on this system")

// lockPoll is how often a run waiting for another's target lock looks
// again; flock(2) cannot wait and be interrupted by a context at once.
const lockPoll = 50 * time.Millisecond

// LockDir takes an exclusive lock on the directory dir, waiting while
// another run holds it; waiting, if not nil, is called once when the wait
// begins (to say so). The lock is held until release. Two runs that write
// the same target take it from their "is another dataset there?" check to
// their last rename, so one of them finishes whole before the other
// looks. dir must exist.
func LockDir(ctx context.Context, dir string, waiting func()) (release func(), err error) {
	told := false
	for {
		f, err := os.Open(dir)
		if err != nil {
			return nil, err
		}
		ok, err := tryLock(f)
		if errors.Is(err, errNoLocks) {
			f.Close()
			return func() {}, nil
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", dir, err)
		}
		if ok {
			// The holder before us may have removed the directory (an
			// empty one it made and did not use); then lock it anew.
			if same, err := stillNamed(f, dir); err != nil || !same {
				f.Close()
				if err != nil && !errors.Is(err, os.ErrNotExist) {
					return nil, err
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return nil, err
				}
				continue
			}
			return func() { f.Close() }, nil
		}
		f.Close()
		if !told && waiting != nil {
			waiting()
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}

// stillNamed reports whether the open file f is still the file at name.
func stillNamed(f *os.File, name string) (bool, error) {
	a, err := f.Stat()
	if err != nil {
		return false, err
	}
	b, err := os.Stat(name)
	if err != nil {
		return false, err
	}
	return os.SameFile(a, b), nil
}
