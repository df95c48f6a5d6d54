package briefing

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/exports/briefing/atlas"
	"github.com/leverage-project/leverage/graphmodel"
)

// payload is the JSON the page's script reads. Short keys keep a 10,000
// claim file small; the script names them back.
type payload struct {
	Meta      meta                        `json:"meta"`
	Map       mapData                     `json:"map"`
	Actors    map[graphmodel.Code]actor   `json:"actors"`
	Rels      []rel                       `json:"rels"`
	Sources   map[string]source           `json:"sources"`
	Groups    []group                     `json:"groups"`
	Layers    []layer                     `json:"layers"`
	Months    []string                    `json:"months"`
	Snapshots []MonthResult               `json:"snapshots"`
	Catalogue []pattern                   `json:"catalogue"`
	Matches   []match                     `json:"matches"`
	Profiles  map[graphmodel.Code]profile `json:"profiles"`
	Deps      []analysis.Dependency       `json:"deps"`
	Timeline  []analysis.Month            `json:"timeline"`
	Types     []vocab                     `json:"types"`
	Statuses  []vocab                     `json:"statuses"`
	// Story is the presentation the analyst steps through; see story.go.
	Story []StoryStep `json:"story"`
}

type meta struct {
	graphmodel.Provenance
	Description string   `json:"description"`
	License     string   `json:"license"`
	Citation    string   `json:"citation"`
	Updated     string   `json:"updated"`
	Generated   string   `json:"generated"`
	Window      string   `json:"window"`
	Caveats     []string `json:"caveats"`
}

type mapData struct {
	Width  int     `json:"w"`
	Height int     `json:"h"`
	Source string  `json:"source"`
	Shapes []shape `json:"shapes"`
}

type shape struct {
	Code graphmodel.Code `json:"c"`
	Path string          `json:"d,omitempty"` // empty: a stand-in dot
	X    float64         `json:"x"`
	Y    float64         `json:"y"`
}

type actor struct {
	Name   string `json:"n"`
	Kind   string `json:"k"`
	Region string `json:"r,omitempty"`
}

type rel struct {
	Key        string          `json:"id"`
	Event      string          `json:"ev,omitempty"`
	Type       string          `json:"t"`
	From       graphmodel.Code `json:"f"`
	To         graphmodel.Code `json:"o"`
	Date       string          `json:"d"`
	Precision  string          `json:"p"`
	Month      int             `json:"m"` // first slider position that includes it
	Status     string          `json:"s,omitempty"`
	Instrument string          `json:"i,omitempty"`
	Count      string          `json:"c,omitempty"`
	Amount     string          `json:"a,omitempty"`
	Confidence string          `json:"cf"`
	Sources    []string        `json:"src"`
	Note       string          `json:"n"`
	Counted    bool            `json:"k"`
	// The quantities again as parts, so the page formats every number one
	// way ("about 300", "up to USD 15 million") instead of Go's strings.
	CountValue      int64  `json:"cv,omitempty"`
	CountQualifier  string `json:"cq,omitempty"`
	AmountValue     int64  `json:"av,omitempty"`
	AmountCurrency  string `json:"cu,omitempty"`
	AmountQualifier string `json:"aq,omitempty"`
	// Reception marks a claim whose count is people received
	// (analysis.IsReception). With it and Counted the page adds up a
	// filtered window as the analysis would (a browser test compares the
	// two at every slider position).
	Reception bool `json:"rc,omitempty"`
	// PartOf is the id of the counted claim whose people include this
	// one's (graphmodel.Relationship.PartOf): while that claim is in the
	// window too, this one adds no reception (analysis.WithinGroups).
	PartOf string `json:"po,omitempty"`
	// Answer marks the pressed country's own statement of an answer to
	// the campaign (analysis.IsAnswer, analysis.Campaign); Campaign any
	// claim of the campaign. PeriodStart and PeriodEnd bound the event
	// (YYYY-MM-DD, the end exclusive; empty where the period is open), so
	// the page finds the answer in force as analysis.Answers does.
	// EventKey groups the alternative accounts of one event as
	// analysis.Counted does (event, type, endpoints, and what a status
	// undoes); empty for a claim without an event.
	EventKey    string `json:"ek,omitempty"`
	Answer      bool   `json:"an,omitempty"`
	Campaign    bool   `json:"cp,omitempty"`
	PeriodStart string `json:"ps,omitempty"`
	PeriodEnd   string `json:"pe,omitempty"`
}

