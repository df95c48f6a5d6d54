package network

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Stability says whether a layer's communities are structure or noise:
// how much Louvain's partition changes with the seed, and how the
// modularity found compares with that of random graphs with the same
// degrees. Modularity maximisation finds communities in random graphs too,
// so a partition is worth reading only when it is both stable and
// significantly above the null.
type Stability struct {
	// Seeds are the seeds of the single Louvain runs compared.
	Seeds []uint64 `json:"seeds"`
	// MeanNMI is the mean normalised mutual information over all pairs of
	// the runs' partitions (arithmetic normalisation, 2·I/(H1+H2), as
	// sklearn's default; 1 when both partitions are trivial). MinNMI is
	// the least similar pair. With one run there is no pair: both are 1
	// and Partition says "not assessed".
	MeanNMI float64 `json:"mean_pairwise_nmi"`
	MinNMI  float64 `json:"min_pairwise_nmi"`
	// Observed is the modularity Louvain reports (best of its restarts).
	Observed float64 `json:"modularity"`
	// NullModel names the randomisation (NullTypedDirected or
	// NullDirected). NullSamples randomisations were made (at least
	// MinNullSamples, more while the p-values' intervals were undecided,
	// at most MaxNullSamples), each by SwapsPerEdge·m attempted swaps;
	// NullMean and NullSD are the mean and sample standard deviation of
	// the modularity Louvain finds on them, the same way as on the
	// observed graph.
	NullModel      string  `json:"null_model"`
	NullSamples    int     `json:"null_samples"`
	MinNullSamples int     `json:"null_samples_min"`
	MaxNullSamples int     `json:"null_samples_max"`
	SwapsPerEdge   int     `json:"swaps_per_edge"`
	NullMean       float64 `json:"null_modularity_mean"`
	NullSD         float64 `json:"null_modularity_sd"`
	// Z is (Observed − NullMean) / NullSD (0 when NullSD is 0); reported
	// for comparison only, the verdict rests on the empirical p-values.
	Z float64 `json:"z"`
	// PAbove and PBelow are the empirical p-values (North, Curtis and Sham,
	// Am. J. Hum. Genet. 71, 2002): (1 + #null ≥ observed) / (N + 1), and
	// the same with ≤. Their intervals are 95% Clopper–Pearson intervals of
	// the exceedance fraction.
	PAbove   float64    `json:"p_above"`
	PBelow   float64    `json:"p_below"`
	PAboveCI [2]float64 `json:"p_above_interval"`
	PBelowCI [2]float64 `json:"p_below_interval"`
	// Alpha is the level of each one-sided test, NMIThreshold the mean NMI
	// from which a partition is called stable.
	Alpha        float64 `json:"alpha"`
	NMIThreshold float64 `json:"nmi_threshold"`
	// Significance is SignificanceAbove, SignificanceBelow,
	// SignificanceNone, SignificanceUndecided or SignificanceNotAssessed;
	// Partition is PartitionStable, PartitionUnstable or
	// PartitionNotAssessed.
	Significance string `json:"significance"`
	Partition    string `json:"partition"`
	// Nodes and Edges are the size of the undirected graph.
	Nodes int `json:"nodes"`
	Edges int `json:"undirected_edges"`
}

// Verdicts of Stability.
const (
	SignificanceAbove       = "above"
	SignificanceBelow       = "below"
	SignificanceNone        = "not distinguishable"
	SignificanceUndecided   = "undecided"
	SignificanceNotAssessed = "not assessed"
	PartitionStable         = "stable"
	PartitionUnstable       = "unstable"
	PartitionNotAssessed    = "not assessed"
)

// Defaults of CommunityStability as analyze and the workbook run it.
// A hundred samples decide p = 0 against α = 0.05 (the Clopper–Pearson
// upper bound of 0/100 is 0.036); ten, the old default, could not, and
// read a zero-variance draw as significance.
const (
	StabilityRuns           = 10
	StabilityNullSamples    = 100
	StabilityMaxNullSamples = 5000
	StabilityAlpha          = 0.05
	StabilityNMIThreshold   = 0.8
	stabilitySwaps          = 10
)

