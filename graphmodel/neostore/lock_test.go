package neostore_test

import (
	"os"
	"testing"

	"github.com/leverage-project/leverage/internal/testgate"
)

// TestMain holds the Neo4j test server while this package's tests run, so
// a plain `go test ./...` needs no -p 1 (see testgate.WithNeo4jLock).
func TestMain(m *testing.M) { os.Exit(testgate.WithNeo4jLock(m.Run)) }
