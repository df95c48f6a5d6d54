package network

import (
	"context"
	"errors"
	"testing"
)

// Every context-taking kernel returns ctx's error, and no result, once ctx
// is done. (That it stops promptly is a matter of where it checks: between
// sources, searches, restarts and passes; a timing assertion here would be
// flaky on a loaded machine.)
func TestKernelsStopWhenCancelled(t *testing.T) {
	g := randomGraph(7, 300, 1200, false)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for name, run := range map[string]func() error{
		"pagerank":    func() error { _, _, err := PageRank(cancelled, g, PageRankDamping, true, PageRankTol); return err },
		"betweenness": func() error { _, err := Betweenness(cancelled, g); return err },
		"sampled":     func() error { _, err := BetweennessSampled(cancelled, g, 100, 1); return err },
		"closeness":   func() error { _, _, err := Closeness(cancelled, g); return err },
		"hits":        func() error { _, _, _, err := HITS(cancelled, g, true, 1e-10); return err },
		"louvain":     func() error { _, err := Louvain(cancelled, g, 1); return err },
		"leiden":      func() error { _, err := Leiden(cancelled, g, 1); return err },
		"stability":   func() error { _, err := CommunityStability(cancelled, g, 1, 2, 1); return err },
		"hubs":        func() error { _, _, err := Hubs(cancelled, g, DefaultSettings()); return err },
	} {
		if err := run(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err %v, want context.Canceled", name, err)
		}
	}
}
