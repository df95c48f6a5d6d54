package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer fails the test if two writes ever overlap: the bar promises
// a single writer.
type syncBuffer struct {
	t       *testing.T
	mu      sync.Mutex
	writing bool
	buf     bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	if s.writing {
		s.t.Error("two writers at once")
	}
	s.writing = true
	s.mu.Unlock()
	time.Sleep(50 * time.Microsecond) // widen the window an overlap would need
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writing = false
	return s.buf.Write(p)
}

// Issue 12: the bar was written from every load worker without a lock.
// Run under -race (as .ci/run does): many goroutines Add while phases
// start and end, the real bar draws, and the final line has every unit.
func TestBarIsSafeForConcurrentUse(t *testing.T) {
	out := &syncBuffer{t: t}
	b := newBar(out, time.Millisecond)
	for phase := range 3 {
		b.Start("loading relationships", 8*5000)
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 5000 {
					b.Add(1)
				}
			}()
		}
		wg.Wait()
		if got := b.done.Load(); got != 8*5000 {
			t.Errorf("phase %d: %d units counted, want %d", phase, got, 8*5000)
		}
		b.Done()
	}
	b.Done() // a second Done is harmless
	text := out.buf.String()
	if strings.Count(text, "\n") != 3 || !strings.Contains(text, "100% 40000/40000") {
		t.Errorf("bar output:\n%q", text)
	}
}
