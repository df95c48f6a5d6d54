//go:build unix

package safeio

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes an exclusive advisory lock (flock(2)) on f without
// waiting, reporting false if another open file holds it. flock locks
// belong to the open file, not to a process id, so they work across PID
// namespaces (containers sharing a directory) and vanish when the holder
// dies, however it dies.
func tryLock(f *os.File) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		case errors.Is(err, syscall.EINTR):
			continue
		}
		return false, err
	}
}
