package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/leverage-project/leverage/graphmodel"
)

// newProgress returns a bar on a terminal and a no-op otherwise, so logs and
// pipes never fill with carriage returns.
func newProgress(w *os.File) graphmodel.Progress {
	if !term.IsTerminal(int(w.Fd())) {
		return graphmodel.NopProgress{}
	}
	return newBar(w, 100*time.Millisecond)
}

// bar is a one-line progress bar, safe for concurrent use: Add only adds
// to an atomic counter (the load workers call it at once), and a single
// drawing goroutine, running from Start to Done, reads the counters and is
// the only writer while it runs. Done stops it before drawing the final
// line, so two draws never interleave.
type bar struct {
	w     io.Writer
	every time.Duration

	label atomic.Pointer[string]
	total atomic.Int64
	done  atomic.Int64
	start atomic.Int64 // unix nanoseconds

	mu      sync.Mutex // orders Start and Done; never held by Add
	stop    chan struct{}
	stopped chan struct{}
}

func newBar(w io.Writer, every time.Duration) *bar { return &bar{w: w, every: every} }

func (b *bar) Start(label string, total int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.halt()
	b.label.Store(&label)
	b.total.Store(total)
	b.done.Store(0)
	b.start.Store(time.Now().UnixNano())
	b.stop, b.stopped = make(chan struct{}), make(chan struct{})
	go b.drawLoop(b.stop, b.stopped)
}

func (b *bar) Add(n int64) { b.done.Add(n) }

func (b *bar) Done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stop == nil {
		return
	}
	b.halt()
	if t := b.total.Load(); t > 0 {
		b.done.Store(t)
	}
	b.draw()
	fmt.Fprintln(b.w)
}

// halt stops the drawing goroutine and waits for it; b.mu is held.
func (b *bar) halt() {
	if b.stop == nil {
		return
	}
	close(b.stop)
	<-b.stopped
	b.stop, b.stopped = nil, nil
}

func (b *bar) drawLoop(stop <-chan struct{}, stopped chan<- struct{}) {
	defer close(stopped)
	tick := time.NewTicker(b.every)
	defer tick.Stop()
	b.draw()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			b.draw()
		}
	}
}

func (b *bar) draw() {
	label := ""
	if p := b.label.Load(); p != nil {
		label = *p
	}
	done, total := b.done.Load(), b.total.Load()
	elapsed := time.Since(time.Unix(0, b.start.Load())).Round(time.Second)
	switch {
	case total <= 0 && done == 0:
		// A phase without units (a kernel running): the clock still moves.
		fmt.Fprintf(b.w, "\r%s (%s)", label, elapsed)
		return
	case total <= 0:
		fmt.Fprintf(b.w, "\r%s: %d (%s)", label, done, elapsed)
		return
	}
	const width = 30
	filled := min(max(int(float64(width)*float64(done)/float64(total)), 0), width)
	line := make([]byte, width)
	for i := range line {
		line[i] = ' '
		if i < filled {
			line[i] = '='
		}
	}
	fmt.Fprintf(b.w, "\r%s [%s] %3.0f%% %d/%d (%s)", label, line, 100*float64(done)/float64(total), done, total, elapsed)
}