// StabilityOptions are CommunityStability's settings; the zero value of a
// field means its default above.
type StabilityOptions struct {
	Seed uint64
	// Runs single seeded runs are compared by NMI (1: not assessed).
	Runs int
	// NullSamples is the least number of randomisations (0 with NoNull:
	// none); while a p-value's interval straddles Alpha, batches of
	// NullSamples more are drawn, up to MaxNullSamples.
	NullSamples, MaxNullSamples int
	NoNull                      bool
	Alpha                       float64
	// Classes gives each directed edge (from, to) its class: the rewiring
	// swaps heads only between edges of one class. Nil: one class.
	Classes map[[2]string]string
	// Resolution is Louvain's modularity resolution γ (0: 1), on the
	// observed graph and the null samples alike; Directed chooses directed
	// modularity (LouvainDirected) for both.
	Resolution float64
	Directed   bool
}

func (o StabilityOptions) withDefaults() StabilityOptions {
	if o.Runs == 0 {
		o.Runs = StabilityRuns
	}
	if o.NullSamples == 0 && !o.NoNull {
		o.NullSamples = StabilityNullSamples
	}
	if o.MaxNullSamples < o.NullSamples {
		o.MaxNullSamples = max(o.NullSamples, StabilityMaxNullSamples)
	}
	if o.NoNull {
		o.NullSamples, o.MaxNullSamples = 0, 0
	}
	if o.Alpha == 0 {
		o.Alpha = StabilityAlpha
	}
	return o
}

// CommunityStability measures g's Louvain communities with runs seeded
// runs and at least nullSamples randomisations in one edge class (see
// CommunityStabilityWith).
func CommunityStability(ctx context.Context, g *Graph, seed uint64, runs, nullSamples int) (Stability, error) {
	return CommunityStabilityWith(ctx, g, StabilityOptions{Seed: seed, Runs: runs, NullSamples: nullSamples, NoNull: nullSamples == 0})
}

// CommunityStabilityWith measures g's Louvain communities (on
// g.Structural(), like Louvain): single seeded runs from o.Seed for the
// NMI, and randomisations by o's null model for the empirical p-values of
// the observed modularity in both directions. The same options give the
// same result. Once ctx is done it stops between Louvain runs, returning
// ctx's error.
func CommunityStabilityWith(ctx context.Context, g *Graph, o StabilityOptions) (Stability, error) {
	o = o.withDefaults()
	sg, _ := CommunityGraph(g)
	u := undirectedOf(sg)
	u.gamma = o.Resolution
	// run is one seeded Louvain run on a graph given by its arcs (the
	// observed ones: nil), on the modularity o asks for.
	dg := directedOf(sg.Len(), arcsOf(sg), o.Resolution)
	run := func(arcs []dEdge, seed uint64) ([]int32, float64, error) {
		switch {
		case o.Directed && arcs == nil:
			return louvainDirected(ctx, dg, seed)
		case o.Directed:
			return louvainDirected(ctx, directedOf(sg.Len(), arcs, o.Resolution), seed)
		case arcs == nil:
			return louvainCSRContext(ctx, u, seed)
		}
		r := foldArcs(sg.Len(), arcs)
		r.gamma = o.Resolution
		return louvainCSRContext(ctx, r, seed)
	}
	louvain := LouvainResolution
	if o.Directed {
		louvain = LouvainDirected
	}
	observed, err := louvain(ctx, g, o.Seed, u.resolution())
	if err != nil {
		return Stability{}, err
	}
	st := Stability{Nodes: sg.Len(), Edges: len(u.adj) / 2, SwapsPerEdge: stabilitySwaps, MinNullSamples: o.NullSamples,
		MaxNullSamples: o.MaxNullSamples, Alpha: o.Alpha, NMIThreshold: StabilityNMIThreshold, NullModel: NullDirected,
		Observed: observed.Modularity}
	if o.Classes != nil {
		st.NullModel = NullTypedDirected
	}
	var parts [][]int32
	for i := 0; i < o.Runs; i++ {
		s := runSeed(o.Seed, i)
		st.Seeds = append(st.Seeds, s)
		member, _, err := run(nil, s)
		if err != nil {
			return Stability{}, err
		}
		parts = append(parts, member)
	}
	st.MeanNMI, st.MinNMI, st.Partition = 1, 1, PartitionNotAssessed
	if len(parts) > 1 {
		sum, pairs := 0.0, 0
		for i := range parts {
			for j := i + 1; j < len(parts); j++ {
				x := NMI(parts[i], parts[j])
				sum += x
				pairs++
				st.MinNMI = math.Min(st.MinNMI, x)
			}
		}
		st.MeanNMI = sum / float64(pairs)
		st.Partition = PartitionUnstable
		if st.MeanNMI >= StabilityNMIThreshold {
			st.Partition = PartitionStable
		}
	}
	st.Significance = SignificanceNotAssessed
	if st.Edges == 0 || o.NullSamples == 0 {
		return st, nil
	}
	es, nclass := typedEdges(sg, o.Classes)
	rng := rand.New(rand.NewPCG(o.Seed, 0x5ab1e))
	runsPer := 1
	if sg.Edges() < LouvainRestartEdges {
		runsPer = LouvainRestarts
	}
	var qs []float64
	for len(qs) < o.MaxNullSamples {
		for b := 0; b < o.NullSamples && len(qs) < o.MaxNullSamples; b++ {
			k := len(qs)
			arcs := rewireTypedEdges(es, nclass, stabilitySwaps, rng)
			best := math.Inf(-1)
			for i := 0; i < runsPer; i++ {
				_, q, err := run(arcs, runSeed(o.Seed+uint64(k+1)*0x51ed, i))
				if err != nil {
					return Stability{}, err
				}
				best = math.Max(best, q)
			}
			qs = append(qs, best)
		}
		st.judge(qs)
		if st.Significance != SignificanceUndecided {
			break
		}
	}
	return st, nil
}

