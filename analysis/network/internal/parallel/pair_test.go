package parallel

import (
	"runtime"
	"testing"
	"time"
)

// Every job's two halves run, each exactly once, and Both returns only
// after both: each half writes its own slot, read after Both returns (the
// race detector checks the hand-over). Pauses longer than the helper's
// spin make it park between jobs, so waking it is tested too.
func TestPairRunsBothHalves(t *testing.T) {
	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	for _, p := range []*Pair{NewPair(), nil} {
		var a, b [500]int
		for i := range a {
			p.Both(func() { a[i]++ }, func() { b[i] += i })
			if a[i] != 1 || b[i] != i {
				t.Fatalf("job %d: first ran %d times, second left %d", i, a[i], b[i])
			}
			if i%100 == 99 {
				time.Sleep(2 * time.Millisecond)
			}
		}
		p.Stop()
		p.Stop()
		ran := 0
		p.Both(func() { ran++ }, func() { ran++ }) // stopped: both on the caller
		if ran != 2 {
			t.Fatalf("after Stop, Both ran %d halves", ran)
		}
	}
}

func TestNewPairOnOneCore(t *testing.T) {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	if p := NewPair(); p != nil {
		t.Fatal("NewPair started a helper with GOMAXPROCS 1")
	}
}
