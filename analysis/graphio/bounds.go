package graphio

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// errNotNumber marks a weight cell that is not a number at all (a header's
// "weight"), as opposed to a number no weight may be.
var errNotNumber = errors.New("not a number")

// parseWeight reads one edge weight: a finite, non-negative number. NaN and
// ±Inf would make modularity and strengths NaN or infinite, and nothing
// downstream can print or compare them.
func parseWeight(s string) (float64, error) {
	s = strings.TrimSpace(s)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%q is %w", s, errNotNumber)
	}
	switch {
	case math.IsNaN(x), math.IsInf(x, 0):
		return 0, fmt.Errorf("%q is not a finite number", s)
	case x < 0:
		return 0, fmt.Errorf("%q is negative; weights must be non-negative", s)
	}
	return x, nil
}

// bad is a reading error at name:line, exit 3 in the CLI.
func bad(name string, line int, field string, err error) error {
	return &graphmodel.FieldError{File: name, Line: line, Field: field, Err: err}
}

// maxGraphMLText bounds one text run of a GraphML file; a weight or label
// longer than a mebibyte is not a graph but an attempt on memory.
const maxGraphMLText = 1 << 20

// textLimiter fails once a text run between tags passes max bytes, before
// the XML decoder buffers it.
type textLimiter struct {
	r     io.Reader
	max   int
	run   int
	inTag bool
	err   error
}

func (l *textLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		switch c {
		case '<':
			l.inTag, l.run = true, 0
		case '>':
			l.inTag, l.run = false, 0
		default:
			if l.run++; l.run > l.max {
				l.err = fmt.Errorf("a text or tag of more than %d bytes: %w", l.max, graphmodel.ErrInvalid)
				return 0, l.err
			}
		}
	}
	return n, err
}
