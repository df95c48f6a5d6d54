//go:build !unix

package safeio

// processAlive cannot tell here, so nothing is ever taken for abandoned.
func processAlive(pid int) bool { return true }
