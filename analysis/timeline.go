package analysis

import (
	"fmt"
	"sort"

	"github.com/leverage-project/leverage/graphmodel"
)

// Month is one row of the monthly timeline.
type Month struct {
	Month      string `json:"month"` // YYYY-MM
	Approaches int    `json:"approaches"`
	Agreements int    `json:"agreements"` // approaches answered agreed or conditional
	Receptions int    `json:"receptions"` // received relationships (own citizens excluded)
	People     int64  `json:"people"`     // face-value people in those receptions
	Payments   int    `json:"payments"`
	Leverage   int    `json:"leverage"` // travel-ban and other leverage
	Blocks     int    `json:"court_blocks"`
	// Coarse counts the relationships above dated only to a quarter or
	// year, placed in the period's first month so totals stay whole.
	Coarse int `json:"coarse"`
}

// Timeline counts approaches, agreements, receptions, payments, leverage
// and court blocks per month, for every month from the first to the last
// dated relationship in w (months without events included, so a chart's
// axis is continuous).
func Timeline(d *graphmodel.Dataset, w Window) []Month {
	rows := map[string]*Month{}
	var first, last string
	rels := Select(d, w)
	counted := Counted(rels)
	for i, r := range rels {
		if r.Date.IsZero() {
			continue
		}
		if !timelineType(r) {
			continue
		}
		key := fmt.Sprintf("%04d-%02d", r.Date.Year, max(1, r.Date.Month))
		m := rows[key]
		if m == nil {
			m = &Month{Month: key}
			rows[key] = m
		}
		switch r.Type {
		case graphmodel.Approached:
			m.Approaches++
			if isAgreement(r) {
				m.Agreements++
			}
		case graphmodel.Received:
			m.Receptions++
			if counted[i] {
				m.People = graphmodel.AddSaturating(m.People, r.Count.Value)
			}
		case graphmodel.Paid:
			m.Payments++
		case graphmodel.TravelBanLeverage, graphmodel.OtherLeverage:
			m.Leverage++
		case graphmodel.RemovalBlocked:
			m.Blocks++
		}
		if r.Date.Precision < graphmodel.Month {
			m.Coarse++
		}
		if first == "" || key < first {
			first = key
		}
		if key > last {
			last = key
		}
	}
	if first == "" {
		return nil
	}
	var out []Month
	var y, mo int
	fmt.Sscanf(first, "%d-%d", &y, &mo)
	for {
		key := fmt.Sprintf("%04d-%02d", y, mo)
		if m := rows[key]; m != nil {
			out = append(out, *m)
		} else {
			out = append(out, Month{Month: key})
		}
		if key >= last {
			break
		}
		mo++
		if mo > 12 {
			y, mo = y+1, 1
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}

// timelineType reports whether r is one of the events the timeline counts.
func timelineType(r graphmodel.Relationship) bool {
	switch r.Type {
	case graphmodel.Approached, graphmodel.Paid, graphmodel.TravelBanLeverage, graphmodel.OtherLeverage, graphmodel.RemovalBlocked:
		return true
	case graphmodel.Received:
		return r.FromCountry != r.ToCountry
	}
	return false
}
