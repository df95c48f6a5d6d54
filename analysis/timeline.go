package analysis

import (
	"fmt"
	"sort"

	"github.com/leverage-project/leverage/graphmodel"
)

// Month is one row of the timeline: a calendar month, or the claims dated
// only to a quarter or a year, which never land in a month.
type Month struct {
	// Month is the row's period: YYYY-MM for a month, YYYY-Qn or YYYY for
	// the claims dated only that coarsely.
	Month string `json:"month"`
	// Precision is "month", "quarter" or "year".
	Precision string `json:"precision"`
	// Label is Month for a month row, "2025, month unknown" or
	// "2025-Q2, month unknown" for a coarse row.
	Label string `json:"label"`
	// The counts are events, under Totals' definitions: the campaign's
	// approaches, agreements (the pressed country's own account), payments
	// made, leverage and court blocks (lifts apart); receptions and the
	// people in them, at least, beside the receptions of unknown size.
	Approaches  int   `json:"approaches"`
	Agreements  int   `json:"agreements"`
	Receptions  int   `json:"receptions"`
	People      int64 `json:"people"`
	UnknownSize int   `json:"receptions_of_unknown_size"`
	Payments    int   `json:"payments"`
	Leverage    int   `json:"leverage"`
	Blocks      int   `json:"court_blocks"`
	Lifts       int   `json:"blocks_lifted"`
}

// Timeline counts approaches, agreements, receptions, payments, leverage
// and court blocks per month, for every month from the first to the last
// month- or day-dated relationship in w (months without events included,
// so a chart's axis is continuous). A relationship dated only to a quarter
// or a year is counted in its own row, "2025, month unknown", placed after
// the last month of its period: putting it in the period's first month
// would report, say, a mid-2025 payment as a January one.
func Timeline(d *graphmodel.Dataset, w Window) []Month {
	type rowKey struct {
		year, pos int    // pos: month*10, quarter 3q*10+5, year 125, a wider period its last month*10+6 (126 when open)
		period    string // a wider period's EDTF, one row each
	}
	rows := map[rowKey]*Month{}
	tallies := map[rowKey]*tally{}
	campaign := Campaign(d)
	first, last := rowKey{}, rowKey{}
	dated := false
	rels, _, counted := SelectEvents(d, w)
	within := WithinGroups(rels)
	for i := range rels {
		r := &rels[i]
		if r.Date.IsZero() || !timelineType(r) || !campaign(r) || within[i] {
			// Another state's claims make no row of the campaign's
			// timeline; a part of a counted group is in its group's row.
			continue
		}
		var k rowKey
		var m Month
		d, single := r.Date.Single()
		switch {
		case !single:
			// A period wider than one date has a row of its own, right
			// after the month its last bound falls in ("../2025-05" after
			// May 2025); one open at the end after its first year.
			k = rowKey{r.Date.From.Year, 126, r.Date.String()}
			if !r.Date.OpenEnd() {
				last := r.Date.End().AddDate(0, 0, -1)
				k = rowKey{last.Year(), int(last.Month())*10 + 6, r.Date.String()}
			}
			m.Month = r.Date.String()
			m.Precision, m.Label = r.Date.Kind(), m.Month+", month unknown"
		case d.Precision >= graphmodel.Month:
			k = rowKey{year: d.Year, pos: d.Month * 10}
			m.Month = fmt.Sprintf("%04d-%02d", d.Year, d.Month)
			m.Precision, m.Label = "month", m.Month
			if !dated || k.pos+k.year*1000 < first.pos+first.year*1000 {
				first = k
			}
			if !dated || k.pos+k.year*1000 > last.pos+last.year*1000 {
				last = k
			}
			dated = true
		case d.Precision == graphmodel.Quarter:
			q := (d.Month-1)/3 + 1
			k = rowKey{year: d.Year, pos: 3*q*10 + 5}
			m.Month = fmt.Sprintf("%04d-Q%d", d.Year, q)
			m.Precision, m.Label = "quarter", m.Month+", month unknown"
		default:
			k = rowKey{year: d.Year, pos: 125}
			m.Month = fmt.Sprintf("%04d", d.Year)
			m.Precision, m.Label = "year", m.Month+", month unknown"
		}
		row := rows[k]
		if row == nil {
			row = &m
			rows[k] = row
			tallies[k] = &tally{}
		}
		// Each event once, in the row of the claim that stands for it.
		if counted[i] {
			tallies[k].add(r, campaign)
		}
	}
	for k, row := range rows {
		t := tallies[k].totals()
		row.Approaches, row.Agreements, row.Receptions, row.People, row.UnknownSize = t.Approaches, t.Agreements, t.Receptions, t.People, t.UnknownSize
		row.Payments, row.Leverage, row.Blocks, row.Lifts = t.Payments, t.Leverage, t.Blocks, t.Lifts
	}
	if dated {
		for y, mo := first.year, first.pos/10; y*1000+mo*10 <= last.year*1000+last.pos; {
			k := rowKey{year: y, pos: mo * 10}
			if rows[k] == nil {
				key := fmt.Sprintf("%04d-%02d", y, mo)
				rows[k] = &Month{Month: key, Precision: "month", Label: key}
			}
			if mo++; mo > 12 {
				y, mo = y+1, 1
			}
		}
	}
	keys := make([]rowKey, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].year != keys[j].year {
			return keys[i].year < keys[j].year
		}
		if keys[i].pos != keys[j].pos {
			return keys[i].pos < keys[j].pos
		}
		return keys[i].period < keys[j].period
	})
	out := make([]Month, 0, len(keys))
	for _, k := range keys {
		out = append(out, *rows[k])
	}
	return out
}

// timelineType reports whether r is one of the events the timeline counts.
func timelineType(r *graphmodel.Relationship) bool {
	switch r.Type {
	case graphmodel.Approached, graphmodel.Paid, graphmodel.TravelBanLeverage, graphmodel.OtherLeverage, graphmodel.RemovalBlocked:
		return true
	case graphmodel.Received:
		return IsReception(r)
	}
	return false
}
