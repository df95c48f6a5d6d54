//go:build unix

package safeio

import (
	"errors"
	"syscall"
)

// processAlive reports whether pid names a live process; a process we may
// not signal (another user's) is alive.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
