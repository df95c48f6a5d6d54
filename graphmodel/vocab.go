package graphmodel

import (
	"slices"
)

// RelType is the closed vocabulary of relationship types. Extending it is a
// deliberate change: add the constant, its description, its allowed statuses
// and the analysis layer it belongs to.
type RelType string

const (
	Approached        RelType = "approached"
	Received          RelType = "received"
	Paid              RelType = "paid"
	TravelBanLeverage RelType = "travel_ban_leverage"
	OtherLeverage     RelType = "other_leverage"
	ConcessionSought  RelType = "concession_sought"
	OnwardReturn      RelType = "onward_return"
	Transit           RelType = "transit"
	RemovalBlocked    RelType = "removal_blocked"
	MigrationContext  RelType = "migration_context"
)

// RelTypes lists every relationship type in documentation order.
var RelTypes = []RelType{Approached, Received, Paid, TravelBanLeverage, OtherLeverage,
	ConcessionSought, OnwardReturn, Transit, RemovalBlocked, MigrationContext}

var relTypeDocs = map[RelType]string{
	Approached:        "a government pressed another to accept deportees who are not its citizens (from: pressing, to: pressed)",
	Received:          "a country took in people of a nationality (from: nationality, to: receiver); from = to is a return of its own citizens",
	Paid:              "money paid in connection with accepting deportees (from: payer, to: payee)",
	TravelBanLeverage: "travel-ban listing threatened, imposed or relief offered for accepting deportees (from: pressing, to: target)",
	OtherLeverage:     "tariffs, canal, aid, favours or other pressure tied to deportations (from: pressing, to: target)",
	ConcessionSought:  "what a pressed country asked for in return (from: asking, to: asked)",
	OnwardReturn:      "a receiving country sent people on to their country of origin (from: first receiver, to: origin)",
	Transit:           "a country used as a waypoint on the way to a destination (from: waypoint, to: destination)",
	RemovalBlocked:    "a planned removal stopped by a court (from: deporting country, to: intended destination)",
	MigrationContext:  "context, not deportation: people of a nationality living in or crossing a country, as a source weighs it (from: nationality, to: host)",
}

// Describe returns the one-line meaning of t, including its direction.
func (t RelType) Describe() string { return relTypeDocs[t] }

// Valid reports whether t is in the vocabulary.
func (t RelType) Valid() bool { _, ok := relTypeDocs[t]; return ok }

// Status is the state of a relationship as the source reports it.
type Status string

const (
	StatusNone     Status = ""
	Considering    Status = "considering"
	Agreed         Status = "agreed"
	Conditional    Status = "conditional"
	Refused        Status = "refused"
	NoResponse     Status = "no_response"
	InTalks        Status = "in_talks"
	BlockedByCourt Status = "blocked_by_court"
	Completed      Status = "completed"
	Planned        Status = "planned"
	Threatened     Status = "threatened"
	Imposed        Status = "imposed"
	ReliefOffered  Status = "relief_offered"
	Proposed       Status = "proposed"
	Unknown        Status = "unknown"
	// Reluctant, SomeAgreed and BlockLifted were added in dataset 1.1.0 for
	// what the sources say and the earlier statuses could not: a government
	// uneasy without saying no, an official count of agreements that names
	// no one ("several"), and a court block a higher court later cleared.
	Reluctant   Status = "reluctant"
	SomeAgreed  Status = "some_agreed"
	BlockLifted Status = "block_lifted"
	// Withdrawn (dataset 1.2.0) is an agreement taken back: like
	// BlockLifted, an event of its own kind that undoes another, never
	// counted as the one it undoes.
	Withdrawn Status = "withdrawn"
)

// Statuses lists every status in documentation order.
var Statuses = []Status{Proposed, Unknown, Considering, Agreed, Conditional, Refused, NoResponse, InTalks,
	Reluctant, SomeAgreed, Withdrawn, BlockedByCourt, BlockLifted, Completed, Planned, Threatened, Imposed, ReliefOffered}

