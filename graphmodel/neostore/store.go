// Package neostore keeps a leverage dataset in Neo4j 5 and reads it back.
//
// Graph schema (documented for Cypher users in the README):
//
//	(:Country {code, name, kind, region, alpha3, aliases, demonyms, has_record})
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
	"sync"
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
// User info in the URI (bolt://user:password@host) is taken out of it and
// used as the credentials, so the URI can be printed.
func ConfigFromEnv() Config {
	c := Config{URI: os.Getenv("NEO4J_URI"), Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
	if c.Username == "" {
		c.Username = "neo4j"
	}
	return c.withoutUserInfo()
}

func (c Config) String() string {
	db := c.Database
	if db == "" {
		db = "default database"
	}
	return fmt.Sprintf("%s as %s (%s)", RedactURI(c.URI), c.Username, db)
}

// SplitUserInfo takes the user info out of a URI: "bolt://u:p@h:7687"
// gives "bolt://h:7687", "u", "p". A URI without user info, or one that
// does not parse, comes back unchanged with ok false.
func SplitUserInfo(uri string) (clean, user, password string, ok bool) {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri, "", "", false
	}
	user = u.User.Username()
	password, _ = u.User.Password()
	u.User = nil
	return u.String(), user, password, true
}

// withoutUserInfo moves user info from the URI into the credentials.
func (c Config) withoutUserInfo() Config {
	clean, user, password, ok := SplitUserInfo(c.URI)
	if !ok {
		return c
	}
	c.URI = clean
	if user != "" {
		c.Username = user
	}
	if password != "" {
		c.Password = password
	}
	return c
}

// RedactURI hides any user info in a URI, parsed or not: everything
// between "://" and the last "@" becomes "***", so a password never
// reaches a message even when the URI is malformed.
func RedactURI(uri string) string {
	i := strings.Index(uri, "://")
	if i < 0 {
		if at := strings.LastIndexByte(uri, '@'); at >= 0 {
			return "***" + uri[at:]
		}
		return uri
	}
	at := strings.LastIndexByte(uri, '@')
	if at < i+3 {
		return uri
	}
	return uri[:i+3] + "***" + uri[at:]
}

// ErrBadURI marks a Neo4j URI that cannot be used, whatever the server:
// empty, not a URI, or a scheme other than Bolt's.
var ErrBadURI = errors.New("bad Neo4j URI")

type uriError struct{ msg string }

func (e uriError) Error() string        { return e.msg }
func (e uriError) Is(target error) bool { return target == ErrBadURI }

// CheckURI says whether uri names a Bolt server: neo4j:// (routing) or
// bolt://, with +s/+ssc variants. The error matches ErrBadURI and never
// shows user info.
func CheckURI(uri string) error {
	shown := RedactURI(uri)
	if uri == "" {
		return uriError{"no Neo4j URI: set NEO4J_URI or give --neo4j-uri (e.g. bolt://127.0.0.1:7687)"}
	}
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return uriError{fmt.Sprintf("Neo4j URI %q is not a URI such as bolt://127.0.0.1:7687", shown)}
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
		return nil
	case "http", "https":
		return uriError{fmt.Sprintf("Neo4j URI %q is an HTTP address; the tool speaks Bolt: use bolt://%s:7687 or neo4j://…", shown, u.Hostname())}
	}
	return uriError{fmt.Sprintf("Neo4j URI scheme %q not supported (bolt://, neo4j://, with +s or +ssc)", u.Scheme)}
}

// Store is an open connection pool to one database.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config

	procMu    sync.Mutex
	procModes map[string]string // procedure name → mode, asked once
}

// ConnectTimeout bounds how long Open waits for the server to answer.
const ConnectTimeout = 10 * time.Second

// Open connects and verifies the server answers Bolt and accepts the
// credentials, within ConnectTimeout. neo4j:// (routing) and bolt:// URIs,
// with +s/+ssc variants, are accepted.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withoutUserInfo()
	if err := CheckURI(cfg.URI); err != nil {
		return nil, err
	}
	if err := probeBolt(ctx, cfg); err != nil {
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
		return nil, fmt.Errorf("Neo4j at %s: %s", RedactURI(cfg.URI), firstLine(err.Error()))
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
	uri := RedactURI(cfg.URI)
	var ne *neo4j.Neo4jError
	msg := err.Error()
	switch {
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Security.Unauthorized"):
		return fmt.Errorf("Neo4j at %s rejected the credentials of user %q: check NEO4J_USERNAME/NEO4J_PASSWORD", uri, cfg.Username)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Security.AuthenticationRateLimit"):
		return fmt.Errorf("Neo4j at %s is refusing logins after too many failures; wait and check the password", uri)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Database.DatabaseNotFound"):
		return fmt.Errorf("Neo4j at %s has no database %q: check NEO4J_DATABASE", uri, cfg.Database)
	case errors.Is(err, context.Canceled):
		return err
	case strings.Contains(msg, "connection refused"):
		return fmt.Errorf("cannot reach Neo4j at %s: connection refused (is the server running, and is this its Bolt port?)", uri)
	case strings.Contains(msg, "handshake") || strings.Contains(msg, "bolt") && strings.Contains(msg, "version") || strings.Contains(msg, "EOF") || strings.Contains(msg, "HTTP"):
		return fmt.Errorf("the server at %s did not answer the Bolt protocol: is this the HTTP port (7474) instead of Bolt (7687)?", uri)
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(msg, "timeout") || strings.Contains(msg, "deadline"):
		return fmt.Errorf("no answer from Neo4j at %s within %s (wrong host or port, or a firewall?)", uri, ConnectTimeout)
	}
	return fmt.Errorf("Neo4j at %s: %s", uri, firstLine(msg))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