type source struct {
	Publisher string `json:"p"`
	Title     string `json:"t"`
	Date      string `json:"d"`
	URL       string `json:"u,omitempty"`
	Kind      string `json:"k"`
	Note      string `json:"n,omitempty"`
}

// group is one drawn network edge: every claim of one type between one
// ordered pair, so the page draws a line per tie, not per claim.
type group struct {
	From graphmodel.Code `json:"f"`
	To   graphmodel.Code `json:"o"`
	Type string          `json:"t"`
	Rels []int           `json:"r"`
}

type layer struct {
	Name   analysis.Layer        `json:"name"`
	Types  []string              `json:"types"`
	Nodes  []node                `json:"nodes"`
	Groups []int                 `json:"groups"`
	Hubs   []network.NodeMetrics `json:"hubs"`
}

type node struct {
	ID string  `json:"id"`
	X  float64 `json:"x"`
	Y  float64 `json:"y"`
}

// match is an analysis.Match with its evidence as indices into rels, so
// a note is embedded once however many matches cite it.
type match struct {
	Pattern  string          `json:"pattern"`
	Country  graphmodel.Code `json:"country"`
	Other    graphmodel.Code `json:"other"`
	Summary  string          `json:"summary"`
	Evidence []int           `json:"evidence"`
	Sources  []string        `json:"sources"`
}

// profile is the headline of an analysis.Profile; its claims are found in
// rels by the page.
type profile struct {
	Region      string            `json:"region,omitempty"`
	Instruments []string          `json:"instruments,omitempty"`
	Outcome     graphmodel.Status `json:"outcome,omitempty"`
	PeopleIn    int64             `json:"people_in"`
	MoneyIn     map[string]int64  `json:"money_in,omitempty"`
	First       string            `json:"first,omitempty"`
	Last        string            `json:"last,omitempty"`
	Patterns    []string          `json:"patterns,omitempty"`
}

type pattern struct {
	Name       string `json:"name"`
	Title      string `json:"title"`
	Definition string `json:"definition"`
}

type vocab struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

var caveats = []string{
	"The claims come from news reports, some citing documents that are not public; each claim carries a confidence grade.",
	"Groups (GRP_…) stand for unnamed sets of countries and ZZ for people whose nationality the source does not give; they are listed beside the map, not placed on it.",
	"A date given only as a quarter or a year stands for the whole period: such a claim is in every month it overlaps and is marked as coarse, never placed in January.",
	"Where sources disagree about one event, each account is kept; sums count one of them (the most confident, then the largest), marked “counts”.",
	"Counts and amounts are taken at face value of their qualifier (“up to 50” weighs 50). Amounts in different currencies are not converted.",
	"migration_context claims are context a source weighs, not deportations: they are in no layer.",
}

