package testgate

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// WithNeo4jLock runs a test binary's tests (m.Run) holding an exclusive
// lock on the Neo4j server NEO4J_URI names, so the packages whose tests
// share that server (cmd/leverage, graphmodel/neostore) take turns even
// when go test runs packages in parallel, as a plain `go test ./...` does:
// each empties and reloads the database. Without NEO4J_URI no test uses a
// server and nothing is locked. The lock is a file in the temporary
// directory, one per server address, released when the process ends.
func WithNeo4jLock(run func() int) int {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		return run()
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("leverage-neo4j-test-%x.lock", sha256.Sum256([]byte(uri))))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		fmt.Fprintf(os.Stderr, "testgate: Neo4j test lock %s: %v\n", path, err)
		return 1
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		fmt.Fprintf(os.Stderr, "testgate: Neo4j test lock %s: %v\n", path, err)
		return 1
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return run()
}
