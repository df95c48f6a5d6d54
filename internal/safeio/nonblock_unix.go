//go:build unix

package safeio

import "syscall"

// nonBlock keeps open(2) from waiting for a writer if a FIFO replaced the
// file between the check and the open.
const nonBlock = syscall.O_NONBLOCK
