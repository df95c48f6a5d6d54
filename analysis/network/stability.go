package network

import (
	"context"
	"math"
	"math/rand/v2"
)

// Stability says whether a layer's communities are structure or noise:
// how much Louvain's partition changes with the seed, and how the
// modularity found compares with that of random graphs with the same
// degrees. Modularity maximisation finds communities in random graphs too,
// so a partition is worth reading only when it is both stable and well
// above the null.
type Stability struct {
	// Seeds are the seeds of the single Louvain runs compared.
	Seeds []uint64 `json:"seeds"`
	// MeanNMI is the mean normalised mutual information over all pairs of
	// the runs' partitions (arithmetic normalisation, 2·I/(H1+H2), as
	// sklearn's default; 1 when both partitions are trivial). MinNMI is
	// the least similar pair.
	MeanNMI float64 `json:"mean_pairwise_nmi"`
	MinNMI  float64 `json:"min_pairwise_nmi"`
	// Observed is the modularity Louvain reports (best of its restarts).
	Observed float64 `json:"modularity"`
	// NullSamples degree-preserving randomisations were made, each by
	// SwapsPerEdge·m accepted-or-rejected double-edge swaps (Maslov and
	// Sneppen 2002) on the undirected simple graph, weights moving with
	// their edges; NullMean and NullSD are the mean and sample standard
	// deviation of the modularity Louvain finds on them, the same way.
	NullSamples  int     `json:"null_samples"`
	SwapsPerEdge int     `json:"swaps_per_edge"`
	NullMean     float64 `json:"null_modularity_mean"`
	NullSD       float64 `json:"null_modularity_sd"`
	// Z is (Observed − NullMean) / NullSD (0 when NullSD is 0).
	Z float64 `json:"z"`
	// Nodes and Edges are the size of the undirected graph.
	Nodes int `json:"nodes"`
	Edges int `json:"undirected_edges"`
}

// Defaults of CommunityStability as analyze and the workbook run it.
const (
	StabilityRuns        = 10
	StabilityNullSamples = 10
	stabilitySwaps       = 10
)

// CommunityStability measures g's Louvain communities (on g.Structural(),
// like Louvain): runs single seeded runs from seed for the NMI, and
// nullSamples randomisations for the null modularity. The same arguments
// give the same result. Once ctx is done it stops between Louvain runs,
// returning ctx's error.
func CommunityStability(ctx context.Context, g *Graph, seed uint64, runs, nullSamples int) (Stability, error) {
	sg := g.Structural()
	u := undirectedOf(sg)
	observed, err := Louvain(ctx, g, seed)
	if err != nil {
		return Stability{}, err
	}
	st := Stability{Nodes: sg.Len(), Edges: len(u.adj) / 2, NullSamples: nullSamples, SwapsPerEdge: stabilitySwaps,
		Observed: observed.Modularity}
	var parts [][]int32
	for i := 0; i < runs; i++ {
		s := runSeed(seed, i)
		st.Seeds = append(st.Seeds, s)
		member, _, err := louvainCSRContext(ctx, u, s)
		if err != nil {
			return Stability{}, err
		}
		parts = append(parts, member)
	}
	st.MeanNMI, st.MinNMI = 1, 1
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
	}
	if st.Edges == 0 || nullSamples == 0 {
		return st, nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x5ab1e))
	qs := make([]float64, nullSamples)
	runsPer := 1
	if sg.Edges() < LouvainRestartEdges {
		runsPer = LouvainRestarts
	}
	for k := range qs {
		r := rewire(u, stabilitySwaps, rng)
		best := math.Inf(-1)
		for i := 0; i < runsPer; i++ {
			_, q, err := louvainCSRContext(ctx, r, runSeed(seed+uint64(k+1)*0x51ed, i))
			if err != nil {
				return Stability{}, err
			}
			best = math.Max(best, q)
		}
		qs[k] = best
	}
	for _, q := range qs {
		st.NullMean += q
	}
	st.NullMean /= float64(len(qs))
	if len(qs) > 1 {
		for _, q := range qs {
			st.NullSD += (q - st.NullMean) * (q - st.NullMean)
		}
		st.NullSD = math.Sqrt(st.NullSD / float64(len(qs)-1))
	}
	if st.NullSD > 0 {
		st.Z = (st.Observed - st.NullMean) / st.NullSD
	}
	return st, nil
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

// rewire returns a degree-preserving randomisation of u: swaps·m double
// edge swaps (a–b, c–d → a–d, c–b, or a–c, b–d), each rejected if it would
// make a loop or a parallel edge. Weights move with the first endpoint's
// half of each edge, so degrees are kept exactly and strengths only
// approximately.
func rewire(u *undirected, swaps int, rng *rand.Rand) *undirected {
	type edge struct {
		a, b int32
		w    float64
	}
	var es []edge
	has := map[[2]int32]bool{}
	key := func(a, b int32) [2]int32 {
		if a > b {
			a, b = b, a
		}
		return [2]int32{a, b}
	}
	for a := int32(0); int(a) < u.n(); a++ {
		for k := u.start[a]; k < u.start[a+1]; k++ {
			if b := u.adj[k]; a < b {
				es = append(es, edge{a, b, u.w[k]})
				has[key(a, b)] = true
			}
		}
	}
	m := len(es)
	if m >= 2 {
		for t := 0; t < swaps*m; t++ {
			i, j := rng.IntN(m), rng.IntN(m)
			if i == j {
				continue
			}
			e, f := es[i], es[j]
			c, d := f.a, f.b
			if rng.IntN(2) == 0 {
				c, d = d, c
			}
			// e.a–e.b, c–d  →  e.a–d, c–e.b
			if e.a == d || c == e.b || has[key(e.a, d)] || has[key(c, e.b)] {
				continue
			}
			delete(has, key(e.a, e.b))
			delete(has, key(c, d))
			has[key(e.a, d)], has[key(c, e.b)] = true, true
			es[i], es[j] = edge{e.a, d, e.w}, edge{c, e.b, f.w}
		}
	}
	lists := make([][]halfEdge, u.n())
	for _, e := range es {
		lists[e.a] = append(lists[e.a], halfEdge{e.b, e.w})
		lists[e.b] = append(lists[e.b], halfEdge{e.a, e.w})
	}
	return fromLists(lists, make([]float64, u.n()))
}
