package analysis

import (
	"sort"

	"github.com/leverage-project/leverage/graphmodel"
)

// AnswerState is what can be said of a pressed country's answer.
type AnswerState string

const (
	// Answered: one answer stands, the latest in event time of the
	// country's own statements.
	Answered AnswerState = "answered"
	// Disputed: the country's own statements that could be the latest
	// disagree (their periods overlap, so neither is certainly later).
	Disputed AnswerState = "disputed"
	// NoAnswer: the country was approached and no answer of its own is
	// reported (talks, an unknown outcome, or only the presser's account).
	NoAnswer AnswerState = "no_answer"
)

// Answer is a pressed country's answer as of a window's end.
type Answer struct {
	Country graphmodel.Code   `json:"country"`
	State   AnswerState       `json:"state"`
	Status  graphmodel.Status `json:"status,omitempty"` // when Answered
	// InForce are the claims the answer rests on: the one standing, or
	// every disagreeing one, each with its sources.
	InForce []Evidence `json:"in_force,omitempty"`
	// Others are the approaches that are not the country's answer
	// (the presser's or an observer's account, talks, unknown outcomes),
	// shown beside it.
	Others []Evidence `json:"others,omitempty"`
}

// Label is the status when answered, else the state: what a map or a
// table shows in one word.
func (a Answer) Label() string {
	if a.State == Answered {
		return string(a.Status)
	}
	return string(a.State)
}

// answerStatuses are the statuses that are an answer when the pressed
// country states them; in_talks, unknown and proposed say no answer is
// reported, blocked_by_court is a court's act.
var answerStatuses = map[graphmodel.Status]bool{
	graphmodel.Considering: true, graphmodel.Agreed: true, graphmodel.Conditional: true, graphmodel.Refused: true,
	graphmodel.NoResponse: true, graphmodel.Reluctant: true, graphmodel.SomeAgreed: true, graphmodel.Withdrawn: true,
}

// IsAnswer reports whether r is the pressed country's own answer: an
// approach stated by the pressed side (the default) with a status that
// answers.
func IsAnswer(r *graphmodel.Relationship) bool {
	return r.Type == graphmodel.Approached && r.StatedBy.Effective() == graphmodel.ByPressed && answerStatuses[r.Status]
}

// Answers returns the answer of every country the campaign approached in
// w, in code order. The answer in force is the country's own statement
// latest in event time: a statement certainly after another (it starts no
// earlier than the other ends) replaces it, whatever the file order; of
// statements none of which is certainly after the others, agreeing ones
// stand together and disagreeing ones make the answer Disputed. A
// presser's later account ("trying to negotiate a better deal") is not
// the country's answer and replaces nothing.
func Answers(d *graphmodel.Dataset, w Window) []Answer {
	rels, _, counted := SelectEvents(d, w)
	campaign := Campaign(d)
	own := map[graphmodel.Code][]*graphmodel.Relationship{}
	others := map[graphmodel.Code][]*graphmodel.Relationship{}
	for i := range rels {
		r := &rels[i]
		if r.Type != graphmodel.Approached || !counted[i] || !campaign(r) {
			continue
		}
		if IsAnswer(r) {
			own[r.ToCountry] = append(own[r.ToCountry], r)
		} else {
			others[r.ToCountry] = append(others[r.ToCountry], r)
		}
	}
	codes := map[graphmodel.Code]bool{}
	for c := range own {
		codes[c] = true
	}
	for c := range others {
		codes[c] = true
	}
	var out []Answer
	for c := range codes {
		a := Answer{Country: c, State: NoAnswer}
		for _, r := range others[c] {
			a.Others = append(a.Others, evidenceOf(*r))
		}
		standing := latestOf(own[c])
		for _, r := range standing {
			a.InForce = append(a.InForce, evidenceOf(*r))
		}
		if len(standing) > 0 {
			a.State, a.Status = Answered, standing[0].Status
			for _, r := range standing[1:] {
				if r.Status != a.Status {
					a.State, a.Status = Disputed, graphmodel.StatusNone
					break
				}
			}
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Country < out[j].Country })
	return out
}

// AnswerOf is the answer of one country in w (State NoAnswer when it was
// not approached).
func AnswerOf(d *graphmodel.Dataset, c graphmodel.Code, w Window) Answer {
	for _, a := range Answers(d, w) {
		if a.Country == c {
			return a
		}
	}
	return Answer{Country: c, State: NoAnswer}
}

// latestOf returns the statements no other statement is certainly after,
// in their order.
func latestOf(rs []*graphmodel.Relationship) []*graphmodel.Relationship {
	var out []*graphmodel.Relationship
	for _, r := range rs {
		superseded := false
		for _, o := range rs {
			if o != r && certainlyAfter(o.Date, r.Date) {
				superseded = true
				break
			}
		}
		if !superseded {
			out = append(out, r)
		}
	}
	return out
}

// certainlyAfter reports whether every instant of a is no earlier than
// every instant of b: a starts when or after b ends.
func certainlyAfter(a, b graphmodel.Period) bool {
	return !a.IsZero() && !b.IsZero() && !a.OpenStart() && !b.OpenEnd() && !a.Start().Before(b.End())
}

// EventBefore orders claims by event time, the one order every "latest"
// and every chronological listing of the analysis uses (profiles, the
// patterns' "latest", court blocks and their liftings), as Answers reads
// time:
//
//   - a period certainly after another (it starts no earlier than the
//     other ends; see certainlyAfter) comes after it;
//   - of periods that overlap, neither certainly first, the one whose
//     event may have happened later, its end (the first instant after its
//     latest day, an open end "2025-02/.." latest of all), comes after;
//     then the one starting later (an open start "../2025-05" earliest);
//   - equal bounds are equal here: a stable sort keeps dataset order.
//
// So a period's place is its end, not its start: Angola's refusal, stated
// some time between March and late June 2025 (2025-03/2025-06), comes
// after the cable of 12 March that asked it, where ordering by start put
// the cable last because "March" starts before the 12th. Uncertain and
// approximate dates ("2025-02?") keep their date's bounds; the qualifier
// says the source is unsure, not that the period is wider. Since a period
// certainly after another also ends after it, this order never puts a
// statement after one that certainly follows it, so the last of a sorted
// list is always among the statements Answers keeps in force.
func EventBefore(a, b graphmodel.Period) bool {
	if ae, be := a.End(), b.End(); !ae.Equal(be) {
		return ae.Before(be)
	}
	return a.Start().Before(b.Start())
}
