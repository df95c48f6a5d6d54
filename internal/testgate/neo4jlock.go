package testgate

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// neo4jLock is this process's hold on the Neo4j test server: the lock
// file and how many running tests hold it.
var neo4jLock struct {
	sync.Mutex
	f *os.File
	n int
}

// LockNeo4j holds the Neo4j test server NEO4J_URI names for t, until t
// ends: the packages whose tests share the server (cmd/leverage,
// graphmodel/neostore) each empty and reload it, so when go test runs
// packages in parallel, as a plain `go test ./...` does, their tests take
// turns one test at a time instead of meeting each other's data. The lock
// is a file in the temporary directory, one per server address; a test
// that already holds it (a helper calling another) holds it again.
// Without NEO4J_URI it does nothing.
func LockNeo4j(t testing.TB) {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		return
	}
	neo4jLock.Lock()
	defer neo4jLock.Unlock()
	if neo4jLock.n == 0 {
		path := filepath.Join(os.TempDir(), fmt.Sprintf("leverage-neo4j-test-%x.lock", sha256.Sum256([]byte(uri))))
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			t.Fatalf("Neo4j test lock %s: %v", path, err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			t.Fatalf("Neo4j test lock %s: %v", path, err)
		}
		neo4jLock.f = f
	}
	neo4jLock.n++
	t.Cleanup(func() {
		neo4jLock.Lock()
		defer neo4jLock.Unlock()
		if neo4jLock.n--; neo4jLock.n == 0 {
			neo4jLock.f.Close() // closing the file releases the lock
			neo4jLock.f = nil
		}
	})
}
