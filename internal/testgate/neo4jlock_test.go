package testgate

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// While a test holds the server, another process's test cannot take it
// (a second open file stands for the other process); a nested hold is
// fine; when the test ends the lock is free.
func TestLockNeo4jExcludes(t *testing.T) {
	uri := fmt.Sprintf("bolt://lock-test-%d:1", os.Getpid())
	t.Setenv("NEO4J_URI", uri)
	path := filepath.Join(os.TempDir(), fmt.Sprintf("leverage-neo4j-test-%x.lock", sha256.Sum256([]byte(uri))))
	t.Cleanup(func() { os.Remove(path) })
	try := func() error {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	}
	t.Run("holding", func(t *testing.T) {
		LockNeo4j(t)
		LockNeo4j(t) // a helper of the same test
		if err := try(); err == nil {
			t.Error("another holder took the lock while a test held it")
		}
	})
	if err := try(); err != nil {
		t.Errorf("lock not released when the test ended: %v", err)
	}
}
