package analysis

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// Sensitivity says how much a layer's findings rest on how the data is
// read and on whom it rests. A reading fixes every open choice the data
// leaves: which alternative account of each event counts (claims sharing
// an event), and where in its qualifier each number sits (End). Over all
// readings each top hub's metric and rank get an interval, each pattern
// match a count of the readings it holds in, and the partition into
// communities its least similarity to the face-value one. Leave-one-out
// then drops each independent account (graphmodel.Lineage) in turn: what
// disappears rests on that account alone.
type Sensitivity struct {
	Layer  Layer          `json:"layer"`
	Metric network.Metric `json:"metric"`
	Top    int            `json:"top"`
	// Readings is how many readings were run: every combination of event
	// accounts, each at the three ends.
	Readings  int          `json:"readings"`
	EventSets int          `json:"event_choices"`
	Hubs      []HubRange   `json:"hubs"`
	Patterns  []MatchRange `json:"patterns"`
	// CommunityNMIMin is the least NMI between a reading's partition and
	// the face-value one, over the nodes both have (1: never changes).
	CommunityNMIMin float64         `json:"community_nmi_min"`
	LeaveOneOut     []AccountResult `json:"leave_one_account_out"`
}

// HubRange is one face-value top hub across readings.
type HubRange struct {
	Node      string  `json:"node"`
	Value     float64 `json:"value"`
	Min, Max  float64 `json:"-"`
	Rank      int     `json:"rank"`
	BestRank  int     `json:"best_rank"`
	WorstRank int     `json:"worst_rank"`
	TopInAll  bool    `json:"top_in_every_reading"`
	// ValueInterval is [Min, Max] of the metric over the readings.
	ValueInterval   [2]float64 `json:"value_interval"`
	RestsOnAccounts []string   `json:"rests_on_single_account,omitempty"`
}

// MatchRange is one pattern match (pattern, country, counterpart) and the
// readings it holds in.
type MatchRange struct {
	Pattern         string   `json:"pattern"`
	Country         string   `json:"country"`
	Other           string   `json:"other"`
	Readings        int      `json:"readings"`
	AtFaceValue     bool     `json:"at_face_value"`
	RestsOnAccounts []string `json:"rests_on_single_account,omitempty"`
}

// AccountResult is what changes when one independent account's sources
// are dropped (a claim citing only them goes).
type AccountResult struct {
	Account       string   `json:"account"`
	Relationships int      `json:"relationships_dropped"`
	HubsLeaving   []string `json:"top_hubs_leaving"`
	MatchesLost   []string `json:"matches_lost"`
	CommunityNMI  float64  `json:"community_nmi"`
}

// End says where a qualified number is read. "about N" is read as N ±
// AboutSpread; "up to N" as 1 to N; "at least N" as N at both ends (it has
// no upper end the data states, so a high reading is a floor, not a
// ceiling); exact numbers as they are.
type End int

const (
	EndLow End = iota
	EndFace
	EndHigh
)

// AboutSpread is the relative width read into "about": a convention,
// stated here and in the README, not a fact of the sources.
const AboutSpread = 0.10

// maxEventSets bounds the combinations of event accounts enumerated; past
// it the analysis is refused rather than sampled, so its result stays a
// full enumeration.
const maxEventSets = 4096

func atEnd(v int64, q graphmodel.Qualifier, e End) int64 {
	switch {
	case e == EndFace || v == 0:
		return v
	case q == graphmodel.About && e == EndLow:
		return int64(math.Round(float64(v) * (1 - AboutSpread)))
	case q == graphmodel.About:
		return int64(math.Round(float64(v) * (1 + AboutSpread)))
	case q == graphmodel.UpTo && e == EndLow:
		return 1
	}
	return v
}

