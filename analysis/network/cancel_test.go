package network

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The context variants stop early when cancelled, and equal the plain
// functions when not.
func TestContextVariantsStopAndAgree(t *testing.T) {
	g := randomGraph(7, 3000, 12000, false)
	bg := context.Background()
	if got, err := BetweennessContext(bg, g); err != nil || !equalFloats(got, Betweenness(g)) {
		t.Errorf("BetweennessContext differs from Betweenness (%v)", err)
	}
	if c, h, err := ClosenessContext(bg, g); err != nil {
		t.Error(err)
	} else if wc, wh := Closeness(g); !equalFloats(c, wc) || !equalFloats(h, wh) {
		t.Errorf("ClosenessContext differs from Closeness")
	}
	if h, a, err := HITSContext(bg, g, false, 1e-10); err != nil {
		t.Error(err)
	} else if wh, wa := HITS(g, false, 1e-10); !equalFloats(h, wh) || !equalFloats(a, wa) {
		t.Errorf("HITSContext differs from HITS")
	}
	if c, err := LouvainContext(bg, g, 3); err != nil || c.Modularity != Louvain(g, 3).Modularity {
		t.Errorf("LouvainContext differs from Louvain (%v)", err)
	}

	cancelled, cancel := context.WithCancel(bg)
	cancel()
	for name, run := range map[string]func() error{
		"betweenness": func() error { _, err := BetweennessContext(cancelled, g); return err },
		"sampled":     func() error { _, err := BetweennessSampledContext(cancelled, g, 100, 1); return err },
		"closeness":   func() error { _, _, err := ClosenessContext(cancelled, g); return err },
		"hits":        func() error { _, _, err := HITSContext(cancelled, g, true, 1e-10); return err },
		"louvain":     func() error { _, err := LouvainContext(cancelled, g, 1); return err },
	} {
		start := time.Now()
		if err := run(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err %v, want context.Canceled", name, err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s took %v after cancellation", name, took)
		}
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
