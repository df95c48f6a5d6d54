package graphmodel

import "fmt"

// Reason is a problem or finding a volunteer reads, kept as a kind and
// its parameters beside its English wording, so a reader in another
// language can say it in theirs (the answered-back workbook does, from
// catalogs keyed by Kind) without taking the English apart. Kinds are
// short stable names ("not_number"); Format is the English, a fmt format
// of Args; a translation takes the same Args, in any order (%[2]s).
type Reason struct {
	Kind   string
	Format string
	Args   []any
}

func (r *Reason) Error() string { return fmt.Sprintf(r.Format, r.Args...) }

// Because is the Reason of kind with its English format and parameters.
func Because(kind, format string, args ...any) *Reason {
	return &Reason{Kind: kind, Format: format, Args: args}
}