// modularityTies is how close two modularities must be to count as equal
// when the null is compared with the observed: the same partition summed
// in another order differs in the last bits.
const modularityTies = 1e-12

// judge sets the null statistics, p-values and verdict from the null
// modularities qs.
func (st *Stability) judge(qs []float64) {
	n := len(qs)
	st.NullSamples = n
	st.NullMean, st.NullSD, st.Z = 0, 0, 0
	for _, q := range qs {
		st.NullMean += q
	}
	st.NullMean /= float64(n)
	spread := 0.0
	if n > 1 {
		for _, q := range qs {
			st.NullSD += (q - st.NullMean) * (q - st.NullMean)
			spread = math.Max(spread, math.Abs(q-qs[0]))
		}
		st.NullSD = math.Sqrt(st.NullSD / float64(n-1))
	}
	if st.NullSD > 0 {
		st.Z = (st.Observed - st.NullMean) / st.NullSD
	}
	above, below := 0, 0
	for _, q := range qs {
		if q >= st.Observed-modularityTies {
			above++
		}
		if q <= st.Observed+modularityTies {
			below++
		}
	}
	st.PAbove = float64(above+1) / float64(n+1)
	st.PBelow = float64(below+1) / float64(n+1)
	st.PAboveCI = clopperPearson(above, n)
	st.PBelowCI = clopperPearson(below, n)
	decided := func(ci [2]float64) (sig, decided bool) {
		return ci[1] < st.Alpha, ci[1] < st.Alpha || ci[0] > st.Alpha
	}
	sa, da := decided(st.PAboveCI)
	sb, db := decided(st.PBelowCI)
	switch {
	case spread <= modularityTies:
		// Every randomisation gave one modularity: the degrees leave no
		// room to compare against, whatever the observed value.
		st.Significance = SignificanceNotAssessed
	case sa:
		st.Significance = SignificanceAbove
	case sb:
		st.Significance = SignificanceBelow
	case da && db:
		st.Significance = SignificanceNone
	default:
		st.Significance = SignificanceUndecided
	}
}

// Phrase is one part of a verdict: a kind from VerdictText and its
// parameters, so a reader in another language can word it (the workbook
// does) without taking the English apart.
type Phrase struct {
	Kind string
	Args []any
}

// VerdictText is the English of each verdict phrase, a format for its
// Args.
var VerdictText = map[string]string{
	"sig_above":         "modularity above random graphs (p_above %.3g ≤ α %g)",
	"sig_below":         "modularity below random graphs: less modular than chance (p_below %.3g ≤ α %g)",
	"sig_none":          "modularity not distinguishable from random graphs (p_above %.3g, p_below %.3g, both > α %g)",
	"sig_undecided":     "significance undecided after %d samples (a p-value's 95%% interval contains α %g)",
	"sig_no_null":       "significance not assessed (no null model run)",
	"sig_no_edges":      "significance not assessed (no edges)",
	"sig_no_variance":   "significance not assessed: every randomisation gave the same modularity (no variance to test against)",
	"part_stable":       "partition stable (mean NMI %.3f ≥ %g)",
	"part_unstable":     "partition changes with the seed (mean NMI %.3f < %g): read single memberships with care",
	"part_not_assessed": "partition stability not assessed (one run)",
}

