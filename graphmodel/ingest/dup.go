package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// Duplicate is an added claim whose content repeats another row's.
type Duplicate struct {
	New string // key of the added relationship
	Of  string // key of the row it repeats: an existing one, or an earlier added one
}

// Why says what the two rows share, for a report.
func (d Duplicate) Why() string {
	return fmt.Sprintf("same type, endpoints, period, count, amount, status, instrument and sources as %s; only the id differs", d.Of)
}

// Duplicates finds, for each relationship of d whose key is in added, a
// row with the same content: type, from, to, period (as written, with its
// precision), count, amount, status, who stated it, instrument, payment
// tie and the set of sources. Ids, events,
// confidence and notes are not compared: a copied row with a new id (and
// perhaps a reworded note) is the same claim, counted twice if it stays.
// Existing rows are preferred as the original; among added rows, the
// first in d's order. Unlike Link, a shared source does not exclude a
// row: a copy shares all of them. The result is in d's order.
func Duplicates(d *graphmodel.Dataset, added map[string]bool) []Duplicate {
	if len(added) == 0 {
		return nil
	}
	first := make(map[string]string, len(d.Relationships))
	for _, pass := range []bool{false, true} {
		for i := range d.Relationships {
			r := &d.Relationships[i]
			if added[r.Key] != pass {
				continue
			}
			k := contentKey(r)
			if _, ok := first[k]; !ok {
				first[k] = r.Key
			}
		}
	}
	var out []Duplicate
	for i := range d.Relationships {
		r := &d.Relationships[i]
		if !added[r.Key] {
			continue
		}
		if of := first[contentKey(r)]; of != r.Key {
			out = append(out, Duplicate{New: r.Key, Of: of})
		}
	}
	return out
}

func contentKey(r *graphmodel.Relationship) string {
	src := slices.Clone(r.Sources)
	slices.Sort(src)
	src = slices.Compact(src)
	return strings.Join([]string{string(r.Type), string(r.FromCountry), string(r.ToCountry), r.Date.String(),
		fmt.Sprint(r.Count.Value), string(r.Count.Qualifier),
		fmt.Sprint(r.Money.Amount), r.Money.Currency, string(r.Money.Qualifier),
		string(r.Status), string(r.StatedBy), string(r.Instrument), string(r.PaymentTie), r.PartOf, strings.Join(src, ";")}, "\x1f")
}
