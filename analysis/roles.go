package analysis

import (
	"context"
	"fmt"
	"sort"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// RoleRank is one actor's place in one role.
type RoleRank struct {
	Code   graphmodel.Code `json:"code"`
	Name   string          `json:"name"`
	Value  float64         `json:"value"`  // the measure the role ranks by
	Detail string          `json:"detail"` // what the value is made of
}

// Roles answers "who are the hubs" one role at a time, each ranked by a
// measure that fits it, instead of one PageRank over a network whose
// edges run from presser to pressed (which puts the pressing state far
// down and an onward-return loop near the top):
//
//   - Pressers by out-strength of pressure: approach and leverage events
//     (travel-ban and other leverage) they started, each event once.
//   - Receivers by people received (at least, each event once), then by
//     reception events; receptions of unknown size are said, not counted.
//   - Brokers by betweenness on the union layer without placeholders
//     (network.Betweenness): actors that sit on the routes between others.
//
// Placeholders (unspecified nationalities, unnamed groups) are not ranked.
// Every pressing state is ranked, the campaign's and others (a role is a
// fact about the network, not the dataset's scope).
type Roles struct {
	Pressers  []RoleRank `json:"pressers"`
	Receivers []RoleRank `json:"receivers"`
	Brokers   []RoleRank `json:"brokers"`
}

// RolesOf ranks the actors of d in w by role, at most n each (all when n
// is 0).
func RolesOf(d *graphmodel.Dataset, w Window, n int) Roles {
	rels, _, counted := SelectEvents(d, w)
	type press struct{ approaches, leverage int }
	pressers := map[graphmodel.Code]*press{}
	type recv struct {
		people               int64
		receptions, unknowns int
	}
	receivers := map[graphmodel.Code]*recv{}
	within := WithinGroups(rels)
	for i := range rels {
		r := &rels[i]
		if !counted[i] || within[i] && IsReception(r) {
			continue
		}
		switch {
		case r.Type == graphmodel.Approached || r.Type == graphmodel.TravelBanLeverage || r.Type == graphmodel.OtherLeverage:
			if IsPlaceholder(d.Registry, r.FromCountry) {
				continue
			}
			p := pressers[r.FromCountry]
			if p == nil {
				p = &press{}
				pressers[r.FromCountry] = p
			}
			if r.Type == graphmodel.Approached {
				p.approaches++
			} else {
				p.leverage++
			}
		case IsReception(r):
			if IsPlaceholder(d.Registry, r.ToCountry) {
				continue
			}
			x := receivers[r.ToCountry]
			if x == nil {
				x = &recv{}
				receivers[r.ToCountry] = x
			}
			x.receptions++
			if r.Count.IsZero() {
				x.unknowns++
			} else {
				x.people = graphmodel.AddSaturating(x.people, r.Count.Value)
			}
		}
	}
	name := func(c graphmodel.Code) string {
		if d.Registry == nil {
			return string(c)
		}
		return d.Registry.Name(c)
	}
	var out Roles
	for c, p := range pressers {
		out.Pressers = append(out.Pressers, RoleRank{Code: c, Name: name(c), Value: float64(p.approaches + p.leverage),
			Detail: fmt.Sprintf("%d approaches, %d leverage", p.approaches, p.leverage)})
	}
	receptions := map[graphmodel.Code]int{}
	for c, x := range receivers {
		detail := fmt.Sprintf("at least %d people in %d receptions", x.people, x.receptions)
		if x.unknowns > 0 {
			detail += fmt.Sprintf(", %d of unknown size", x.unknowns)
		}
		receptions[c] = x.receptions
		out.Receivers = append(out.Receivers, RoleRank{Code: c, Name: name(c), Value: float64(x.people), Detail: detail})
	}
	g := View(d, LayerAll, w).Structural()
	// Background: betweenness fails only when its context is cancelled.
	bs, _ := network.Betweenness(context.Background(), g)
	for i, b := range bs {
		if b > 0 {
			c := graphmodel.Code(g.Name(i))
			out.Brokers = append(out.Brokers, RoleRank{Code: c, Name: name(c), Value: b, Detail: fmt.Sprintf("%.4f", b)})
		}
	}
	byValue := func(rs []RoleRank, tie func(a, b RoleRank) int) []RoleRank {
		sort.Slice(rs, func(i, j int) bool {
			if rs[i].Value != rs[j].Value {
				return rs[i].Value > rs[j].Value
			}
			if t := tie(rs[i], rs[j]); t != 0 {
				return t > 0
			}
			return rs[i].Code < rs[j].Code
		})
		if n > 0 && len(rs) > n {
			rs = rs[:n]
		}
		return rs
	}
	none := func(a, b RoleRank) int { return 0 }
	out.Pressers = byValue(out.Pressers, none)
	out.Receivers = byValue(out.Receivers, func(a, b RoleRank) int { return receptions[a.Code] - receptions[b.Code] })
	out.Brokers = byValue(out.Brokers, none)
	return out
}
