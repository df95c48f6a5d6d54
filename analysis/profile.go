package analysis

import (
	"slices"
	"sort"
	"time"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// Profile is one country's leverage profile: what was applied to it, what
// it answered, what it asked, what moved through it, and the patterns it
// appears in.
type Profile struct {
	Country     graphmodel.Code `json:"country"`
	Name        string          `json:"name"`
	Region      string          `json:"region"`
	Instruments []string        `json:"instruments"` // applied to it or asked by it, vocabulary order
	// Outcome is its answer in force (see Answers) when one stands;
	// Answer says whether one does, or the answer is disputed, or none of
	// its own is reported.
	Outcome     graphmodel.Status `json:"outcome"`
	Answer      AnswerState       `json:"answer,omitempty"`
	Approaches  []Evidence        `json:"approaches"`  // in date order
	Leverage    []Evidence        `json:"leverage"`    // payments, travel-ban and other leverage it received
	Concessions []Evidence        `json:"concessions"` // what it asked for
	Received    []Evidence        `json:"received"`    // people it took in (planned receptions are under Other)
	Sent        []Evidence        `json:"sent"`        // its nationals received elsewhere, onward returns from it
	Other       []Evidence        `json:"other"`       // anything else touching it
	// First and Last bound the dates of its claims: the earliest first
	// bound and the latest last bound, at their precisions (".." open).
	First    string `json:"first"`
	Last     string `json:"last"`
	firstAt  time.Time
	lastAt   time.Time
	Patterns []Match `json:"patterns"`
	PeopleIn int64   `json:"people_in"` // at least: received counts, face value, each event once
	// UnknownIn counts its receptions no source gives a number for: they
	// add an unknown number to PeopleIn, neither 1 nor 0.
	UnknownIn int                        `json:"receptions_of_unknown_size_in"`
	MoneyIn   map[string]int64           `json:"money_in"` // paid to it, by currency
	ByType    map[graphmodel.RelType]int `json:"by_type"`
}

// ProfileOf builds code's profile from d's relationships in w.
func ProfileOf(d *graphmodel.Dataset, code graphmodel.Code, w Window) Profile {
	for _, p := range profiles(d, w, map[graphmodel.Code]bool{code: true}) {
		return p
	}
	return newProfile(d, code)
}

// Profiles builds the profile of every actor in d's relationships in w, in
// one pass over them, sorted by code.
func Profiles(d *graphmodel.Dataset, w Window) []Profile {
	return profiles(d, w, nil)
}

func newProfile(d *graphmodel.Dataset, code graphmodel.Code) Profile {
	p := Profile{Country: code, Name: string(code), MoneyIn: map[string]int64{}, ByType: map[graphmodel.RelType]int{}}
	if d.Registry != nil {
		if c, ok := d.Registry.Country(code); ok {
			p.Name, p.Region = c.Name, c.Region
		}
	}
	return p
}

// profiles builds profiles for the codes in only (all if nil).
func profiles(d *graphmodel.Dataset, w Window, only map[graphmodel.Code]bool) []Profile {
	sel, _, stands := SelectEvents(d, w)
	order := make([]int, len(sel))
	for i := range order {
		order[i] = i
	}
	// Claims in event order (EventBefore), so each list ends with what
	// happened last.
	sort.SliceStable(order, func(i, j int) bool { return EventBefore(sel[order[i]].Date, sel[order[j]].Date) })
	rels := make([]graphmodel.Relationship, len(sel))
	counted := make([]bool, len(sel))
	for i, j := range order {
		rels[i], counted[i] = sel[j], stands[j]
	}
	within := WithinGroups(rels)
	byCode := map[graphmodel.Code]*Profile{}
	instruments := map[graphmodel.Code]map[graphmodel.Instrument]bool{}
	answers := map[graphmodel.Code]Answer{}
	for _, a := range Answers(d, w) {
		answers[a.Country] = a
	}
	get := func(c graphmodel.Code) *Profile {
		p, ok := byCode[c]
		if !ok {
			np := newProfile(d, c)
			p = &np
			byCode[c] = p
			instruments[c] = map[graphmodel.Instrument]bool{}
		}
		return p
	}
	for i := range rels {
		r := rels[i]
		ends := []graphmodel.Code{r.FromCountry}
		if r.ToCountry != r.FromCountry {
			ends = append(ends, r.ToCountry)
		}
		for _, code := range ends {
			if only != nil && !only[code] {
				continue
			}
			p := get(code)
			p.ByType[r.Type]++
			e := evidenceOf(r)
			widen(p, r.Date)
			into := r.ToCountry == code
			switch {
			case r.Type == graphmodel.Approached && into:
				p.Approaches = append(p.Approaches, e)
			case (r.Type == graphmodel.Paid || r.Type == graphmodel.TravelBanLeverage || r.Type == graphmodel.OtherLeverage) && into:
				p.Leverage = append(p.Leverage, e)
				if r.Type == graphmodel.Paid && counted[i] {
					p.MoneyIn[r.Money.Currency] += r.Money.Amount
				}
			case r.Type == graphmodel.ConcessionSought && !into:
				p.Concessions = append(p.Concessions, e)
			case into && IsReception(&r):
				p.Received = append(p.Received, e)
				switch {
				case !counted[i] || within[i]: // an alternative account, or inside a counted group
				case r.Count.IsZero():
					p.UnknownIn++
				default:
					p.PeopleIn = graphmodel.AddSaturating(p.PeopleIn, r.Count.Value)
				}
			case !into && (IsReception(&r) || r.Type == graphmodel.OnwardReturn):
				p.Sent = append(p.Sent, e)
			default:
				p.Other = append(p.Other, e)
			}
			if r.Instrument != "" && (into || r.Type == graphmodel.ConcessionSought) {
				instruments[code][r.Instrument] = true
			}
		}
	}
	matches := FindAll(d, w)
	for _, m := range matches {
		for _, c := range []graphmodel.Code{m.Country, m.Other} {
			if p, ok := byCode[c]; ok && (c == m.Country || m.Other != m.Country) {
				p.Patterns = append(p.Patterns, m)
			}
		}
	}
	out := make([]Profile, 0, len(byCode))
	for code, p := range byCode {
		for _, in := range graphmodel.Instruments {
			if instruments[code][in] {
				p.Instruments = append(p.Instruments, string(in))
			}
		}
		if a, ok := answers[code]; ok {
			p.Answer = a.State
			p.Outcome = a.Status
		}
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Country < out[j].Country })
	return out
}

