package main

import (
	"fmt"
	"io"
	"os"
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
	return &bar{w: w}
}

// bar draws at most ten times a second.
type bar struct {
	w     io.Writer
	label string
	total int64
	done  int64
	start time.Time
	drawn time.Time
}

func (b *bar) Start(label string, total int64) {
	b.label, b.total, b.done, b.start = label, total, 0, time.Now()
	b.draw(true)
}

func (b *bar) Add(n int64) {
	b.done += n
	b.draw(false)
}

func (b *bar) Done() {
	if b.total > 0 {
		b.done = b.total
	}
	b.draw(true)
	fmt.Fprintln(b.w)
}

func (b *bar) draw(force bool) {
	now := time.Now()
	if !force && now.Sub(b.drawn) < 100*time.Millisecond {
		return
	}
	b.drawn = now
	elapsed := now.Sub(b.start).Round(time.Second)
	if b.total <= 0 {
		fmt.Fprintf(b.w, "\r%s: %d (%s)", b.label, b.done, elapsed)
		return
	}
	const width = 30
	filled := int(float64(width) * float64(b.done) / float64(b.total))
	filled = min(max(filled, 0), width)
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = ' '
		if i < filled {
			bar[i] = '='
		}
	}
	fmt.Fprintf(b.w, "\r%s [%s] %3.0f%% %d/%d (%s)", b.label, bar, 100*float64(b.done)/float64(b.total), b.done, b.total, elapsed)
}
