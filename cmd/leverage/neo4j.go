package main

import (
	"context"
	"flag"
	"time"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// neo4jOptions are the connection flags; each defaults to the conventional
// NEO4J_* variable. The password is read from NEO4J_PASSWORD (or from user
// info in the URI, which is then taken out of it), so uri can be printed.
type neo4jOptions struct {
	uri, user, database string
	retry               time.Duration
	// uriUser and uriPassword came as user info in --neo4j-uri; they win
	// over --neo4j-user and NEO4J_PASSWORD.
	uriUser, uriPassword string
}

func (o *neo4jOptions) register(fs *flag.FlagSet) {
	env := neostore.ConfigFromEnv()
	o.uri = env.URI
	fs.Func("neo4j-uri", "Neo4j `URI` (bolt:// or neo4j://; default $NEO4J_URI); password from $NEO4J_PASSWORD", func(v string) error {
		o.uri, o.uriUser, o.uriPassword, _ = neostore.SplitUserInfo(v)
		return nil
	})
	fs.StringVar(&o.user, "neo4j-user", env.Username, "Neo4j `user` (default $NEO4J_USERNAME or neo4j)")
	fs.StringVar(&o.database, "neo4j-database", env.Database, "Neo4j `database` (default $NEO4J_DATABASE or the server default)")
	fs.DurationVar(&o.retry, "neo4j-retry", 30*time.Second, "how long to retry transactions after transient failures, such as a lost connection or a routing table change")
}

// config is the connection the options name; a URI that cannot name a
// Bolt server (empty, http://, not a URI) is a usage error.
func (o neo4jOptions) config() (neostore.Config, error) {
	cfg := neostore.ConfigFromEnv()
	cfg.URI, cfg.Username, cfg.Database, cfg.RetryTime = o.uri, o.user, o.database, o.retry
	if o.uriUser != "" {
		cfg.Username = o.uriUser
	}
	if o.uriPassword != "" {
		cfg.Password = o.uriPassword
	}
	if err := neostore.CheckURI(cfg.URI); err != nil {
		return cfg, usagef("%v", err)
	}
	return cfg, nil
}

func (o neo4jOptions) open(ctx context.Context) (*neostore.Store, error) {
	cfg, err := o.config()
	if err != nil {
		return nil, err
	}
	return neostore.Open(ctx, cfg)
}