// Dependency is a nationality whose third-country receptions all went to
// one receiving country.
type Dependency struct {
	Nationality graphmodel.Code `json:"nationality"`
	Receiver    graphmodel.Code `json:"receiver"`
	People      int64           `json:"people"` // at least: face-value sum of counts, each event once
	// UnknownSize counts the receptions no source gives a number for.
	UnknownSize int        `json:"receptions_of_unknown_size"`
	Evidence    []Evidence `json:"evidence"`
}

// SingleReceiverDependenciesWith lists nationalities (named countries
// only) received by exactly one third country in w: if that country stops
// accepting, they have nowhere recorded to go. Only receptions that
// happened count (see IsReception). A placeholder receiver counts as a
// receiver, since it may stand for several countries, but a dependency on
// one is not listed; with opt.IncludePlaceholders, placeholder
// nationalities and receivers are listed like countries.
func SingleReceiverDependenciesWith(d *graphmodel.Dataset, w Window, opt Options) []Dependency {
	by := map[graphmodel.Code]map[graphmodel.Code][]graphmodel.Relationship{}
	rels, _, counted := SelectEvents(d, w)
	weight := map[string]bool{}
	for i := range rels {
		r := &rels[i]
		weight[r.Key] = counted[i]
		if !IsReception(r) || !(isNamedCountry(d, r.FromCountry) || opt.IncludePlaceholders && IsPlaceholder(d.Registry, r.FromCountry)) {
			continue
		}
		if by[r.FromCountry] == nil {
			by[r.FromCountry] = map[graphmodel.Code][]graphmodel.Relationship{}
		}
		by[r.FromCountry][r.ToCountry] = append(by[r.FromCountry][r.ToCountry], *r)
	}
	var out []Dependency
	for nat, recv := range by {
		if len(recv) != 1 {
			continue
		}
		for to, rs := range recv {
			if !opt.IncludePlaceholders && IsPlaceholder(d.Registry, to) {
				continue
			}
			dep := Dependency{Nationality: nat, Receiver: to}
			for _, r := range rs {
				if weight[r.Key] && r.Count.IsZero() {
					dep.UnknownSize++
				} else if weight[r.Key] {
					dep.People = graphmodel.AddSaturating(dep.People, r.Count.Value)
				}
				dep.Evidence = append(dep.Evidence, evidenceOf(r))
			}
			out = append(out, dep)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Receiver != out[j].Receiver {
			return out[i].Receiver < out[j].Receiver
		}
		return out[i].Nationality < out[j].Nationality
	})
	return out
}

