package analysis

import (
	"fmt"
	"slices"
	"sort"

	"github.com/leverage-project/leverage/graphmodel"
)

// Evidence is a relationship cited by a pattern match, with its sources.
type Evidence struct {
	Key     string             `json:"id"`
	Type    graphmodel.RelType `json:"type"`
	From    graphmodel.Code    `json:"from"`
	To      graphmodel.Code    `json:"to"`
	Date    string             `json:"date"`
	Status  graphmodel.Status  `json:"status,omitempty"`
	Sources []string           `json:"sources"`
	Note    string             `json:"note"`
}

func evidenceOf(r graphmodel.Relationship) Evidence {
	return Evidence{Key: r.Key, Type: r.Type, From: r.FromCountry, To: r.ToCountry, Date: r.Date.String(),
		Status: r.Status, Sources: r.Sources, Note: r.Note}
}

// Match is one occurrence of a pattern.
type Match struct {
	Pattern  string          `json:"pattern"`
	Country  graphmodel.Code `json:"country"`  // the country the pattern is about
	Other    graphmodel.Code `json:"other"`    // the counterpart (presser, payer, origin…)
	Summary  string          `json:"summary"`  // one line in plain words
	Evidence []Evidence      `json:"evidence"` // the relationships that make the match
	Sources  []string        `json:"sources"`  // union of the evidence's sources, sorted
}

// Pattern is a named, documented subgraph pattern. The same catalogue
// exists as Cypher in the Neo4j query library.
type Pattern struct {
	Name       string
	Title      string
	Definition string // plain-language definition, what it matches
	find       func(*patternIndex) []Match
}

// Patterns is the catalogue, in documentation order.
var Patterns = []Pattern{
	{"payment_acceptance", "Payment → acceptance",
		"A pays Y (paid A→Y) in a payment a source ties to accepting deportees (payment_tie tied; a coincident payment or one for another purpose does not match) and Y accepts deportees: an approach A→Y that Y agreed to (agreed or conditional) or a reception into Y (received, not planned, other nationalities). Either order; the evidence shows which came first.",
		findPaymentAcceptance},
	{"travel_ban_acceptance", "Travel-ban threat → acceptance",
		"A threatens, imposes or offers relief from a travel ban on Y (travel_ban_leverage A→Y) and Y agrees to an approach from A or receives people (a reception that happened, not a planned one).",
		findTravelBanAcceptance},
	{"concession_agreement", "Concession sought → agreement",
		"Y asks A for something in return (concession_sought Y→A) and agrees to A's approach (agreed or conditional).",
		findConcessionAgreement},
	{"chain_return", "Received, then returned onward (chain-return risk)",
		"Y receives people of nationality N (received N→Y, N ≠ Y, not planned) and sends people on to their origin (onward_return Y→N, or to a placeholder actor, unspecified nationalities or a group, when the source does not name the origin).",
		findChainReturn},
	{"transit_corridor", "Transit corridor",
		"Y serves as a waypoint (transit Y→D) toward destination D; evidence includes any approach to Y and any court block of removals to D.",
		findTransitCorridor},
	{"pressed_repeatedly_refused", "Pressed repeatedly → refused or no answer",
		"A approaches Y at least twice and at least one answer is a refusal or no substantive response.",
		findPressedRefused},
	{"agreed_nothing_received", "Agreed, nothing received yet",
		"Y (a named country) agreed to an approach (agreed or conditional) but no reception into Y (received *→Y that happened, own citizens excluded; a planned one is not a reception) is recorded in the window.",
		findAgreedNothingReceived},
	{"court_blocked", "Removal blocked by a court",
		"A court stopped a planned removal from A to Y (removal_blocked A→Y, not block_lifted); the summary says when a later ruling lifted the block; evidence includes A's approaches to Y and any transit toward Y.",
		findCourtBlocked},
}

// PatternByName returns the named pattern.
func PatternByName(name string) (Pattern, error) {
	for _, p := range Patterns {
		if p.Name == name {
			return p, nil
		}
	}
	var names []string
	for _, p := range Patterns {
		names = append(names, p.Name)
	}
	return Pattern{}, fmt.Errorf("unknown pattern %q (one of %v)", name, names)
}

