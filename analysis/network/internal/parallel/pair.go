package parallel

import (
	"runtime"
	"sync/atomic"
)

// Pair runs two halves of many short jobs side by side on one helper
// goroutine kept for the Pair's life. Starting a goroutine per job costs
// a futex wake-up and its latency on every job: on Louvain's and Leiden's
// batches of a few tens of microseconds that was a tenth of the run. The
// helper waits for work by spinning a little, then parks.
//
// Whoever comes first runs the second half: the helper, or the caller
// once its own half is done and the helper has not yet taken it. A parked
// helper takes tens of microseconds to wake, and waiting for it cost a
// Leiden run on Debian's package graph 20 ms in 420 of its 476 jobs; now
// a late helper costs nothing but the half the caller runs itself. A nil
// *Pair runs both halves on the caller, one after the other.
type Pair struct {
	job     func()
	posted  atomic.Uint64 // jobs posted
	claimed atomic.Uint64 // the last job whose second half was taken, by either side
	done    atomic.Uint64 // the last job the helper finished
	parked  atomic.Bool   // the helper waits on wake
	wake    chan struct{}
	stopped bool
}

// pairSpins is how often the helper checks for work before it parks,
// about a third of a millisecond, libgomp's default spin count
// (GOMP_SPINCOUNT): a helper still spinning takes the next job at once,
// where a parked one leaves it to the caller. At 30,000 the caller ran
// 304 of the 476 second halves of a bounded Leiden run on Debian's
// package graph itself, at 300,000 154 (cold-process medians of 10:
// Leiden on Debian 183 -> 176 ms, on Holme-Kim 20k 82 -> 78 ms).
const pairSpins = 300000

// NewPair starts a Pair's helper, or returns nil when the process may
// run one goroutine at a time (GOMAXPROCS 1), where a helper would only
// take turns with the caller.
func NewPair() *Pair {
	if runtime.GOMAXPROCS(0) < 2 {
		return nil
	}
	p := &Pair{wake: make(chan struct{}, 1)}
	go p.loop()
	return p
}

func (p *Pair) loop() {
	var seen uint64
	for {
		for spins := 0; p.posted.Load() == seen; spins++ {
			if spins < pairSpins {
				continue
			}
			p.parked.Store(true)
			// Work posted between the check and parking finds parked
			// true and sends a wake-up, unless this side takes parked
			// back first.
			if p.posted.Load() != seen && p.parked.CompareAndSwap(true, false) {
				break
			}
			<-p.wake
			spins = 0
		}
		seen = p.posted.Load()
		// The caller may have taken this job's half already (and posted
		// no other: it posts only after Both returns, which a job taken
		// here waits for).
		if !p.claimed.CompareAndSwap(seen-1, seen) {
			continue
		}
		if p.job == nil {
			return // Stop
		}
		p.job()
		p.done.Store(seen)
	}
}

// Both runs first on the caller and second on the helper, or on the
// caller after first if the helper has not taken it by then, and returns
// when both have returned. second must not call Both.
func (p *Pair) Both(first, second func()) {
	if p == nil || p.stopped {
		first()
		second()
		return
	}
	p.post(second)
	first()
	n := p.posted.Load()
	if p.claimed.CompareAndSwap(n-1, n) {
		second() // the helper has not started it
		return
	}
	// The helper is at work, so its half ends soon: check often and yield
	// the processor only now and then (a yield is a trip through the
	// scheduler, costlier than many checks).
	for spins := 0; p.done.Load() != n; spins++ {
		if spins&4095 == 4095 {
			runtime.Gosched()
		}
	}
}

// Each runs job(side, i) for every i in [0, n), on the caller (side 0)
// and the helper (side 1) at once, each side taking the next i not yet
// taken, so a side that falls behind (a late start, a cache the other
// side warmed) takes fewer: two fixed halves left the caller waiting up to
// 1.3 ms for the helper's half of a Leiden refinement. job must give the
// same result whichever side runs an i; side says whose scratch to use.
// Each returns when every i has run. A nil Pair runs them all on side 0.
func (p *Pair) Each(n int, job func(side, i int)) {
	var next atomic.Int64
	take := func(side int) func() {
		return func() {
			for i := next.Add(1) - 1; i < int64(n); i = next.Add(1) - 1 {
				job(side, int(i))
			}
		}
	}
	p.Both(take(0), take(1))
}

// post hands job to the helper; the previous job has finished.
func (p *Pair) post(job func()) {
	p.job = job
	p.posted.Add(1)
	if p.parked.CompareAndSwap(true, false) {
		p.wake <- struct{}{}
	}
}

// Stop ends the helper. A nil Pair's Stop does nothing; Both on a stopped
// Pair runs both halves on the caller.
func (p *Pair) Stop() {
	if p == nil || p.stopped {
		return
	}
	p.stopped = true
	p.post(nil)
}