// eventGroups lists the groups of alternative accounts (as Counted forms
// them) that have more than one member, by relationship index.
func eventGroups(rels []graphmodel.Relationship) [][]int {
	type key struct {
		event    string
		typ      graphmodel.RelType
		from, to graphmodel.Code
	}
	idx := map[key]int{}
	var groups [][]int
	for i := range rels {
		r := &rels[i]
		if r.Event == "" {
			continue
		}
		k := key{r.Event, r.Type, r.FromCountry, r.ToCountry}
		j, ok := idx[k]
		if !ok {
			j = len(groups)
			idx[k] = j
			groups = append(groups, nil)
		}
		groups[j] = append(groups[j], i)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// reading is d with one account per event group kept (choice[g] indexes
// groups[g]) and every number at end e.
func reading(d *graphmodel.Dataset, groups [][]int, choice []int, e End) *graphmodel.Dataset {
	drop := map[int]bool{}
	for g, members := range groups {
		for k, i := range members {
			if k != choice[g] {
				drop[i] = true
			}
		}
	}
	out := *d
	out.Relationships = make([]graphmodel.Relationship, 0, len(d.Relationships))
	for i, r := range d.Relationships {
		if drop[i] {
			continue
		}
		r.Count.Value = atEnd(r.Count.Value, r.Count.Qualifier, e)
		r.Money.Amount = atEnd(r.Money.Amount, r.Money.Qualifier, e)
		out.Relationships = append(out.Relationships, r)
	}
	return &out
}

// findings is what one reading gives: the metric per node, the ranking,
// the partition and the pattern matches.
type findings struct {
	value   map[string]float64
	rank    map[string]int
	member  map[string]int
	matches map[string]bool
}

func findingsOf(d *graphmodel.Dataset, layer Layer, m network.Metric, w Window, seed uint64) findings {
	r := NewResults(d, w, Options{}, seed)
	lr := r.Layer(layer)
	ranked, _ := lr.Ranked(m)
	f := findings{value: map[string]float64{}, rank: map[string]int{}, member: map[string]int{}, matches: map[string]bool{}}
	for i, x := range ranked {
		v, _ := m.Value(x)
		f.value[x.Node], f.rank[x.Node] = v, i+1
	}
	for c, members := range lr.Communities().Members {
		for _, n := range members {
			f.member[n] = c
		}
	}
	for _, x := range r.Patterns() {
		f.matches[matchKey(x)] = true
	}
	return f
}

func matchKey(x Match) string { return x.Pattern + " " + string(x.Country) + "<" + string(x.Other) }

// partitionNMI compares two partitions on the nodes both have.
func partitionNMI(a, b map[string]int) float64 {
	var x, y []int32
	for n, ca := range a {
		if cb, ok := b[n]; ok {
			x, y = append(x, int32(ca)), append(y, int32(cb))
		}
	}
	return network.NMI(x, y)
}

// SensitivityOf runs every reading of d's layer in w and the leave-one-
// account-out analysis, for the top hubs by m and every pattern match.
func SensitivityOf(d *graphmodel.Dataset, layer Layer, m network.Metric, top int, w Window, seed uint64) (Sensitivity, error) {
	groups := eventGroups(d.Relationships)
	sets := 1
	for _, g := range groups {
		sets *= len(g)
		if sets > maxEventSets {
			return Sensitivity{}, fmt.Errorf("sensitivity: more than %d combinations of alternative accounts", maxEventSets)
		}
	}
	s := Sensitivity{Layer: layer, Metric: m, Top: top, EventSets: sets, CommunityNMIMin: 1}
	face := findingsOf(d, layer, m, w, seed)
	var topNodes []string
	for n, r := range face.rank {
		if r <= top {
			topNodes = append(topNodes, n)
		}
	}
	sort.Slice(topNodes, func(i, j int) bool { return face.rank[topNodes[i]] < face.rank[topNodes[j]] })
	for _, n := range topNodes {
		s.Hubs = append(s.Hubs, HubRange{Node: n, Value: face.value[n], Min: face.value[n], Max: face.value[n],
			Rank: face.rank[n], BestRank: face.rank[n], WorstRank: face.rank[n], TopInAll: true})
	}
	seen := map[string]int{}
	choice := make([]int, len(groups))
	for k := 0; k < sets; k++ {
		rest := k
		for g := range groups {
			choice[g] = rest % len(groups[g])
			rest /= len(groups[g])
		}
		for _, e := range []End{EndLow, EndFace, EndHigh} {
			f := findingsOf(reading(d, groups, choice, e), layer, m, w, seed)
			s.Readings++
			for i := range s.Hubs {
				h := &s.Hubs[i]
				v, r := f.value[h.Node], f.rank[h.Node]
				if r == 0 {
					r = len(f.rank) + 1 // not in this reading's graph at all
				}
				h.Min, h.Max = math.Min(h.Min, v), math.Max(h.Max, v)
				h.BestRank, h.WorstRank = min(h.BestRank, r), max(h.WorstRank, r)
				h.TopInAll = h.TopInAll && r <= top
			}
			for key := range f.matches {
				seen[key]++
			}
			s.CommunityNMIMin = math.Min(s.CommunityNMIMin, partitionNMI(face.member, f.member))
		}
	}
	for i := range s.Hubs {
		s.Hubs[i].ValueInterval = [2]float64{s.Hubs[i].Min, s.Hubs[i].Max}
	}
	keys := make([]string, 0, len(seen))
	for key := range seen {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		p, co, _ := strings.Cut(key, " ")
		c, o, _ := strings.Cut(co, "<")
		s.Patterns = append(s.Patterns, MatchRange{Pattern: p, Country: c, Other: o, Readings: seen[key], AtFaceValue: face.matches[key]})
	}
	s.leaveOneOut(d, layer, m, w, seed, face)
	return s, nil
}

// leaveOneOut drops each independent account in turn: every source of it
// leaves every claim, and a claim left with no source goes.
func (s *Sensitivity) leaveOneOut(d *graphmodel.Dataset, layer Layer, m network.Metric, w Window, seed uint64, face findings) {
	lin := d.Lineage()
	var accounts []string
	for _, src := range d.Sources {
		if a := lin.Account(src.Key); !slices.Contains(accounts, a) {
			accounts = append(accounts, a)
		}
	}
	sort.Strings(accounts)
	for _, a := range accounts {
		out := *d
		out.Relationships = nil
		dropped := 0
		for _, r := range d.Relationships {
			keep := false
			for _, k := range r.Sources {
				keep = keep || lin.Account(k) != a
			}
			if !keep {
				dropped++
				continue
			}
			out.Relationships = append(out.Relationships, r)
		}
		f := findingsOf(&out, layer, m, w, seed)
		res := AccountResult{Account: a, Relationships: dropped, CommunityNMI: partitionNMI(face.member, f.member)}
		for i := range s.Hubs {
			h := &s.Hubs[i]
			if r := f.rank[h.Node]; r == 0 || r > s.Top {
				res.HubsLeaving = append(res.HubsLeaving, h.Node)
				h.RestsOnAccounts = append(h.RestsOnAccounts, a)
			}
		}
		for i := range s.Patterns {
			p := &s.Patterns[i]
			key := p.Pattern + " " + p.Country + "<" + p.Other
			if face.matches[key] && !f.matches[key] {
				res.MatchesLost = append(res.MatchesLost, key)
				p.RestsOnAccounts = append(p.RestsOnAccounts, a)
			}
		}
		s.LeaveOneOut = append(s.LeaveOneOut, res)
	}
}