// Find returns the pattern's matches among d's relationships in w, ordered
// by country, then counterpart. Only the campaign's claims are matched
// (see Campaign): another pressing state's deal is kept in the data and
// shown as such, not read as part of the campaign's patterns.
func (p Pattern) Find(d *graphmodel.Dataset, w Window) []Match {
	campaign := Campaign(d)
	var rels []graphmodel.Relationship
	for _, r := range Select(d, w) {
		if campaign(&r) {
			rels = append(rels, r)
		}
	}
	ix := newPatternIndex(rels, d.Registry)
	ms := p.find(ix)
	for i := range ms {
		ms[i].Pattern = p.Name
		ms[i].Sources = sourcesOf(ms[i].Evidence)
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Country != ms[j].Country {
			return ms[i].Country < ms[j].Country
		}
		return ms[i].Other < ms[j].Other
	})
	return ms
}

// FindAll runs every pattern.
func FindAll(d *graphmodel.Dataset, w Window) []Match {
	var out []Match
	for _, p := range Patterns {
		out = append(out, p.Find(d, w)...)
	}
	return out
}

func sourcesOf(ev []Evidence) []string {
	var out []string
	for _, e := range ev {
		for _, s := range e.Sources {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out
}

// patternIndex groups a window's relationships for the matchers, by type,
// by (type, from, to) and by (type, to), so each match costs lookups, not
// scans: the catalogue runs on millions of relationships.
type patternIndex struct {
	rels   []graphmodel.Relationship
	byType map[graphmodel.RelType][]graphmodel.Relationship
	byPair map[pairKey][]graphmodel.Relationship
	byTo   map[toKey][]graphmodel.Relationship
	reg    *graphmodel.Registry
}

type pairKey struct {
	t        graphmodel.RelType
	from, to graphmodel.Code
}

type toKey struct {
	t  graphmodel.RelType
	to graphmodel.Code
}

func newPatternIndex(rels []graphmodel.Relationship, reg *graphmodel.Registry) *patternIndex {
	ix := &patternIndex{rels: rels, byType: map[graphmodel.RelType][]graphmodel.Relationship{},
		byPair: map[pairKey][]graphmodel.Relationship{}, byTo: map[toKey][]graphmodel.Relationship{}, reg: reg}
	for _, r := range rels {
		ix.byType[r.Type] = append(ix.byType[r.Type], r)
		pk := pairKey{r.Type, r.FromCountry, r.ToCountry}
		ix.byPair[pk] = append(ix.byPair[pk], r)
		tk := toKey{r.Type, r.ToCountry}
		ix.byTo[tk] = append(ix.byTo[tk], r)
	}
	return ix
}

// between returns relationships of type t from a to y that satisfy keep.
func (ix *patternIndex) between(t graphmodel.RelType, a, y graphmodel.Code, keep func(graphmodel.Relationship) bool) []graphmodel.Relationship {
	return filter(ix.byPair[pairKey{t, a, y}], keep)
}

// into returns relationships of type t into y that satisfy keep.
func (ix *patternIndex) into(t graphmodel.RelType, y graphmodel.Code, keep func(graphmodel.Relationship) bool) []graphmodel.Relationship {
	return filter(ix.byTo[toKey{t, y}], keep)
}

func filter(rs []graphmodel.Relationship, keep func(graphmodel.Relationship) bool) []graphmodel.Relationship {
	var out []graphmodel.Relationship
	for _, r := range rs {
		if keep == nil || keep(r) {
			out = append(out, r)
		}
	}
	return out
}

func (ix *patternIndex) name(c graphmodel.Code) string {
	if ix.reg == nil {
		return string(c)
	}
	return ix.reg.Name(c)
}

func isAgreement(r graphmodel.Relationship) bool { return IsAgreement(&r) }

// acceptances are Y's agreements to A and the receptions into Y.
func (ix *patternIndex) acceptances(a, y graphmodel.Code) []graphmodel.Relationship {
	out := ix.between(graphmodel.Approached, a, y, isAgreement)
	return append(out, ix.into(graphmodel.Received, y, isReception)...)
}

// isReception is IsReception for the matchers' value-typed relationships.
func isReception(r graphmodel.Relationship) bool { return IsReception(&r) }

func evidence(rs ...[]graphmodel.Relationship) []Evidence {
	var out []Evidence
	seen := map[string]bool{}
	for _, list := range rs {
		for _, r := range list {
			if !seen[r.Key] {
				seen[r.Key] = true
				out = append(out, evidenceOf(r))
			}
		}
	}
	return out
}

// pairs groups relationships by (from, to), in first-seen order.
func pairs(rs []graphmodel.Relationship) [][]graphmodel.Relationship {
	idx := map[[2]graphmodel.Code]int{}
	var out [][]graphmodel.Relationship
	for _, r := range rs {
		k := [2]graphmodel.Code{r.FromCountry, r.ToCountry}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], r)
	}
	return out
}

