package graphmodel

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/leverage-project/leverage/internal/termsafe"
)

// FieldError locates one problem in input data. File and Line are set by
// readers of line-oriented files; Cell (e.g. "Relationships!F12") by
// spreadsheet readers; Record names the record when no position is known.
type FieldError struct {
	File   string
	Line   int
	Column int
	Cell   string
	Record string
	Field  string
	Err    error
}

func (e *FieldError) Error() string {
	var b strings.Builder
	switch {
	case e.Cell != "":
		b.WriteString(e.Cell)
	case e.File != "":
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
			if e.Column > 0 {
				fmt.Fprintf(&b, ":%d", e.Column)
			}
		}
	}
	if e.Record != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(printable(e.Record))
	}
	if e.Field != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(printable(e.Field))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *FieldError) Unwrap() error { return e.Err }

// ErrorList collects the problems found in one input, in input order. Readers
// keep going after the first problem so a user can fix a file in one pass,
// up to MaxErrors.
type ErrorList []error

// MaxErrors bounds how many problems one read reports.
const MaxErrors = 50

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(l))
	for _, e := range l {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find a FieldError inside the list.
func (l ErrorList) Unwrap() []error { return l }

// Err returns nil for an empty list and the list otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// ErrInvalid marks errors caused by the data rather than the machine; the
// CLI maps it to its own exit code.
var ErrInvalid = errors.New("invalid data")

// IsInvalid reports whether err is about the data (a FieldError or ErrorList).
func IsInvalid(err error) bool {
	var fe *FieldError
	var el ErrorList
	return errors.As(err, &fe) || errors.As(err, &el) || errors.Is(err, ErrInvalid)
}

// printable returns s, or s quoted when it holds characters a terminal
// would act on or hide (escape sequences, NUL, invalid UTF-8): an error
// message must show hostile input, never run it. Which characters those
// are is internal/termsafe's one decision.
func printable(s string) string {
	if termsafe.IsSafe(s) {
		return s
	}
	return strconv.Quote(s)
}
