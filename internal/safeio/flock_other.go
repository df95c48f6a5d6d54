//go:build !unix

package safeio

import "os"

// tryLock cannot lock here: every lock counts as held, so nothing is ever
// taken for abandoned, and target locks are not taken (see LockDir).
func tryLock(f *os.File) (bool, error) { return false, errNoLocks }
