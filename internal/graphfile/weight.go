// Package graphfile holds what the readers of plain graph files (the CSV
// edge list, GraphML) share: how a weight is read and how a reading error
// names its position.
package graphfile

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/termsafe"
)

// ErrNotNumber marks a weight cell that is not a number at all (a header's
// "weight"), as opposed to a number no weight may be.
var ErrNotNumber = errors.New("not a number")

// ParseWeight reads one edge weight: a finite, non-negative number. NaN and
// ±Inf would make modularity and strengths NaN or infinite, and nothing
// downstream can print or compare them.
//
// A weight above MaxWeight is refused too (see there).
func ParseWeight(s string) (float64, error) {
	s = strings.TrimSpace(s)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%s is %w", termsafe.Excerpt(s), ErrNotNumber)
	}
	switch {
	case math.IsNaN(x), math.IsInf(x, 0):
		return 0, fmt.Errorf("%s is not a finite number", termsafe.Excerpt(s))
	case x < 0:
		return 0, fmt.Errorf("%s is negative; weights must be non-negative", termsafe.Excerpt(s))
	case x > MaxWeight:
		return 0, fmt.Errorf("%s is more than %g, the largest weight the analysis computes with", termsafe.Excerpt(s), MaxWeight)
	}
	return x, nil
}

// MaxWeight bounds one weight and the sum of a graph file's weights. The
// kernels square the total weight (modularity's expected term divides by
// (2m)²; strengths and PageRank's sums add weights up): with every sum at
// most 10^150 the squares stay below 10^301, inside float64's 1.8·10^308,
// where two parallel edges of 10^308 made +Inf and "modularity -Inf".
const MaxWeight = 1e150

// Sum adds a file's weights, refusing the one that takes the total past
// MaxWeight.
type Sum struct{ total float64 }

// Add adds x, or says why the total may not grow by it.
func (s *Sum) Add(x float64) error {
	if s.total+x > MaxWeight {
		return fmt.Errorf("this weight takes the file's total weight past %g, more than the analysis can compute with without overflow", MaxWeight)
	}
	s.total += x
	return nil
}

// Bad is a reading error at name:line in field (empty: the whole row),
// exit 3 in the CLI.
func Bad(name string, line int, field string, err error) error {
	return &graphmodel.FieldError{File: name, Line: line, Field: field, Err: err}
}
