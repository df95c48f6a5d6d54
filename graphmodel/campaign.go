package graphmodel

// Campaign reports whether a claim belongs to the campaign d's meta names:
// with campaign actors, a claim whose pressing side (the from of
// approached, leverage, payments and court blocks; the to of a concession
// sought) is one of them; other pressing states' claims are not. Claims
// with no pressing side (receptions, onward returns, transits, context)
// and every claim of a dataset that names no campaign are the campaign's.
// It is a rule of the domain, so a store can apply it without the
// analysis (analysis.Campaign is this).
func (d *Dataset) Campaign() func(*Relationship) bool {
	if len(d.Meta.Campaign) == 0 {
		return func(*Relationship) bool { return true }
	}
	set := map[Code]bool{}
	for _, c := range d.Meta.Campaign {
		set[c] = true
	}
	return func(r *Relationship) bool {
		switch r.Type {
		case Approached, TravelBanLeverage, OtherLeverage, Paid, RemovalBlocked:
			return set[r.FromCountry]
		case ConcessionSought:
			return set[r.ToCountry]
		}
		return true
	}
}
