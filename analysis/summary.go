package analysis

import (
	"sort"

	"github.com/leverage-project/leverage/graphmodel"
)

// Tally is a count under a key, the row of every frequency table.
type Tally struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// CountryTally counts the relationships touching one actor.
type CountryTally struct {
	Code   graphmodel.Code `json:"code"`
	Name   string          `json:"name"`
	Kind   string          `json:"kind"`
	Region string          `json:"region"`
	Out    int             `json:"out"`
	In     int             `json:"in"`
	Total  int             `json:"total"`
	// ByType counts relationships of each type touching the actor, in
	// either direction (a loop counts once).
	ByType map[graphmodel.RelType]int `json:"by_type"`
}

// Summary is a dataset at a glance: what the stats verb prints and the
// workbook's About sheet repeats.
type Summary struct {
	Relationships int            `json:"relationships"`
	Sources       int            `json:"sources"`
	Actors        int            `json:"actors"`
	Countries     int            `json:"countries"`
	ByType        []Tally        `json:"by_type"`
	ByStatus      []Tally        `json:"by_status"`
	ByConfidence  []Tally        `json:"by_confidence"`
	ByInstrument  []Tally        `json:"by_instrument"`
	ByActor       []CountryTally `json:"by_actor"`
	// PeopleByType sums counts of people per type, at face value of their
	// qualifiers ("about 300" adds 300), each event once (see Counted);
	// for received, only receptions (IsReception), as Totals.People.
	PeopleByType []Tally `json:"people_by_type"`
	// MoneyByCurrency sums paid amounts per currency, at face value, each
	// event once; planned payments are not paid (Totals.Paid).
	MoneyByCurrency []Tally `json:"money_by_currency"`
	// Totals are the headline figures under the one definition every
	// output uses (see Totals).
	Totals Totals `json:"totals"`
}

// Summarize counts d's relationships by type, status, confidence,
// instrument and actor. Tables are ordered by vocabulary order (types,
// statuses) or by count descending then key (actors), so output is stable.
func Summarize(d *graphmodel.Dataset) Summary {
	s := Summary{Relationships: len(d.Relationships), Sources: len(d.Sources)}
	types := map[string]int{}
	statuses := map[string]int{}
	conf := map[string]int{}
	instr := map[string]int{}
	people := map[string]int{}
	money := map[string]int{}
	actors := map[graphmodel.Code]*CountryTally{}
	actor := func(c graphmodel.Code) *CountryTally {
		a, ok := actors[c]
		if !ok {
			a = &CountryTally{Code: c, Name: string(c), ByType: map[graphmodel.RelType]int{}}
			if d.Registry != nil {
				if k, ok := d.Registry.Country(c); ok {
					a.Name, a.Kind, a.Region = k.Name, string(k.Kind), k.Region
				}
			}
			actors[c] = a
		}
		return a
	}
	counted := Counted(d.Relationships)
	within := WithinGroups(d.Relationships)
	campaign := Campaign(d)
	for i, r := range d.Relationships {
		types[string(r.Type)]++
		statuses[statusKey(r.Status)]++
		conf[string(r.Confidence)]++
		if r.Instrument != "" {
			instr[string(r.Instrument)]++
		}
		if !r.Count.IsZero() && counted[i] && !within[i] && (r.Type != graphmodel.Received || IsReception(&r)) {
			people[string(r.Type)] = int(graphmodel.AddSaturating(int64(people[string(r.Type)]), r.Count.Value))
		}
		if r.Type == graphmodel.Paid && r.Status != graphmodel.Planned && !r.Money.IsZero() && counted[i] && campaign(&r) {
			money[r.Money.Currency] = int(graphmodel.AddSaturating(int64(money[r.Money.Currency]), r.Money.Amount))
		}
		from, to := actor(r.FromCountry), actor(r.ToCountry)
		from.Out++
		to.In++
		from.ByType[r.Type]++
		if to != from {
			to.ByType[r.Type]++
		}
	}
	s.ByType = ordered(types, relTypeKeys())
	s.ByStatus = ordered(statuses, statusKeys())
	s.ByConfidence = ordered(conf, confidenceKeys())
	s.ByInstrument = ordered(instr, instrumentKeys())
	s.PeopleByType = ordered(people, relTypeKeys())
	s.MoneyByCurrency = byCountDesc(money)
	s.Totals = TotalsOf(d, Window{}).Certain
	for _, a := range actors {
		a.Total = a.Out + a.In
		if a.Kind == string(graphmodel.KindCountry) {
			s.Countries++
		}
		s.ByActor = append(s.ByActor, *a)
	}
	s.Actors = len(actors)
	sort.Slice(s.ByActor, func(i, j int) bool {
		a, b := s.ByActor[i], s.ByActor[j]
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.Code < b.Code
	})
	return s
}

func statusKey(s graphmodel.Status) string {
	if s == graphmodel.StatusNone {
		return "(none)"
	}
	return string(s)
}

func relTypeKeys() []string {
	var k []string
	for _, t := range graphmodel.RelTypes {
		k = append(k, string(t))
	}
	return k
}

func statusKeys() []string {
	var k []string
	for _, s := range graphmodel.Statuses {
		k = append(k, string(s))
	}
	return append(k, "(none)")
}

func confidenceKeys() []string {
	var k []string
	for _, c := range graphmodel.Confidences {
		k = append(k, string(c))
	}
	return k
}

func instrumentKeys() []string {
	var k []string
	for _, i := range graphmodel.Instruments {
		k = append(k, string(i))
	}
	return k
}

// ordered lists the non-zero counts in vocabulary order; keys outside the
// vocabulary (possible only in unvalidated data) follow, sorted.
func ordered(m map[string]int, vocab []string) []Tally {
	var out []Tally
	seen := map[string]bool{}
	for _, k := range vocab {
		seen[k] = true
		if m[k] > 0 {
			out = append(out, Tally{k, m[k]})
		}
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, Tally{k, m[k]})
	}
	return out
}

func byCountDesc(m map[string]int) []Tally {
	var out []Tally
	for k, v := range m {
		out = append(out, Tally{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