var statusDocs = map[Status]string{
	Considering:    "the pressed government said it would consider the request",
	Agreed:         "the government agreed to accept deportees",
	Conditional:    "the government agreed on conditions (numbers, profiles, something in return)",
	Refused:        "the government declined",
	NoResponse:     "no substantive answer was given",
	InTalks:        "talks reported as under way, no answer reported",
	BlockedByCourt: "a court stopped the removal or arrangement",
	Completed:      "the transfer, payment or return took place",
	Planned:        "announced or planned, not yet carried out",
	Threatened:     "leverage threatened or under consideration",
	Imposed:        "leverage applied",
	ReliefOffered:  "relief from leverage offered in exchange for accepting deportees",
	Proposed:       "considered or proposed by the pressing side; not known to have been put to the other",
	Unknown:        "the approach is reported, the answer is not",
	Reluctant:      "the government voiced unease (discomfort, fear of a backlash, a 'sensitive' issue) without refusing",
	SomeAgreed:     "some members of a group of countries agreed, unnamed or with only a vague number ('several'); only for a group",
	BlockLifted:    "a higher court cleared an earlier block, so the removal may go ahead",
	Withdrawn:      "the government took back an agreement it had given",
}

// Undoes returns the status s takes back (BlockLifted a BlockedByCourt,
// Withdrawn an Agreed), or StatusNone.
func (s Status) Undoes() Status {
	switch s {
	case BlockLifted:
		return BlockedByCourt
	case Withdrawn:
		return Agreed
	}
	return StatusNone
}

// Describe returns the one-line meaning of s.
func (s Status) Describe() string { return statusDocs[s] }

// allowedStatus says which statuses each type may carry; an empty status is
// always allowed except for approached, where the outcome is the point.
var allowedStatus = map[RelType][]Status{
	Approached:        {Proposed, Unknown, Considering, Agreed, Conditional, Refused, NoResponse, InTalks, Reluctant, SomeAgreed, Withdrawn, BlockedByCourt},
	Received:          {Completed, Planned, Agreed},
	Paid:              {Completed, Planned},
	TravelBanLeverage: {Threatened, Imposed, ReliefOffered},
	OtherLeverage:     {Threatened, Imposed, ReliefOffered, Completed},
	ConcessionSought:  {Considering, Agreed, Refused, InTalks, NoResponse},
	OnwardReturn:      {Completed, Planned},
	Transit:           {Completed, Planned, Agreed, Withdrawn},
	RemovalBlocked:    {BlockedByCourt, BlockLifted},
	MigrationContext:  {Completed},
}

// AllowedStatuses returns the statuses t may carry.
func (t RelType) AllowedStatuses() []Status { return allowedStatus[t] }

func checkStatus(t RelType, s Status) error {
	if s == StatusNone {
		if t == Approached || t == RemovalBlocked {
			return Because("status_required", "required for type %s (one of %v)", t, allowedStatus[t])
		}
		return nil
	}
	if _, ok := statusDocs[s]; !ok {
		return Because("unknown_status", "unknown status %q (one of %v)", s, Statuses)
	}
	if !slices.Contains(allowedStatus[t], s) {
		return Because("status_not_for_type", "status %q does not apply to type %s (one of %v)", s, t, allowedStatus[t])
	}
	return nil
}

// Instrument is the leverage used or offered.
type Instrument string

const (
	InstrumentNone      Instrument = ""
	Payment             Instrument = "payment"
	TravelBan           Instrument = "travel_ban"
	Tariffs             Instrument = "tariffs"
	Canal               Instrument = "canal"
	Aid                 Instrument = "aid"
	RecognitionLobbying Instrument = "recognition_lobbying"
	Favour              Instrument = "favour"
	Deadline            Instrument = "deadline"
	IntegrationSupport  Instrument = "integration_support"
	Investment          Instrument = "investment"
)

// Instruments lists every instrument in documentation order.
var Instruments = []Instrument{Payment, TravelBan, Tariffs, Canal, Aid, RecognitionLobbying,
	Favour, Deadline, IntegrationSupport, Investment}

var instrumentDocs = map[Instrument]string{
	Payment:             "money paid or offered",
	TravelBan:           "listing in, or relief from, a US travel ban",
	Tariffs:             "tariffs or trade measures",
	Canal:               "control or use of the Panama Canal",
	Aid:                 "foreign aid given, withheld or sought",
	RecognitionLobbying: "lobbying other states to recognise a state",
	Favour:              "goodwill with the US administration",
	Deadline:            "a deadline set for an answer",
	IntegrationSupport:  "support to integrate deportees locally",
	Investment:          "investment or resource deals",
}

// Describe returns the one-line meaning of i.
func (i Instrument) Describe() string { return instrumentDocs[i] }

// Valid reports whether i is empty or in the vocabulary.
func (i Instrument) Valid() bool {
	if i == InstrumentNone {
		return true
	}
	_, ok := instrumentDocs[i]
	return ok
}

// Confidence grades how well a claim is supported.
type Confidence string

