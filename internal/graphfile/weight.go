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
)

// ErrNotNumber marks a weight cell that is not a number at all (a header's
// "weight"), as opposed to a number no weight may be.
var ErrNotNumber = errors.New("not a number")

// ParseWeight reads one edge weight: a finite, non-negative number. NaN and
// ±Inf would make modularity and strengths NaN or infinite, and nothing
// downstream can print or compare them.
func ParseWeight(s string) (float64, error) {
	s = strings.TrimSpace(s)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%q is %w", s, ErrNotNumber)
	}
	switch {
	case math.IsNaN(x), math.IsInf(x, 0):
		return 0, fmt.Errorf("%q is not a finite number", s)
	case x < 0:
		return 0, fmt.Errorf("%q is negative; weights must be non-negative", s)
	}
	return x, nil
}

// Bad is a reading error at name:line in field (empty: the whole row),
// exit 3 in the CLI.
func Bad(name string, line int, field string, err error) error {
	return &graphmodel.FieldError{File: name, Line: line, Field: field, Err: err}
}