func isNamedCountry(d *graphmodel.Dataset, c graphmodel.Code) bool {
	if d.Registry == nil {
		return true
	}
	k, ok := d.Registry.Country(c)
	return ok && k.Kind == graphmodel.KindCountry
}

// HubRemoval says what changes in a layer if one hub stops accepting: its
// incoming edges are removed and the metrics recomputed.
type HubRemoval struct {
	Hub    graphmodel.Code `json:"hub"`
	Layer  Layer           `json:"layer"`
	Metric network.Metric  `json:"metric"`
	// Stranded are nationalities whose only receiver was the hub.
	Stranded []graphmodel.Code `json:"stranded"`
	// ReachBefore and ReachAfter count nodes with at least one incoming
	// edge (places people or pressure can go) before and after.
	ReachBefore int `json:"reach_before"`
	ReachAfter  int `json:"reach_after"`
	// RankChanges lists nodes whose rank by Metric moved, before → after.
	RankChanges []RankChange `json:"rank_changes"`
}

// RankChange is one node's move in a ranking.
type RankChange struct {
	Node   string  `json:"node"`
	Before int     `json:"before"`
	After  int     `json:"after"`
	Value  float64 `json:"value_after"`
}

// RemoveHub recomputes the layer without the hub's incoming relationships
// in the Results' window, with its options and settings.
func (r *Results) RemoveHub(hub graphmodel.Code, layer Layer, metric network.Metric) (HubRemoval, error) {
	out := HubRemoval{Hub: hub, Layer: layer, Metric: metric}
	d, w, opt := r.Dataset, r.Window, r.Options
	before := r.Layer(layer)
	var kept []graphmodel.Relationship
	for _, rel := range Select(d, w) {
		if rel.ToCountry != hub {
			kept = append(kept, rel)
		}
	}
	without := NewResults(&graphmodel.Dataset{Meta: d.Meta, Registry: d.Registry, Relationships: kept}, Window{}, opt, r.Seed)
	without.Settings = r.Settings
	after := without.Layer(layer)
	rb, err := before.Ranked(metric)
	if err != nil {
		return out, err
	}
	ra, _ := after.Ranked(metric)
	pos := map[string]int{}
	for i, m := range rb {
		pos[m.Node] = i + 1
	}
	for i, m := range ra {
		if b, ok := pos[m.Node]; ok && b != i+1 {
			v, _ := metric.Value(m)
			out.RankChanges = append(out.RankChanges, RankChange{Node: m.Node, Before: b, After: i + 1, Value: v})
		}
	}
	out.ReachBefore, out.ReachAfter = reach(before.Graph), reach(after.Graph)
	for _, dep := range SingleReceiverDependenciesWith(d, w, opt) {
		if dep.Receiver == hub && !slices.Contains(out.Stranded, dep.Nationality) {
			out.Stranded = append(out.Stranded, dep.Nationality)
		}
	}
	return out, nil
}

// reach counts the actors other than placeholders with an incoming edge.
func reach(g *network.Graph) int {
	_, in, _, _ := network.Degrees(g)
	n := 0
	for i, x := range in {
		if x > 0 && !g.Placeholder(i) {
			n++
		}
	}
	return n
}

// widen stretches p's First and Last to cover period d: First is the
// earliest first bound of its claims (".." when one is open at the start),
// Last the latest last bound (".." when one is open at the end), each at
// the precision its claim gives.
func widen(p *Profile, d graphmodel.Period) {
	if d.IsZero() {
		return
	}
	lo, hi := d.From, d.To
	if !d.Interval {
		hi = d.From
	}
	switch {
	case p.First == "..":
	case lo.IsZero():
		p.First = ".."
	case p.First == "" || lo.Start().Before(p.firstAt):
		p.First, p.firstAt = lo.String(), lo.Start()
	}
	switch {
	case p.Last == "..":
	case hi.IsZero():
		p.Last = ".."
	case p.Last == "" || hi.End().After(p.lastAt):
		p.Last, p.lastAt = hi.String(), hi.End()
	}
}