// VerdictPhrases are the verdict's two phrases: significance, partition.
func (st Stability) VerdictPhrases() [2]Phrase {
	var sig Phrase
	switch st.Significance {
	case SignificanceAbove:
		sig = Phrase{"sig_above", []any{st.PAbove, st.Alpha}}
	case SignificanceBelow:
		sig = Phrase{"sig_below", []any{st.PBelow, st.Alpha}}
	case SignificanceNone:
		sig = Phrase{"sig_none", []any{st.PAbove, st.PBelow, st.Alpha}}
	case SignificanceUndecided:
		sig = Phrase{"sig_undecided", []any{st.NullSamples, st.Alpha}}
	default:
		switch {
		case st.NullSamples == 0 && st.MinNullSamples == 0:
			sig = Phrase{Kind: "sig_no_null"}
		case st.Edges == 0:
			sig = Phrase{Kind: "sig_no_edges"}
		default:
			sig = Phrase{Kind: "sig_no_variance"}
		}
	}
	var part Phrase
	switch st.Partition {
	case PartitionStable:
		part = Phrase{"part_stable", []any{st.MeanNMI, st.NMIThreshold}}
	case PartitionUnstable:
		part = Phrase{"part_unstable", []any{st.MeanNMI, st.NMIThreshold}}
	default:
		part = Phrase{Kind: "part_not_assessed"}
	}
	return [2]Phrase{sig, part}
}

// Verdict says in words what the figures support, with the thresholds
// beside it so a reader can disagree with them.
func (st Stability) Verdict() string {
	p := st.VerdictPhrases()
	return fmt.Sprintf(VerdictText[p[0].Kind], p[0].Args...) + "; " + fmt.Sprintf(VerdictText[p[1].Kind], p[1].Args...)
}

// NMI is the normalised mutual information of two partitions of the same
// nodes (labels are arbitrary integers), as Danon, Díaz-Guilera, Duch and
// Arenas compare community partitions ("Comparing community structure
// identification", J. Stat. Mech. P09008, 2005):
//
//	NMI(A, B) = 2·I(A;B) / (H(A) + H(B)),
//
// 1 when both have one block.
func NMI(a, b []int32) float64 {
	n := float64(len(a))
	if n == 0 {
		return 1
	}
	// Counts are kept in slices in order of first appearance, not in maps,
	// so the sums below run in one order and the result is the same bits
	// on every run (a map's random order changed the last digit).
	type pair struct{ x, y int32 }
	jointIndex := map[pair]int{}
	var joint []float64
	var jointPairs []pair
	ca, cb := map[int32]float64{}, map[int32]float64{}
	var orderA, orderB []int32
	for i := range a {
		p := pair{a[i], b[i]}
		j, ok := jointIndex[p]
		if !ok {
			j = len(joint)
			jointIndex[p] = j
			joint = append(joint, 0)
			jointPairs = append(jointPairs, p)
		}
		joint[j]++
		if _, ok := ca[a[i]]; !ok {
			orderA = append(orderA, a[i])
		}
		if _, ok := cb[b[i]]; !ok {
			orderB = append(orderB, b[i])
		}
		ca[a[i]]++
		cb[b[i]]++
	}
	entropy := func(c map[int32]float64, order []int32) float64 {
		h := 0.0
		for _, label := range order {
			p := c[label] / n
			h -= p * math.Log(p)
		}
		return h
	}
	ha, hb := entropy(ca, orderA), entropy(cb, orderB)
	if ha+hb == 0 {
		return 1
	}
	mi := 0.0
	for j, p := range jointPairs {
		k := joint[j]
		mi += k / n * math.Log(k*n/(ca[p.x]*cb[p.y]))
	}
	return math.Max(0, math.Min(1, 2*mi/(ha+hb)))
}

// clopperPearson is the exact 95% interval of a binomial proportion k/n
// (Clopper and Pearson, Biometrika 26, 1934), from Beta quantiles.
func clopperPearson(k, n int) [2]float64 {
	ci := [2]float64{0, 1}
	if k > 0 {
		ci[0] = distuv.Beta{Alpha: float64(k), Beta: float64(n - k + 1)}.Quantile(0.025)
	}
	if k < n {
		ci[1] = distuv.Beta{Alpha: float64(k + 1), Beta: float64(n - k)}.Quantile(0.975)
	}
	return ci
}
