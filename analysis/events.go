package analysis

import "github.com/leverage-project/leverage/graphmodel"

var confidenceRank = map[graphmodel.Confidence]int{graphmodel.Confirmed: 3, graphmodel.Reported: 2, graphmodel.Claimed: 1}

// Counted reports, for each relationship, whether it stands for its event
// in counts and sums (its count, amount and weight enter them). A claim
// without an Event always does. Claims sharing an Event, type and
// endpoints are alternative accounts of one event, so
// exactly one of them counts: the most confident, then the one with the
// larger number, then the first in dataset order. Adding "about $5 million"
// to "up to $15 million" would invent $20 million.
func Counted(rels []graphmodel.Relationship) []bool {
	out := make([]bool, len(rels))
	// undo keeps a status that undoes another (a block lifted) apart from
	// the event it undoes, even under one Event id.
	type key struct {
		event    string
		typ      graphmodel.RelType
		from, to graphmodel.Code
		undo     graphmodel.Status
	}
	best := map[key]int{}
	for i := range rels {
		r := &rels[i]
		if r.Event == "" {
			out[i] = true
			continue
		}
		k := key{r.Event, r.Type, r.FromCountry, r.ToCountry, r.Status.Undoes()}
		j, ok := best[k]
		if !ok || better(r, &rels[j]) {
			best[k] = i
		}
	}
	for _, i := range best {
		out[i] = true
	}
	return out
}

func better(a, b *graphmodel.Relationship) bool {
	if ca, cb := confidenceRank[a.Confidence], confidenceRank[b.Confidence]; ca != cb {
		return ca > cb
	}
	return magnitude(a) > magnitude(b)
}

func magnitude(r *graphmodel.Relationship) int64 {
	return max(r.Count.Value, r.Money.Amount)
}

// SelectEvents is SelectSplit with Counted beside it, chosen over the whole
// dataset before the window cuts: an event's alternative accounts may be
// dated apart (a payment one report dates by May, another by June), and
// which account stands for the event must not change with the window, or
// a window would count the less confident figure. An event is in a window
// when the claim that stands for it is. A known-by window is the
// exception: it shows what the reports of the time said, so the event
// stands on the best account reported by then.
func SelectEvents(d *graphmodel.Dataset, w Window) ([]graphmodel.Relationship, []Membership, []bool) {
	all := Counted(d.Relationships)
	if w.IsOpen() {
		rels, in := SelectSplit(d, w)
		return rels, in, all
	}
	idx, in := selectIndices(d, w)
	if len(idx) == 0 {
		return nil, nil, nil
	}
	rels := make([]graphmodel.Relationship, len(idx))
	counted := make([]bool, len(idx))
	for k, i := range idx {
		rels[k], counted[k] = d.Relationships[i], all[i]
	}
	if w.Known {
		// What was known then is the accounts reported by then: the
		// event stands on the best of those, not on a later report.
		counted = Counted(rels)
	}
	return rels, in, counted
}

// WithinGroups reports, for each of rels, whether it is part of a counted
// claim (PartOf) that is among rels too: its people are in that claim's
// number, so sums add neither its count nor an unknown size for it, and
// it is no reception of its own (Costa Rica's Nepalis are among its 200).
// A part whose group is not among rels (a window that cuts the group
// away) counts as a claim of its own again, its size unknown unless it
// gives one.
func WithinGroups(rels []graphmodel.Relationship) []bool {
	out := make([]bool, len(rels))
	var keys map[string]bool
	for i := range rels {
		if rels[i].PartOf == "" {
			continue
		}
		if keys == nil {
			keys = make(map[string]bool, len(rels))
			for j := range rels {
				keys[rels[j].Key] = true
			}
		}
		out[i] = keys[rels[i].PartOf]
	}
	return out
}
