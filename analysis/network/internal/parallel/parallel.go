// Package parallel splits index ranges across goroutines for the network
// kernels and their numerical helpers.
package parallel

import "sync"

// Range splits [0, n) into workers contiguous ranges and calls fn on each,
// in its own goroutine when there is more than one; it returns when all
// have returned. With workers ≤ 1 it calls fn(0, n) directly.
func Range(n, workers int, fn func(lo, hi int)) {
	if workers <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}
