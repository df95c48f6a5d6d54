package analysis

import (
	"context"
	"fmt"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// Results is one analysis of a dataset in a window, the single place the
// exports take their numbers from: every layer's view with its hub metrics,
// communities and their stability, pattern matches, the timeline,
// single-receiver dependencies, profiles and the summary. Each part is
// computed the first time it is asked for and kept, so the workbook, the
// graph files and the briefing written from one Results show the numbers
// of one computation, and an export that needs only PageRank runs only the
// metrics. A Results is not safe for concurrent use.
type Results struct {
	Dataset *graphmodel.Dataset
	Window  Window
	// Options choose the views' treatment of placeholders (see ViewWith).
	Options Options
	// Seed seeds Louvain (communities and their stability).
	Seed uint64
	// Settings are the hub metrics' parameters (network.DefaultSettings
	// unless changed before the first layer is asked for).
	Settings network.Settings

	layers       map[Layer]*LayerResult
	stability    *network.Stability
	patterns     []Match
	timeline     []Month
	dependencies []Dependency
	profiles     []Profile
	summary      *Summary
	done         map[string]bool
}

// NewResults prepares the analysis of d in w; nothing is computed yet.
func NewResults(d *graphmodel.Dataset, w Window, opt Options, seed uint64) *Results {
	return &Results{Dataset: d, Window: w, Options: opt, Seed: seed, Settings: network.DefaultSettings(),
		layers: map[Layer]*LayerResult{}, done: map[string]bool{}}
}

// LayerResult is one layer's view (ViewWith) and what is computed on it.
type LayerResult struct {
	Layer Layer
	Graph *network.Graph
	// Hubs are the nodes' metrics in index order (network.Hubs), Runs
	// the settings and convergence of each metric.
	Hubs []network.NodeMetrics
	Runs []network.MetricRun
	// UnknownWeight counts the layer's relationships whose size no source
	// gives (Layer.Weight): edges for the unweighted metrics, weighing 0
	// in strengths, weighted PageRank and HITS and the communities. When
	// every edge of the graph paths run through is such (the seed's onward
	// layer), the communities run unweighted (Communities().Unweighted).
	UnknownWeight int

	seed        uint64
	resolution  float64
	directed    bool
	communities *network.Communities
	// d and w are the dataset and window the view was built from, for the
	// null model's relationship types (EdgeClasses).
	d *graphmodel.Dataset
	w Window
}

// Layer is layer's view with its hub metrics, computed on the first call:
// the one place a layer becomes metrics. The exports read a Results
// whole, so the kernels run to the end (a background context).
func (r *Results) Layer(l Layer) *LayerResult {
	if lr, ok := r.layers[l]; ok {
		return lr
	}
	g := ViewWith(r.Dataset, l, r.Window, r.Options)
	hubs, runs, err := network.Hubs(context.Background(), g, r.Settings)
	if err != nil {
		panic(err) // a background context is never done
	}
	lr := &LayerResult{Layer: l, Graph: g, Hubs: hubs, Runs: runs, UnknownWeight: UnknownWeights(r.Dataset, l, r.Window), seed: r.Seed, resolution: r.Settings.Resolution, directed: r.Settings.DirectedModularity, d: r.Dataset, w: r.Window}
	r.layers[l] = lr
	return lr
}

// WeightNote says, in one line for people, how unknown sizes enter the
// layer's weighted metrics; empty when every relationship of the layer has
// a known weight.
func (lr *LayerResult) WeightNote() string {
	if lr.UnknownWeight == 0 {
		return ""
	}
	s := fmt.Sprintf("%d relationships of the layer have no size a source gives: they are edges in degree, PageRank, HITS and paths, and weigh nothing in strengths, weighted PageRank and HITS and communities", lr.UnknownWeight)
	if lr.Communities().Unweighted {
		s += "; no edge of the graph has a known size, so the communities were found on unit weights"
	}
	return s
}

// Ranked is the layer's metrics ordered by m (network.Rank).
func (lr *LayerResult) Ranked(m network.Metric) ([]network.NodeMetrics, error) {
	return network.Rank(lr.Hubs, m)
}

// Communities are the layer's Louvain communities (network.Louvain with the
// Results' seed), computed on the first call.
func (lr *LayerResult) Communities() network.Communities {
	if lr.communities == nil {
		louvain := network.LouvainResolution
		if lr.directed {
			louvain = network.LouvainDirected
		}
		c, err := louvain(context.Background(), lr.Graph, lr.seed, lr.resolution)
		if err != nil {
			panic(err) // a background context is never done
		}
		lr.communities = &c
	}
	return *lr.communities
}

// Stability is the stability of LayerAll's communities with the default
// runs and null samples and the typed null model (LayerResult.Stability),
// computed once.
func (r *Results) Stability() network.Stability {
	if r.stability == nil {
		s, err := r.Layer(LayerAll).Stability(context.Background(), network.StabilityOptions{})
		if err != nil {
			panic(err) // a background context is never done
		}
		r.stability = &s
	}
	return *r.stability
}

// Stability measures the layer's communities (network.
// CommunityStabilityWith with the Results' seed and o's runs and samples)
// against the null model that keeps each relationship type's degrees and
// direction (EdgeClasses).
func (lr *LayerResult) Stability(ctx context.Context, o network.StabilityOptions) (network.Stability, error) {
	o.Seed, o.Classes, o.Resolution, o.Directed = lr.seed, EdgeClasses(lr.d, lr.Layer, lr.w), lr.resolution, lr.directed
	return network.CommunityStabilityWith(ctx, lr.Graph, o)
}

// once runs compute the first time key is asked for.
func (r *Results) once(key string, compute func()) {
	if !r.done[key] {
		compute()
		r.done[key] = true
	}
}

// Patterns are the pattern matches in the window (FindAll).
func (r *Results) Patterns() []Match {
	r.once("patterns", func() { r.patterns = FindAll(r.Dataset, r.Window) })
	return r.patterns
}

// Timeline is the monthly timeline of the window (Timeline).
func (r *Results) Timeline() []Month {
	r.once("timeline", func() { r.timeline = Timeline(r.Dataset, r.Window) })
	return r.timeline
}

// Dependencies are the single-receiver dependencies in the window.
func (r *Results) Dependencies() []Dependency {
	r.once("dependencies", func() { r.dependencies = SingleReceiverDependenciesWith(r.Dataset, r.Window, r.Options) })
	return r.dependencies
}

// Profiles are every country's profile in the window (Profiles).
func (r *Results) Profiles() []Profile {
	r.once("profiles", func() { r.profiles = Profiles(r.Dataset, r.Window) })
	return r.profiles
}

// Summary is the dataset's summary (Summarize; it takes no window).
func (r *Results) Summary() Summary {
	r.once("summary", func() { s := Summarize(r.Dataset); r.summary = &s })
	return *r.summary
}
