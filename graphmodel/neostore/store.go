// Package neostore keeps a leverage dataset in Neo4j 5 and reads it back.
//
// Graph schema (documented for Cypher users in the README):
//
//	(:Country {code, name, kind, region, alpha3, aliases, demonyms, in_dataset})
//	(:Source {id, publisher, title, published, published_start, published_precision, kind, url, note,
//	          domain, republishes, derived_from, availability})
//	(:Dataset {name, version, description, license, citation, updated, content_hash})
//	(a:Country)-[:APPROACHED|RECEIVED|PAID|… {id, event, date, date_start,
//	    date_precision, status, instrument, count, count_qualifier, amount,
//	    currency, amount_qualifier, confidence, sources, note}]->(b:Country)
//
// One Neo4j relationship per model relationship; its type is the model type
// in upper case. Provenance runs both ways through the sources list and the
// :Source nodes: MATCH ()-[r {id:$id}]->() MATCH (s:Source) WHERE s.id IN
// r.sources, and MATCH (s:Source {id:$sid}) MATCH ()-[r]->() WHERE s.id IN
// r.sources.
//
// Every value travels as a query parameter; the only text spliced into
// Cypher is a relationship type from the closed vocabulary.
package neostore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Config says where the server is. Password is never printed: String and
// errors show the URI and user only.
type Config struct {
	URI      string
	Username string
	Password string
	Database string // empty: the server's default database
	// RetryTime bounds how long a transaction is retried after transient
	// failures such as a lost connection (default 30 s).
	RetryTime time.Duration
}

// ConfigFromEnv reads the conventional NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD and NEO4J_DATABASE variables; the username defaults to neo4j.
func ConfigFromEnv() Config {
	c := Config{URI: os.Getenv("NEO4J_URI"), Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
	if c.Username == "" {
		c.Username = "neo4j"
	}
	return c
}

func (c Config) String() string {
	db := c.Database
	if db == "" {
		db = "default database"
	}
	return fmt.Sprintf("%s as %s (%s)", c.URI, c.Username, db)
}

// Store is an open connection pool to one database.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
}

// ConnectTimeout bounds how long Open waits for the server to answer.
const ConnectTimeout = 10 * time.Second

// Open connects and verifies the server answers Bolt and accepts the
// credentials, within ConnectTimeout. neo4j:// (routing) and bolt:// URIs,
// with +s/+ssc variants, are accepted.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, errors.New("no Neo4j URI: set NEO4J_URI or give --neo4j-uri (e.g. bolt://127.0.0.1:7687)")
	}
	u, err := url.Parse(cfg.URI)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("Neo4j URI %q is not a URI such as bolt://127.0.0.1:7687", cfg.URI)
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
	case "http", "https":
		return nil, fmt.Errorf("Neo4j URI %q is an HTTP address; the tool speaks Bolt: use bolt://%s:7687 or neo4j://…", cfg.URI, u.Hostname())
	default:
		return nil, fmt.Errorf("Neo4j URI scheme %q not supported (bolt://, neo4j://, with +s or +ssc)", u.Scheme)
	}
	if err := probeBolt(cfg); err != nil {
		return nil, err
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""), func(c *config.Config) {
		c.SocketConnectTimeout = 5 * time.Second
		c.ConnectionAcquisitionTimeout = ConnectTimeout
		c.MaxTransactionRetryTime = 30 * time.Second
		if cfg.RetryTime > 0 {
			c.MaxTransactionRetryTime = cfg.RetryTime
		}
		c.UserAgent = "leverage"
	})
	if err != nil {
		return nil, fmt.Errorf("Neo4j at %s: %w", cfg.URI, err)
	}
	vctx, cancel := context.WithTimeout(ctx, ConnectTimeout)
	defer cancel()
	if err := driver.VerifyConnectivity(vctx); err != nil {
		driver.Close(context.Background())
		return nil, explain(cfg, err)
	}
	return &Store{driver: driver, cfg: cfg}, nil
}

// Close releases the connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Config returns the connection settings (password included; do not print).
func (s *Store) Config() Config { return s.cfg }

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: s.cfg.Database})
}

// explain turns driver errors into one actionable line.
func explain(cfg Config, err error) error {
	var ne *neo4j.Neo4jError
	msg := err.Error()
	switch {
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Security.Unauthorized"):
		return fmt.Errorf("Neo4j at %s rejected the credentials of user %q: check NEO4J_USERNAME/NEO4J_PASSWORD", cfg.URI, cfg.Username)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Security.AuthenticationRateLimit"):
		return fmt.Errorf("Neo4j at %s is refusing logins after too many failures; wait and check the password", cfg.URI)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Database.DatabaseNotFound"):
		return fmt.Errorf("Neo4j at %s has no database %q: check NEO4J_DATABASE", cfg.URI, cfg.Database)
	case errors.Is(err, context.Canceled):
		return err
	case strings.Contains(msg, "connection refused"):
		return fmt.Errorf("cannot reach Neo4j at %s: connection refused (is the server running, and is this its Bolt port?)", cfg.URI)
	case strings.Contains(msg, "handshake") || strings.Contains(msg, "bolt") && strings.Contains(msg, "version") || strings.Contains(msg, "EOF") || strings.Contains(msg, "HTTP"):
		return fmt.Errorf("the server at %s did not answer the Bolt protocol: is this the HTTP port (7474) instead of Bolt (7687)?", cfg.URI)
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(msg, "timeout") || strings.Contains(msg, "deadline"):
		return fmt.Errorf("no answer from Neo4j at %s within %s (wrong host or port, or a firewall?)", cfg.URI, ConnectTimeout)
	}
	return fmt.Errorf("Neo4j at %s: %s", cfg.URI, firstLine(msg))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
