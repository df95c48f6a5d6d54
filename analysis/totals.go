package analysis

import (
	"slices"

	"github.com/leverage-project/leverage/graphmodel"
)

// Totals are the headline figures of a set of claims, under the one
// definition every verb and output uses (timeline, stats, profile,
// patterns, analyze, the workbook and the briefing):
//
//   - Everything counts events, not claims: claims sharing an Event (with
//     type and endpoints) are alternative accounts of one event and count
//     once (see Counted). A status that undoes another (block_lifted,
//     withdrawn) is an event of its own kind, never one of the kind it
//     undoes.
//   - People received are the counts of reception events (IsReception:
//     received, not planned, not a return of the receiver's own citizens;
//     onward returns, transits and migration context are not receptions),
//     at face value of their qualifiers. A reception no source gives a
//     number for is neither 1 nor 0: People is "at least", and
//     UnknownSize says how many receptions add an unknown number to it. A
//     claim that is part of a counted group in the window (PartOf, see
//     WithinGroups: Afghans among Panama's about 300) is inside that
//     group's reception, not one of its own: it adds no reception, no
//     people and no unknown size.
//   - Approaches, agreements, payments, leverage and court blocks are the
//     campaign's (see InCampaign). An agreement is an approach the pressed
//     country answered agreed or conditional in its own account
//     (stated_by pressed); a presser's account is not the country's answer.
//   - A payment is a paid event that happened (a planned one is not);
//     Paid sums their amounts per currency, at face value.
type Totals struct {
	Approaches  int     `json:"approaches"`
	Agreements  int     `json:"agreements"`
	Withdrawals int     `json:"withdrawals"`
	Receptions  int     `json:"receptions"`
	People      int64   `json:"people_at_least"`
	UnknownSize int     `json:"receptions_of_unknown_size"`
	Payments    int     `json:"payments"`
	Paid        []Tally `json:"paid_by_currency"`
	Leverage    int     `json:"leverage"`
	Blocks      int     `json:"court_blocks"`
	Lifts       int     `json:"blocks_lifted"`
}

// WindowTotals are a window's totals with the claims certainly in it apart
// from those only possibly in it (their period overlaps the window's
// edge). Certain+Possible is what an overlapping window counts.
type WindowTotals struct {
	Certain  Totals `json:"certain"`
	Possible Totals `json:"possible"`
}

// TotalsOf counts the events of d in w.
func TotalsOf(d *graphmodel.Dataset, w Window) WindowTotals {
	rels, in, counted := SelectEvents(d, w)
	within := WithinGroups(rels)
	campaign := Campaign(d)
	var c, p tally
	for i := range rels {
		if !counted[i] || within[i] {
			continue
		}
		t := &c
		if in[i] == Possibly {
			t = &p
		}
		t.add(&rels[i], campaign)
	}
	return WindowTotals{Certain: c.totals(), Possible: p.totals()}
}

// tally accumulates Totals; money is a map until the end.
type tally struct {
	Totals
	money map[string]int64
}

// add counts one claim that stands for its event (Counted).
func (t *tally) add(r *graphmodel.Relationship, campaign func(*graphmodel.Relationship) bool) {
	if IsReception(r) {
		t.Receptions++
		if r.Count.IsZero() {
			t.UnknownSize++
		} else {
			t.People = graphmodel.AddSaturating(t.People, r.Count.Value)
		}
		return
	}
	if !campaign(r) {
		return
	}
	switch r.Type {
	case graphmodel.Approached:
		switch {
		case r.Status == graphmodel.Withdrawn:
			t.Withdrawals++
		default:
			t.Approaches++
			if IsAgreement(r) {
				t.Agreements++
			}
		}
	case graphmodel.Paid:
		if r.Status != graphmodel.Planned {
			t.Payments++
			if !r.Money.IsZero() {
				if t.money == nil {
					t.money = map[string]int64{}
				}
				t.money[r.Money.Currency] = graphmodel.AddSaturating(t.money[r.Money.Currency], r.Money.Amount)
			}
		}
	case graphmodel.TravelBanLeverage, graphmodel.OtherLeverage:
		t.Leverage++
	case graphmodel.RemovalBlocked:
		if r.Status == graphmodel.BlockLifted {
			t.Lifts++
		} else {
			t.Blocks++
		}
	}
}

func (t *tally) totals() Totals {
	out := t.Totals
	for k, v := range t.money {
		out.Paid = append(out.Paid, Tally{Key: k, Count: int(v)})
	}
	slices.SortFunc(out.Paid, func(a, b Tally) int {
		if a.Key < b.Key {
			return -1
		}
		if a.Key > b.Key {
			return 1
		}
		return 0
	})
	return out
}

// Plus is the sum of two totals: what an overlapping window counts.
func (a Totals) Plus(b Totals) Totals {
	var t tally
	t.Totals = Totals{Approaches: a.Approaches + b.Approaches, Agreements: a.Agreements + b.Agreements,
		Withdrawals: a.Withdrawals + b.Withdrawals, Receptions: a.Receptions + b.Receptions,
		People: graphmodel.AddSaturating(a.People, b.People), UnknownSize: a.UnknownSize + b.UnknownSize,
		Payments: a.Payments + b.Payments, Leverage: a.Leverage + b.Leverage, Blocks: a.Blocks + b.Blocks, Lifts: a.Lifts + b.Lifts}
	for _, p := range append(slices.Clone(a.Paid), b.Paid...) {
		if t.money == nil {
			t.money = map[string]int64{}
		}
		t.money[p.Key] += int64(p.Count)
	}
	return t.totals()
}

// All is Certain plus Possible.
func (w WindowTotals) All() Totals { return w.Certain.Plus(w.Possible) }

// IsAgreement reports whether r is an agreement: an approach the pressed
// country answered agreed or conditional in its own account.
func IsAgreement(r *graphmodel.Relationship) bool {
	return r.Type == graphmodel.Approached && (r.Status == graphmodel.Agreed || r.Status == graphmodel.Conditional) &&
		r.StatedBy.Effective() == graphmodel.ByPressed
}

// Campaign returns whether a claim is the campaign's: when d's meta names
// campaign actors, a claim whose pressing side (the from of approached,
// leverage, payments and court blocks; the to of a concession sought) is
// one of them; other pressing states' claims (the UK's deal with Rwanda in
// the seed) are not. Claims with no pressing side (receptions, onward
// returns, transits, context) and every claim of a dataset that names no
// campaign are the campaign's.
func Campaign(d *graphmodel.Dataset) func(*graphmodel.Relationship) bool { return d.Campaign() }

// InCampaign is Campaign(d)(r), for one claim.
func InCampaign(d *graphmodel.Dataset, r *graphmodel.Relationship) bool { return Campaign(d)(r) }
