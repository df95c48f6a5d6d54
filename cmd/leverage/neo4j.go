package main

import (
	"context"
	"flag"
	"time"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// neo4jOptions are the connection flags; each defaults to the conventional
// NEO4J_* variable. The password is read from NEO4J_PASSWORD only, so it
// never appears in a process list or shell history.
type neo4jOptions struct {
	uri, user, database string
	retry               time.Duration
}

func (o *neo4jOptions) register(fs *flag.FlagSet) {
	env := neostore.ConfigFromEnv()
	fs.StringVar(&o.uri, "neo4j-uri", env.URI, "Neo4j `URI` (bolt:// or neo4j://; default $NEO4J_URI); password from $NEO4J_PASSWORD")
	fs.StringVar(&o.user, "neo4j-user", env.Username, "Neo4j `user` (default $NEO4J_USERNAME or neo4j)")
	fs.StringVar(&o.database, "neo4j-database", env.Database, "Neo4j `database` (default $NEO4J_DATABASE or the server default)")
	fs.DurationVar(&o.retry, "neo4j-retry", 30*time.Second, "how long to retry transactions after transient failures")
}

func (o neo4jOptions) open(ctx context.Context) (*neostore.Store, error) {
	cfg := neostore.ConfigFromEnv()
	cfg.URI, cfg.Username, cfg.Database, cfg.RetryTime = o.uri, o.user, o.database, o.retry
	return neostore.Open(ctx, cfg)
}