func buildPayload(r Results) (payload, error) {
	d := r.Dataset
	world, err := atlas.World()
	if err != nil {
		return payload{}, err
	}
	p := payload{
		Meta: meta{Provenance: r.Provenance, Description: d.Meta.Description, License: d.Meta.License,
			Citation: d.Meta.Citation, Updated: d.Meta.Updated.String(),
			Generated: r.Generated.UTC().Format("2006-01-02 15:04:05 UTC"), Window: windowText(r.Window), Caveats: caveats},
		Map:      mapData{Width: atlas.Width, Height: atlas.Height, Source: world.Source},
		Actors:   map[graphmodel.Code]actor{},
		Sources:  map[string]source{},
		Profiles: map[graphmodel.Code]profile{},
		Deps:     r.Dependencies,
		Timeline: r.Timeline,
	}
	// Empty lists are written as [], never null, so the page's script can
	// iterate every one of them.
	p.Rels, p.Groups, p.Layers, p.Months, p.Matches = []rel{}, []group{}, []layer{}, []string{}, []match{}
	p.Deps, p.Timeline = nonNil(p.Deps), nonNil(p.Timeline)
	p.addMap(d, world)
	for _, s := range d.Sources {
		p.Sources[s.Key] = source{Publisher: s.Publisher, Title: s.Title, Date: s.Published.String(), URL: s.URL, Kind: string(s.Kind), Note: s.Note}
	}
	p.addRelationships(r)
	p.addLayers(r)
	p.addPatterns(r)
	for _, pr := range r.Profiles {
		x := profile{Region: pr.Region, Instruments: pr.Instruments, Outcome: pr.Outcome, PeopleIn: pr.PeopleIn,
			MoneyIn: pr.MoneyIn, First: pr.First, Last: pr.Last}
		for _, m := range pr.Patterns {
			if !slices.Contains(x.Patterns, m.Pattern) {
				x.Patterns = append(x.Patterns, m.Pattern)
			}
		}
		p.Profiles[pr.Country] = x
	}
	p.Story = nonNil(r.Story)
	for _, t := range graphmodel.RelTypes {
		p.Types = append(p.Types, vocab{Name: string(t), Text: t.Describe()})
	}
	for _, s := range graphmodel.Statuses {
		p.Statuses = append(p.Statuses, vocab{Name: string(s), Text: s.Describe()})
	}
	return p, nil
}

// addMap adds the actors the relationships use and the map's shapes: the
// atlas's, a stand-in dot for a country it lacks, Antarctica only when a
// claim names it.
func (p *payload) addMap(d *graphmodel.Dataset, world atlas.Map) {
	used := map[graphmodel.Code]bool{}
	for _, rl := range d.Relationships {
		used[rl.FromCountry], used[rl.ToCountry] = true, true
	}
	// Antarctica is drawn only when a claim names it; without it the map
	// ends at 58°S, below Cape Horn and the subantarctic islands, and the
	// inhabited world gets the room.
	if !used["AQ"] {
		_, y := atlas.Project(0, -58)
		p.Map.Height = int(math.Ceil(y))
	}
	for code, s := range world.Shapes {
		if code == "AQ" && !used["AQ"] {
			continue
		}
		p.Map.Shapes = append(p.Map.Shapes, shape{Code: graphmodel.Code(code), Path: s.Path, X: s.X, Y: s.Y})
	}
	for code := range used {
		c, ok := d.Registry.Country(code)
		if !ok {
			c = graphmodel.Country{Code: code, Name: string(code), Kind: graphmodel.KindUnspecified}
		}
		p.Actors[code] = actor{Name: c.Name, Kind: string(c.Kind), Region: c.Region}
		if _, shaped := world.Shapes[string(code)]; !shaped && c.Kind == graphmodel.KindCountry {
			if x, y, ok := atlas.StandIn(string(code)); ok {
				p.Map.Shapes = append(p.Map.Shapes, shape{Code: code, X: x, Y: y})
			}
		}
	}
	sort.Slice(p.Map.Shapes, func(i, j int) bool { return p.Map.Shapes[i].Code < p.Map.Shapes[j].Code })
}