const (
	Confirmed Confidence = "confirmed" // official document, statement or several independent reports
	Reported  Confidence = "reported"  // one credible report
	// Claimed is a party's own assertion not independently verified, or a
	// secondary source's statement that the primary report it restates does
	// not bear out (a misattribution): in both cases no reporter vouches for it.
	Claimed Confidence = "claimed"
)

// Confidences lists every confidence level, strongest first.
var Confidences = []Confidence{Confirmed, Reported, Claimed}

// Valid reports whether c is in the vocabulary.
func (c Confidence) Valid() bool { return c == Confirmed || c == Reported || c == Claimed }

// SourceKind says what kind of document a source is.
type SourceKind string

// SourceKinds lists the kinds a source may have.
var SourceKinds = []SourceKind{"news", "cable", "memo", "statement", "court", "dataset", "tracker"}

// Valid reports whether k is in the vocabulary.
func (k SourceKind) Valid() bool { return slices.Contains(SourceKinds, k) }

// ActorKind distinguishes countries from the other actors a dataset may need.
type ActorKind string

const (
	KindCountry     ActorKind = "country"     // an ISO 3166-1 country or Kosovo
	KindGroup       ActorKind = "group"       // an unnamed set of countries a source speaks of
	KindUnspecified ActorKind = "unspecified" // people whose nationality the source does not give
)

// Valid reports whether k is in the vocabulary.
func (k ActorKind) Valid() bool {
	return k == KindCountry || k == KindGroup || k == KindUnspecified
}

// VocabularyField is a field whose values come from a closed list: the
// one table the validator's lists are read from for every place that
// offers a choice (the workbook's drop-down lists, its Data dictionary).
type VocabularyField struct {
	Record string // relationship, source or country
	Field  string // the field's name, as FieldError and the CSV headers give it
	Values []string
}

// VocabularyFields lists every closed-vocabulary field with its values in
// documentation order. A field added to the model with a closed list
// belongs here, so every drop-down follows.
func VocabularyFields() []VocabularyField {
	quals := vocabStrings(Qualifiers)
	precisions := []string{Day.String(), Month.String(), Quarter.String(), Year.String()}
	return []VocabularyField{
		{"relationship", "type", vocabStrings(RelTypes)},
		{"relationship", "date_precision", precisions},
		{"relationship", "status", vocabStrings(Statuses)},
		{"relationship", "instrument", vocabStrings(Instruments)},
		{"relationship", "count_qualifier", quals},
		{"relationship", "amount_qualifier", quals},
		{"relationship", "confidence", vocabStrings(Confidences)},
		{"relationship", "stated_by", vocabStrings(Speakers)},
		{"relationship", "payment_tie", vocabStrings(PaymentTies)},
		{"source", "published_precision", precisions},
		{"source", "kind", vocabStrings(SourceKinds)},
		{"country", "kind", vocabStrings([]ActorKind{KindCountry, KindGroup, KindUnspecified})},
	}
}

func vocabStrings[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// Speaker says whose account an approached claim's status is. Only the
// pressed country's own account (or a reported decision of it) is its
// answer; the presser's account of the talks and a third party's reading
// are kept and shown, and set no answer.
type Speaker string

const (
	SpeakerNone Speaker = ""         // read as SpeakerPressed
	ByPressed   Speaker = "pressed"  // the pressed country's statement or reported decision
	ByPresser   Speaker = "presser"  // the pressing state's account of the talks
	ByObserver  Speaker = "observer" // a third party's reading, e.g. a summary
)

// Speakers lists the stated_by values in documentation order.
var Speakers = []Speaker{ByPressed, ByPresser, ByObserver}

// Valid reports whether s is empty or in the vocabulary.
func (s Speaker) Valid() bool { return s == SpeakerNone || slices.Contains(Speakers, s) }

// Effective is s with the default applied: empty means ByPressed.
func (s Speaker) Effective() Speaker {
	if s == SpeakerNone {
		return ByPressed
	}
	return s
}

// PaymentTie says what the sources tie a payment to. Only Tied matches the
// "payment -> acceptance" pattern; empty means the sources do not say.
type PaymentTie string

const (
	TieUnknown   PaymentTie = ""
	Tied         PaymentTie = "tied"          // a source ties it to accepting deportees
	Coincident   PaymentTie = "coincident"    // same time, tied by no source
	OtherPurpose PaymentTie = "other_purpose" // a source ties it to something else
)

// PaymentTies lists the payment_tie values in documentation order.
var PaymentTies = []PaymentTie{Tied, Coincident, OtherPurpose}

// Valid reports whether t is empty or in the vocabulary.
func (t PaymentTie) Valid() bool { return t == TieUnknown || slices.Contains(PaymentTies, t) }
