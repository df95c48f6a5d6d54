// Package briefing writes the offline HTML briefing: one self-contained
// file with a world map, the network, a month slider and the sources behind
// every line. The caller computes the analysis once (see package collect)
// and hands it over as Results; this package only lays out, projects and
// encodes, so the page's numbers are the analysis package's numbers.
//
// The file makes no request when opened: styles, script and map data are
// inlined, and a Content-Security-Policy forbids every fetch.
package briefing

import (
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// Results is everything the briefing shows, computed by the caller.
type Results struct {
	Dataset    *graphmodel.Dataset
	Provenance graphmodel.Provenance
	Window     analysis.Window
	// Generated is the time the About section states. Callers take it from
	// the dataset (Meta.Updated) so the same dataset gives the same bytes.
	Generated time.Time
	// Counted is analysis.Counted over Dataset.Relationships: which claim of
	// a set of alternative accounts enters sums.
	Counted      []bool
	Layers       []LayerResult
	Patterns     []analysis.Match
	Profiles     []analysis.Profile
	Dependencies []analysis.Dependency
	Timeline     []analysis.Month
	// Months are the slider's positions, oldest first; the slider has one
	// more position after them for the whole window.
	Months []MonthResult
	// Whole is the state of the whole window (the slider's last position).
	Whole MonthResult
	// Seed seeds the network layout.
	Seed uint64
	// Story is the sequence of views the page can step through.
	Story []StoryStep
}

// LayerResult is one analysis layer over the whole window.
type LayerResult struct {
	Layer analysis.Layer
	Types []graphmodel.RelType
	// Nodes are the view's nodes (analysis.View), Edges its weighted edges;
	// the layout is computed from them.
	Nodes []string
	Edges []network.Edge
	Hubs  []network.NodeMetrics
}

// MonthResult is the analysis as of the end of one month (or of the whole
// window): what the counts panel and the map show at that slider position.
type MonthResult struct {
	Month string `json:"month"` // YYYY-MM, or "" for the whole window
	// Relationships is len(analysis.Select) for the window ending with the month.
	Relationships int `json:"relationships"`
	// Coarse counts those dated only to a quarter or year: they stand for
	// their whole period, so they are in every month it overlaps.
	Coarse  int   `json:"coarse"`
	Matches int   `json:"matches"` // len(analysis.FindAll)
	People  int64 `json:"people"`  // at least this many people received (analysis.Totals)
	// UnknownSize, Payments and Agreements are analysis.Totals' for the
	// window (certain and possible together), the figures every verb
	// gives: receptions of unknown size, payment and agreement events.
	UnknownSize int `json:"unknown_size"`
	Payments    int `json:"payments"`
	Agreements  int `json:"agreements"`
	// Nodes and Edges are the layer graph's nodes and distinct directed
	// pairs without placeholders (analysis.View(…).Structural()), as
	// analyze reports them.
	Nodes map[analysis.Layer]int `json:"nodes"`
	Edges map[analysis.Layer]int `json:"edges"`
	// Countries holds the map's measures per actor with any.
	Countries map[graphmodel.Code]CountryMeasures `json:"countries"`
}

// CountryMeasures are the map's shadings for one actor in one window.
type CountryMeasures struct {
	Received   int64             `json:"received,omitempty"`   // counted people received into it (analysis.IsReception)
	Approached int               `json:"approached,omitempty"` // approaches to it
	Latest     graphmodel.Status `json:"latest,omitempty"`     // status of the latest approach to it
	Paid       int64             `json:"paid,omitempty"`       // counted amounts paid to it, all currencies at face value
	// PaidIn splits Paid by currency, so the page never adds currencies.
	PaidIn map[string]int64 `json:"paid_in,omitempty"`
	// UnknownSize counts its counted receptions whose size no source gives.
	UnknownSize int `json:"unknown_size,omitempty"`
}