// addRelationships adds the months, their snapshots, every relationship
// (with the month it falls in) and the groups of relationships one edge of
// the network stands for.
func (p *payload) addRelationships(r Results) {
	monthIndex := map[string]int{}
	for i, m := range r.Months {
		p.Months = append(p.Months, m.Month)
		monthIndex[m.Month] = i
	}
	p.Snapshots = append(append(p.Snapshots, r.Months...), r.Whole)
	groupOf := map[[3]string]int{}
	d := r.Dataset
	campaign := analysis.Campaign(d)
	for i, rl := range d.Relationships {
		m := len(r.Months) // undated: only the whole window
		if !rl.Date.IsZero() && len(r.Months) > 0 {
			start := rl.Date.Start().Format("2006-01")
			if j, ok := monthIndex[start]; ok {
				m = j
			} else if start < r.Months[0].Month {
				m = 0 // a coarse claim from before the first month overlaps every window
			}
		}
		x := rel{Key: rl.Key, Event: rl.Event, Type: string(rl.Type), From: rl.FromCountry, To: rl.ToCountry,
			Date: rl.Date.String(), Precision: rl.Date.Kind(), Month: m, Status: string(rl.Status),
			Instrument: string(rl.Instrument), Confidence: string(rl.Confidence), Sources: rl.Sources, Note: rl.Note,
			Counted: i < len(r.Counted) && r.Counted[i], PartOf: rl.PartOf}
		if !rl.Count.IsZero() {
			x.Count = rl.Count.String()
			x.CountValue, x.CountQualifier = rl.Count.Value, string(rl.Count.Qualifier)
		}
		if !rl.Money.IsZero() {
			x.Amount = rl.Money.String()
			x.AmountValue, x.AmountCurrency, x.AmountQualifier = rl.Money.Amount, rl.Money.Currency, string(rl.Money.Qualifier)
		}
		x.Reception = analysis.IsReception(&rl)
		if rl.Event != "" {
			x.EventKey = strings.Join([]string{rl.Event, string(rl.Type), string(rl.FromCountry), string(rl.ToCountry), string(rl.Status.Undoes())}, "|")
		}
		x.Answer, x.Campaign = analysis.IsAnswer(&rl) && campaign(&rl), campaign(&rl)
		if !rl.Date.IsZero() && !rl.Date.OpenStart() {
			x.PeriodStart = rl.Date.Start().Format("2006-01-02")
		}
		if !rl.Date.IsZero() && !rl.Date.OpenEnd() {
			x.PeriodEnd = rl.Date.End().Format("2006-01-02")
		}
		p.Rels = append(p.Rels, x)
		if rl.FromCountry == rl.ToCountry || (rl.Type == graphmodel.Received && rl.Status == graphmodel.Planned) {
			// As in analysis.View: own-citizen returns are no tie, and a
			// planned reception moved nobody. Both stay in the profiles.
			continue
		}
		k := [3]string{string(rl.FromCountry), string(rl.ToCountry), string(rl.Type)}
		g, ok := groupOf[k]
		if !ok {
			g = len(p.Groups)
			groupOf[k] = g
			p.Groups = append(p.Groups, group{From: rl.FromCountry, To: rl.ToCountry, Type: string(rl.Type)})
		}
		p.Groups[g].Rels = append(p.Groups[g].Rels, i)
	}
}

// addLayers adds each layer's hubs, laid-out nodes and the groups of its
// relationship types (after addRelationships).
func (p *payload) addLayers(r Results) {
	for _, l := range r.Layers {
		pos := layout(l.Nodes, l.Edges, r.Seed)
		ly := layer{Name: l.Layer, Hubs: nonNil(l.Hubs), Nodes: []node{}, Groups: []int{}, Types: []string{}}
		in := map[string]bool{}
		for _, t := range l.Types {
			ly.Types = append(ly.Types, string(t))
			in[string(t)] = true
		}
		for _, n := range l.Nodes {
			ly.Nodes = append(ly.Nodes, node{ID: n, X: pos[n][0], Y: pos[n][1]})
		}
		for gi, g := range p.Groups {
			if in[g.Type] {
				ly.Groups = append(ly.Groups, gi)
			}
		}
		p.Layers = append(p.Layers, ly)
	}
}

// addPatterns adds the pattern catalogue and the matches, their evidence
// as indices into Rels.
func (p *payload) addPatterns(r Results) {
	for _, pt := range analysis.Patterns {
		p.Catalogue = append(p.Catalogue, pattern{Name: pt.Name, Title: pt.Title, Definition: pt.Definition})
	}
	relIndex := make(map[string]int, len(r.Dataset.Relationships))
	for i, rl := range r.Dataset.Relationships {
		relIndex[rl.Key] = i
	}
	for _, m := range r.Patterns {
		x := match{Pattern: m.Pattern, Country: m.Country, Other: m.Other, Summary: m.Summary, Sources: m.Sources}
		for _, e := range m.Evidence {
			if i, ok := relIndex[e.Key]; ok {
				x.Evidence = append(x.Evidence, i)
			}
		}
		p.Matches = append(p.Matches, x)
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func windowText(w analysis.Window) string {
	if w.IsOpen() {
		return "all dates"
	}
	return w.String()
}
