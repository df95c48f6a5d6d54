package graphmodel

import (
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Qualifier says how a reported number should be read. It travels with the
// number everywhere (CSV, workbook, Neo4j) because "up to 50" and "50" are
// different claims.
type Qualifier string

const (
	QualifierNone Qualifier = ""
	Exact         Qualifier = "exact"
	About         Qualifier = "about"
	AtLeast       Qualifier = "at_least"
	UpTo          Qualifier = "up_to"
)

// Qualifiers lists every qualifier.
var Qualifiers = []Qualifier{Exact, About, AtLeast, UpTo}

// Valid reports whether q is in the vocabulary (the empty qualifier is not).
func (q Qualifier) Valid() bool { return slices.Contains(Qualifiers, q) }

// Count is a number of people. The zero Count means the source gives none.
type Count struct {
	Value     int64
	Qualifier Qualifier
}

// IsZero reports whether no count is given.
func (c Count) IsZero() bool { return c == Count{} }

func (c Count) String() string {
	if c.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d", c.Qualifier, c.Value)
}

// Money is an amount in whole units of an ISO 4217 currency. The zero Money
// means the source gives none.
type Money struct {
	Amount    int64
	Currency  string
	Qualifier Qualifier
}

// IsZero reports whether no amount is given.
func (m Money) IsZero() bool { return m == Money{} }

func (m Money) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d %s", m.Qualifier, m.Amount, m.Currency)
}

// ParseCount reads a count from its two columns. Both empty is the zero Count;
// a value without a qualifier is exact.
func ParseCount(value, qualifier string) (Count, error) {
	if value == "" && qualifier == "" {
		return Count{}, nil
	}
	if value == "" {
		return Count{}, Because("qualifier_without_number", "qualifier %q given without a number", qualifier)
	}
	n, err := parseNonNegative(value)
	if err == nil {
		err = checkBound("count", n)
	}
	if err != nil {
		return Count{}, err
	}
	q, err := parseQualifier(qualifier)
	if err != nil {
		return Count{}, err
	}
	return Count{Value: n, Qualifier: q}, nil
}

// ParseMoney reads an amount from its three columns. All empty is the zero
// Money; an amount needs a three-letter upper-case currency.
func ParseMoney(amount, currency, qualifier string) (Money, error) {
	if amount == "" && currency == "" && qualifier == "" {
		return Money{}, nil
	}
	if amount == "" {
		return Money{}, Because("money_without_amount", "currency or qualifier given without an amount")
	}
	n, err := parseNonNegative(amount)
	if err == nil {
		err = checkBound("amount", n)
	}
	if err != nil {
		return Money{}, err
	}
	if len(currency) != 3 || !isUpper(currency[0]) || !isUpper(currency[1]) || !isUpper(currency[2]) {
		return Money{}, Because("bad_currency", "currency %q is not an ISO 4217 code such as USD", currency)
	}
	q, err := parseQualifier(qualifier)
	if err != nil {
		return Money{}, err
	}
	return Money{Amount: n, Currency: currency, Qualifier: q}, nil
}

func parseNonNegative(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, Because("not_whole_number", "%q is not a whole number", s)
	}
	if n < 0 {
		return 0, Because("negative", "%d is negative", n)
	}
	return n, nil
}

func parseQualifier(s string) (Qualifier, error) {
	if s == "" {
		return Exact, nil
	}
	q := Qualifier(s)
	if !q.Valid() {
		return "", Because("unknown_qualifier", "unknown qualifier %q (one of %v)", s, Qualifiers)
	}
	return q, nil
}

// Upper bounds on the numbers a claim may carry. No count of people moved
// comes near ten billion and no payment near a quadrillion units of any
// currency; a number past them is a typo or an attack, and bounding them
// keeps sums of millions of rows far inside int64.
const (
	MaxCount  int64 = 10_000_000_000
	MaxAmount int64 = 1_000_000_000_000_000
)

func checkBound(field string, n int64) error {
	limit := MaxCount
	if field == "amount" {
		limit = MaxAmount
	}
	switch {
	case n < 0:
		return Because("negative", "%d is negative", n)
	case n > limit:
		return Because("too_large", "%d is more than the largest %s accepted (%d)", n, field, limit)
	}
	return nil
}

// AddSaturating returns a+b for non-negative a and b, or math.MaxInt64
// where the sum would overflow: a total never wraps round to a negative
// number of people.
func AddSaturating(a, b int64) int64 {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}