func findPaymentAcceptance(ix *patternIndex) []Match {
	var out []Match
	tied := filter(ix.byType[graphmodel.Paid], func(r graphmodel.Relationship) bool { return r.PaymentTie == graphmodel.Tied })
	for _, pays := range pairs(tied) {
		a, y := pays[0].FromCountry, pays[0].ToCountry
		acc := ix.acceptances(a, y)
		if len(acc) == 0 {
			continue
		}
		out = append(out, Match{Country: y, Other: a, Evidence: evidence(pays, acc),
			Summary: fmt.Sprintf("%s paid %s (%d payment claims) and %s accepted deportees (%d relationships)", ix.name(a), ix.name(y), len(pays), ix.name(y), len(acc))})
	}
	return out
}

func findTravelBanAcceptance(ix *patternIndex) []Match {
	var out []Match
	for _, bans := range pairs(ix.byType[graphmodel.TravelBanLeverage]) {
		a, y := bans[0].FromCountry, bans[0].ToCountry
		acc := ix.acceptances(a, y)
		if len(acc) == 0 {
			continue
		}
		out = append(out, Match{Country: y, Other: a, Evidence: evidence(bans, acc),
			Summary: fmt.Sprintf("%s used travel-ban leverage on %s, which accepted deportees", ix.name(a), ix.name(y))})
	}
	return out
}

func findConcessionAgreement(ix *patternIndex) []Match {
	var out []Match
	for _, asks := range pairs(ix.byType[graphmodel.ConcessionSought]) {
		y, a := asks[0].FromCountry, asks[0].ToCountry
		agreed := ix.between(graphmodel.Approached, a, y, isAgreement)
		if len(agreed) == 0 {
			continue
		}
		var what []string
		for _, r := range asks {
			if r.Instrument != "" && !slices.Contains(what, string(r.Instrument)) {
				what = append(what, string(r.Instrument))
			}
		}
		out = append(out, Match{Country: y, Other: a, Evidence: evidence(asks, agreed),
			Summary: fmt.Sprintf("%s asked %s for %v in return and agreed to take deportees", ix.name(y), ix.name(a), what)})
	}
	return out
}

func findChainReturn(ix *patternIndex) []Match {
	var out []Match
	for _, onward := range pairs(ix.byType[graphmodel.OnwardReturn]) {
		y, origin := onward[0].FromCountry, onward[0].ToCountry
		unnamed := IsPlaceholder(ix.reg, origin)
		received := ix.into(graphmodel.Received, y, func(r graphmodel.Relationship) bool {
			return isReception(r) && (unnamed || r.FromCountry == origin)
		})
		if len(received) == 0 {
			continue
		}
		how := "the same nationality"
		if unnamed {
			how = "origins the source does not name"
		}
		out = append(out, Match{Country: y, Other: origin, Evidence: evidence(received, onward),
			Summary: fmt.Sprintf("%s received deportees and sent people on to %s (%s)", ix.name(y), ix.name(origin), how)})
	}
	return out
}

