package testgate

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// While one test binary runs under the lock, another cannot take it; after,
// it can.
func TestWithNeo4jLockExcludes(t *testing.T) {
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
	ran := false
	code := WithNeo4jLock(func() int {
		ran = true
		if err := try(); err == nil {
			t.Error("a second holder took the lock while the tests ran")
		}
		return 7
	})
	if !ran || code != 7 {
		t.Errorf("ran %v, code %d", ran, code)
	}
	if err := try(); err != nil {
		t.Errorf("lock not released: %v", err)
	}
}
