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

// A helper that is slow to come (here: never started) costs the caller
// no wait: once its own half is done, the caller takes the second half
// itself when the helper has not. Before, Both waited for the helper and
// this test hung until its deadline.
func TestPairCallerTakesHalfTheHelperHasNotStarted(t *testing.T) {
	p := &Pair{wake: make(chan struct{}, 1)} // no helper goroutine
	finished := make(chan [2]int)
	go func() {
		var a, b int
		for range 100 {
			p.Both(func() { a++ }, func() { b++ })
		}
		finished <- [2]int{a, b}
	}()
	select {
	case got := <-finished:
		if got != [2]int{100, 100} {
			t.Fatalf("halves ran %v times, want 100 each", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Both waited for a helper that never came")
	}
}

// Halves taken by either side, the helper's slow to start (it parks
// between jobs) or quick, each run exactly once and Stop still ends the
// helper: the race detector checks the hand-over of the job either way.
func TestPairHalvesRunOnceWhoeverTakesThem(t *testing.T) {
	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	p := NewPair()
	var a, b [2000]int
	for i := range a {
		long := i%3 == 0 // the caller's half outlasts the helper's wake-up
		p.Both(func() {
			if long {
				time.Sleep(50 * time.Microsecond)
			}
			a[i]++
		}, func() { b[i] += i })
		if a[i] != 1 || b[i] != i {
			t.Fatalf("job %d: first ran %d times, second left %d", i, a[i], b[i])
		}
		if i%200 == 199 {
			time.Sleep(time.Millisecond) // the helper parks
		}
	}
	p.Stop()
}

// Each runs every index exactly once, on one side or the other, and a
// nil Pair runs them all on the caller's side; sides hand their results
// over to the caller (the race detector checks the hand-over).
func TestPairEachRunsEveryIndexOnce(t *testing.T) {
	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	for _, p := range []*Pair{NewPair(), nil} {
		for _, n := range []int{0, 1, 2, 7, 64} {
			for range 50 {
				runs := make([]int, n)
				side := make([]int, n)
				p.Each(n, func(s, i int) {
					runs[i]++
					side[i] = s
					if i%3 == 0 {
						time.Sleep(time.Microsecond)
					}
				})
				for i, r := range runs {
					if r != 1 {
						t.Fatalf("n %d: index %d ran %d times", n, i, r)
					}
					if side[i] != 0 && (p == nil || side[i] != 1) {
						t.Fatalf("n %d: index %d ran on side %d (nil pair: %v)", n, i, side[i], p == nil)
					}
				}
			}
		}
		p.Stop()
	}
}
