package neostore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Readers see one generation through a sequence lock on one node,
// (:Serving {key: 'dataset', token}). Neo4j reads are read-committed: a
// scan of :Country that runs while a load switches labels sees some nodes
// before the switch and some after, so a label switch in one transaction
// does not make a concurrent reader's scan atomic. Instead:
//
//   - a load, before it switches, commits a fresh token "switching:<uuid>"
//     in a transaction of its own; the switch transaction locks the node
//     first and goes ahead only if its own token is still there (so while
//     a switch runs, the token is that switch's); after the commit, a
//     third transaction replaces the token with a fresh "<uuid>", again
//     only if it is still its own;
//   - a reader reads the token before it reads anything (waiting while it
//     says switching) and again after its last read. Equal tokens mean no
//     switch was applied in between: any switch that overlapped the reads
//     had committed its "switching:" token before it began, so the second
//     read cannot give the first token back (tokens never repeat).
//
// A reader whose tokens differ reads again (Pinned), or, when it already
// handed rows on, fails with a *ReplacedError. Readers write nothing, so a
// read-only account can follow the protocol, and the old generation can be
// deleted as soon as the switch commits: a reader still on it is told.
const servingKey = "dataset"

// switchingPrefix marks the token while a switch may be running.
const switchingPrefix = "switching:"

// pinWait bounds how long a reader waits for a switch to finish. A switch
// relabels nodes only, so it takes seconds even for a million
// relationships; a token left "switching" by a load that was killed
// mid-switch is replaced by the next load.
var pinWait = 30 * time.Second

// Pin is the served token a reader saw before its first read.
type Pin struct{ token string }

// ReplacedError reports that the dataset was replaced while a reader read.
// Delivered says whether rows had already been handed on (and so may mix
// the two datasets); if not, reading again gives a consistent result.
type ReplacedError struct{ Delivered bool }

func (e *ReplacedError) Error() string {
	if e.Delivered {
		return "the dataset was replaced (load --replace) while the query ran: the rows written may mix the old and the new dataset; run the query again"
	}
	return "the dataset was replaced (load --replace) while the query ran; run it again"
}

// servedToken reads the token ("" when no load ever switched).
func (s *Store) servedToken(ctx context.Context) (string, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, "OPTIONAL MATCH (v:Serving {key: $k}) RETURN v.token",
		map[string]any{"k": servingKey}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return "", s.wrapCtx(ctx, err)
	}
	tok, _ := res.Records[0].Values[0].(string)
	return tok, nil
}

// Pin waits until no switch is running and returns the served token.
func (s *Store) Pin(ctx context.Context) (Pin, error) {
	deadline := time.Now().Add(pinWait)
	wait := 20 * time.Millisecond
	for {
		tok, err := s.servedToken(ctx)
		if err != nil {
			return Pin{}, err
		}
		if !strings.HasPrefix(tok, switchingPrefix) {
			return Pin{tok}, nil
		}
		if time.Now().After(deadline) {
			return Pin{}, fmt.Errorf("Neo4j at %s: a load has been switching the served dataset for over %s (or was killed while switching; the next load repairs that)", RedactURI(s.cfg.URI), pinWait)
		}
		select {
		case <-ctx.Done():
			return Pin{}, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// Unchanged returns a *ReplacedError if a switch was applied since p.
func (s *Store) Unchanged(ctx context.Context, p Pin, delivered bool) error {
	tok, err := s.servedToken(ctx)
	if err != nil {
		return err
	}
	if tok != p.token {
		return &ReplacedError{Delivered: delivered}
	}
	return nil
}

// pinnedAttempts bounds how often a read is repeated because the dataset
// was replaced under it; a replace takes far longer than a read, so a
// second attempt almost always succeeds.
const pinnedAttempts = 5

// Pinned pins the served token and runs read, again (up to
// pinnedAttempts times) while read returns a *ReplacedError without
// Delivered. read must call Unchanged after its last read and before it
// hands anything on (pinnedHeld does that for a read that hands on
// nothing before it returns).
func (s *Store) Pinned(ctx context.Context, read func(Pin) error) error {
	var err error
	for i := 0; i < pinnedAttempts; i++ {
		var p Pin
		if p, err = s.Pin(ctx); err != nil {
			return err
		}
		err = read(p)
		var re *ReplacedError
		if !errors.As(err, &re) || re.Delivered {
			return err
		}
	}
	return err
}

// pinnedHeld runs read, which holds what it reads until it returns, so
// that it saw one generation.
func (s *Store) pinnedHeld(ctx context.Context, read func() error) error {
	return s.Pinned(ctx, func(p Pin) error {
		err := read()
		// A read that failed may have failed because of the replace
		// (a node deleted under it): then it is read again.
		if uerr := s.Unchanged(ctx, p, false); uerr != nil {
			var re *ReplacedError
			if err == nil || errors.As(uerr, &re) {
				return uerr
			}
		}
		return err
	})
}

// beginSwitch commits a fresh switching token and returns it.
func (s *Store) beginSwitch(ctx context.Context) (string, error) {
	tok := switchingPrefix + randomKey()
	_, err := neo4j.ExecuteQuery(ctx, s.driver, "MERGE (v:Serving {key: $k}) SET v.token = $t",
		map[string]any{"k": servingKey, "t": tok}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return "", s.wrapCtx(ctx, err)
	}
	return tok, nil
}

// holdSwitch, the first statement of a switch transaction, locks the
// token node and reports whether the token is still mine. The lock is
// taken by the write before the token is read, so no other switch or end
// of switch can change it until this transaction ends.
func holdSwitch(ctx context.Context, tx neo4j.ManagedTransaction, mine string) (bool, error) {
	res, err := tx.Run(ctx, "MATCH (v:Serving {key: $k}) SET v.locked = true REMOVE v.locked RETURN v.token", map[string]any{"k": servingKey})
	if err != nil {
		return false, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return false, err
	}
	tok, _ := rec.Values[0].(string)
	return tok == mine, nil
}

// endSwitch replaces my switching token by a fresh served one, unless
// another load has put its own there since.
func (s *Store) endSwitch(ctx context.Context, mine string) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		ok, err := holdSwitch(ctx, tx, mine)
		if err != nil || !ok {
			return nil, err
		}
		_, err = tx.Run(ctx, "MATCH (v:Serving {key: $k}) SET v.token = $t", map[string]any{"k": servingKey, "t": randomKey()})
		return nil, err
	})
	return s.wrapCtx(ctx, err)
}

// errSwitchTaken: another load took the token between beginSwitch and
// the switch transaction; the switch starts over with a new token.
var errSwitchTaken = errors.New("another load is switching")