func findTransitCorridor(ix *patternIndex) []Match {
	var out []Match
	for _, tr := range pairs(ix.byType[graphmodel.Transit]) {
		y, dest := tr[0].FromCountry, tr[0].ToCountry
		related := ix.into(graphmodel.Approached, y, nil)
		related = append(related, ix.into(graphmodel.RemovalBlocked, dest, nil)...)
		out = append(out, Match{Country: y, Other: dest, Evidence: evidence(tr, related),
			Summary: fmt.Sprintf("%s is a waypoint for removals to %s", ix.name(y), ix.name(dest))})
	}
	return out
}

func findPressedRefused(ix *patternIndex) []Match {
	var out []Match
	for _, apps := range pairs(ix.byType[graphmodel.Approached]) {
		if len(apps) < 2 {
			continue
		}
		refused := 0
		for _, r := range apps {
			if r.Status == graphmodel.Refused || r.Status == graphmodel.NoResponse {
				refused++
			}
		}
		if refused == 0 {
			continue
		}
		sorted := append([]graphmodel.Relationship(nil), apps...)
		sort.SliceStable(sorted, func(i, j int) bool { return EventBefore(sorted[i].Date, sorted[j].Date) })
		a, y := apps[0].FromCountry, apps[0].ToCountry
		last := sorted[len(sorted)-1]
		out = append(out, Match{Country: y, Other: a, Evidence: evidence(sorted),
			Summary: fmt.Sprintf("%s approached %s %d times; %d refused or unanswered; latest (%s): %s", ix.name(a), ix.name(y), len(apps), refused, last.Date, last.Status)})
	}
	return out
}

func findAgreedNothingReceived(ix *patternIndex) []Match {
	var out []Match
	for _, apps := range pairs(ix.byType[graphmodel.Approached]) {
		var agreed []graphmodel.Relationship
		for _, r := range apps {
			if isAgreement(r) {
				agreed = append(agreed, r)
			}
		}
		if len(agreed) == 0 {
			continue
		}
		a, y := apps[0].FromCountry, apps[0].ToCountry
		if IsPlaceholder(ix.reg, y) {
			continue
		}
		if len(ix.into(graphmodel.Received, y, isReception)) > 0 {
			continue
		}
		out = append(out, Match{Country: y, Other: a, Evidence: evidence(agreed),
			Summary: fmt.Sprintf("%s agreed to take deportees from %s; no reception is recorded", ix.name(y), ix.name(a))})
	}
	return out
}

func findCourtBlocked(ix *patternIndex) []Match {
	var out []Match
	for _, blocks := range pairs(ix.byType[graphmodel.RemovalBlocked]) {
		a, y := blocks[0].FromCountry, blocks[0].ToCountry
		// A pair whose only rows say a block was lifted had no block in
		// the window: nothing was stopped.
		blocked, lifted := false, false
		var lastBlock, lastLift graphmodel.Period
		for _, b := range blocks {
			if b.Status == graphmodel.BlockLifted {
				if !lifted || !EventBefore(b.Date, lastLift) {
					lastLift = b.Date
				}
				lifted = true
				continue
			}
			if !blocked || !EventBefore(b.Date, lastBlock) {
				lastBlock = b.Date
			}
			blocked = true
		}
		if !blocked {
			continue
		}
		summary := fmt.Sprintf("a court blocked removals from %s to %s", ix.name(a), ix.name(y))
		// A lifting dated no earlier than the last block ended it; rows of
		// the same month (the seed's South Sudan case) are read in that
		// order, since a ruling lifts only a block already in place.
		if lifted && !lastLift.IsZero() && !lastBlock.IsZero() && !EventBefore(lastLift, lastBlock) {
			summary += fmt.Sprintf("; a later ruling (%s) lifted the block", lastLift)
		}
		related := ix.between(graphmodel.Approached, a, y, nil)
		related = append(related, ix.into(graphmodel.Transit, y, nil)...)
		out = append(out, Match{Country: y, Other: a, Evidence: evidence(blocks, related), Summary: summary})
	}
	return out
}
