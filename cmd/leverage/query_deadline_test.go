package main

import (
	"bytes"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// stallProxy forwards Bolt between the CLI and the real test server until
// the client has sent marker for the nth time; from then on it forwards
// nothing either way and holds both connections open, as a server that
// stalls after receiving the statement would. With nth 0 it accepts and
// never answers at all (not even the Bolt handshake).
type stallProxy struct {
	ln     net.Listener
	mu     sync.Mutex
	closed chan struct{} // closed when the client closed a stalled connection
	once   sync.Once
}

func newStallProxy(t *testing.T, upstream, marker string, nth int) *stallProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallProxy{ln: ln, closed: make(chan struct{})}
	t.Cleanup(func() { ln.Close() })
	seen := 0
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(t, c, upstream, []byte(marker), nth, &seen)
		}
	}()
	return p
}

func (p *stallProxy) serve(t *testing.T, c net.Conn, upstream string, marker []byte, nth int, seen *int) {
	defer c.Close()
	stalled := func() {
		// Nothing more is sent; wait for the client to give up.
		io.Copy(io.Discard, c)
		p.once.Do(func() { close(p.closed) })
	}
	if nth == 0 {
		stalled()
		return
	}
	u, err := net.Dial("tcp", upstream)
	if err != nil {
		return
	}
	defer u.Close()
	var stop sync.Once
	halt := make(chan struct{})
	go func() { // server → client, until the stall
		buf := make([]byte, 32<<10)
		for {
			n, err := u.Read(buf)
			select {
			case <-halt:
				return
			default:
			}
			if n > 0 {
				c.Write(buf[:n])
			}
			if err != nil {
				c.Close()
				return
			}
		}
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			if bytes.Contains(buf[:n], marker) {
				p.mu.Lock()
				*seen++
				hit := *seen == nth
				p.mu.Unlock()
				if hit {
					stop.Do(func() { close(halt) })
					u.Write(buf[:n]) // the server received the statement
					stalled()
					return
				}
			}
			u.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// --timeout bounds how long query waits, also when the server stalls
// after receiving the statement (at the EXPLAIN that plans it, or at the
// run itself) or never answers at all: the run then ends with exit 1 and
// one line, and the connection is closed. Before the client-side
// deadline the stalled cases waited until the test binary's own timeout.
func TestQueryTimeoutWhenTheServerStalls(t *testing.T) {
	needNeo4j(t)
	upstream := strings.TrimPrefix(os.Getenv("NEO4J_URI"), "bolt://")
	const marker = "stall-here"
	for _, tc := range []struct {
		name string
		nth  int
	}{{"never answers", 0}, {"stalls at the plan", 1}, {"stalls at the run", 2}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newStallProxy(t, upstream, marker, tc.nth)
			done := make(chan struct{})
			var errs string
			var code int
			start := time.Now()
			go func() {
				defer close(done)
				_, errs, code = runCLI(t, "query", "--neo4j-uri", "bolt://"+p.ln.Addr().String(), "--timeout", "2s",
					"--cypher", "RETURN '"+marker+"' AS s")
			}()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("query still waiting 60 s after a 2 s --timeout")
			}
			t.Logf("%s: exit %d after %s: %s", tc.name, code, time.Since(start).Round(10*time.Millisecond), strings.TrimSpace(errs))
			if code != exitFailure || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("exit %d, stderr %q; want exit 1 and one line", code, errs)
			}
			if !strings.Contains(errs, "no answer from Neo4j within the 2s timeout; the connection was closed") {
				t.Errorf("stderr %q does not name the timeout", errs)
			}
			select {
			case <-p.closed:
			case <-time.After(10 * time.Second):
				t.Error("the client left the stalled connection open")
			}
		})
	}
}
