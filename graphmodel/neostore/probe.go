package neostore

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"time"
)

// probeBolt checks, before the driver tries, that a plain bolt:// or
// neo4j:// address speaks Bolt: it sends the Bolt preamble and expects a
// four-byte version answer. An HTTP server either answers "HTTP/…" or waits
// for a request line that never comes; both become a one-line error within
// a few seconds instead of the driver's long connection timeout, or
// sooner when ctx has an earlier deadline.
func probeBolt(ctx context.Context, cfg Config) error {
	u, err := url.Parse(cfg.URI)
	if err != nil || (u.Scheme != "bolt" && u.Scheme != "neo4j") {
		return nil // TLS schemes: the driver's own handshake reports problems
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "7687")
	}
	dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := (&net.Dialer{}).DialContext(dctx, "tcp", host)
	if err != nil {
		return explain(cfg, err)
	}
	defer conn.Close()
	deadline := time.Now().Add(3 * time.Second)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	conn.SetDeadline(deadline)
	preamble := []byte{0x60, 0x60, 0xB0, 0x17,
		0, 0, 8, 5, // 5.0–5.8
		0, 0, 0, 4,
		0, 0, 0, 3,
		0, 0, 0, 0}
	if _, err := conn.Write(preamble); err != nil {
		return notBolt(cfg)
	}
	var answer [4]byte
	if _, err := io.ReadFull(conn, answer[:]); err != nil {
		return notBolt(cfg)
	}
	if bytes.HasPrefix(answer[:], []byte("HTTP")) {
		return fmt.Errorf("the server at %s answered HTTP, not Bolt: this is the HTTP port; Neo4j's Bolt port is usually 7687", RedactURI(cfg.URI))
	}
	return nil
}

func notBolt(cfg Config) error {
	return fmt.Errorf("the server at %s did not answer the Bolt protocol: is this the HTTP port (7474) instead of Bolt (7687)?", RedactURI(cfg.URI))
}
