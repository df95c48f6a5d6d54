package network

import (
	"context"
	"math"
	"math/rand/v2"

	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
)

// Leiden finds communities on the undirected weighted view with the Leiden
// algorithm (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
// guaranteeing well-connected communities", Sci. Rep. 9:5233): the paper's
// fast local moving (fastLocalMoving: after a first round over every node
// only nodes whose neighbourhood changed are looked at again, where
// Louvain's passes look at every node each time), then a refinement that
// splits each community into well-connected parts before aggregation, so
// no community it returns is disconnected — Louvain's known defect.
// Quality is modularity at resolution 1, refinement randomness θ = 0.01 as
// in the paper. Like Louvain it keeps the best of LouvainRestarts seeded
// runs on graphs under LouvainRestartEdges edges; the same seed gives the
// same partition. Once ctx is done it stops between runs, returning ctx's
// error.
func Leiden(ctx context.Context, g *Graph, seed uint64) (Communities, error) {
	return LeidenRuns(ctx, g, seed, 0, 0)
}

// LeidenRuns is Leiden keeping the best of runs seeded runs (0: Louvain's
// rule, see LouvainRuns), each making at most iterations Leiden
// iterations (0: until modularity stops rising, at most
// leidenIterations). An iteration is one run of the algorithm from the
// previous one's partition; igraph's community_leiden calls the same
// bound n_iterations (−1: until the partition stops changing), NetworKit's
// ParallelLeiden iterations (3 by default, fewer once nothing changes).
func LeidenRuns(ctx context.Context, g *Graph, seed uint64, runs, iterations int) (Communities, error) {
	return NewCommunityView(g).LeidenRuns(ctx, seed, runs, iterations)
}

// LeidenRuns is the package's LeidenRuns on the view's graph.
func (v *CommunityView) LeidenRuns(ctx context.Context, seed uint64, runs, iterations int) (Communities, error) {
	c, err := v.bestOfRuns(ctx, seed, 1, runs, func(_ context.Context, u *undirected, s uint64) ([]int32, float64, error) {
		m, q := leidenCSR(u, s, iterations)
		return m, q, nil
	})
	c.Iterations = iterations
	return c, err
}

// leidenTheta is the paper's θ: how far the refinement's random choice
// strays from the best merge (gains are in edge-weight units).
const leidenTheta = 0.01

// leidenWeight is exp(d/θ) for a gain d ≤ 0 below the best, 0 when that
// is below e^-40 (see refine).
func leidenWeight(d float64) float64 {
	switch {
	case d < -40*leidenTheta:
		return 0
	case d == 0:
		// The best candidate itself, and those tied with it: with whole
		// edge weights most candidates are one of these or 0 above, and
		// exp(0) is exactly 1 (exp was a twentieth of a bounded Leiden
		// run on Debian's security graph).
		return 1
	}
	return math.Exp(d / leidenTheta)
}

// leidenIterations bounds how often leidenCSR reruns Leiden from its own
// result; the paper iterates until the partition stops changing, and so
// do we unless that takes longer than this.
const leidenIterations = 50

// leidenCSR runs Leiden on compressed rows; see Leiden. The first run
// starts from singletons; each further run starts from the previous
// partition and keeps going while modularity rises (as igraph's
// community_leiden does with n_iterations < 0), for at most iterations
// runs in all (0: leidenIterations). It returns each node's community
// (0-based) and Q.
func leidenCSR(g0 *undirected, seed uint64, iterations int) ([]int32, float64) {
	if iterations <= 0 {
		iterations = leidenIterations
	}
	rng := rand.New(rand.NewPCG(seed, 0x1e1de4))
	pair := pairFor(g0)
	defer pair.Stop()
	rows, bufs, moves := &rowArenas{}, &refineBuffers{}, &moveScratch{}
	best, bestQ := leidenOnce(g0, nil, rng, pair, rows, bufs, moves)
	for it := 1; it < iterations; it++ {
		next, q := leidenOnce(g0, best, rng, pair, rows, bufs, moves)
		if q <= bestQ+1e-12 {
			break
		}
		best, bestQ = next, q
	}
	return best, bestQ
}

// leidenOnce is one run of Leiden from the partition start (nil: every
// node alone). It returns the partition and its Q, computed on the last
// level's graph (the same Q as on g0: aggregation keeps every weight).
func leidenOnce(g0 *undirected, start []int32, rng *rand.Rand, pair *parallel.Pair, rows *rowArenas, bufs *refineBuffers, moves *moveScratch) ([]int32, float64) {
	member := make([]int32, g0.n()) // original node -> node of the current level
	for i := range member {
		member[i] = int32(i)
	}
	g := g0
	init := start
	var comm []int32
	for level := 0; level < leidenLevels; level++ {
		mv, moved := fastLocalMoving(g, init, rng, pair, moves)
		comm = mv.comm
		renumP, kP := renumber(comm)
		// The last level allowed ends here too, so comm is always the
		// partition of g's nodes.
		if (!moved && level > 0) || kP == g.n() || level == leidenLevels-1 {
			break
		}
		refined := refine(g, mv, rng, pair, bufs)
		renumR, kR := renumber(refined)
		if kR == g.n() {
			break // refinement merged nothing: aggregating would change nothing
		}
		// Aggregate by the refined partition; each aggregate node starts in
		// the community its members had, so local moving resumes from there.
		init = make([]int32, kR)
		for v, r := range refined {
			init[renumR[r]] = renumP[comm[v]]
		}
		for i := range member {
			member[i] = renumR[refined[member[i]]]
		}
		g = aggregate(g, refined, renumR, kR, pair, rows)
	}
	out := make([]int32, len(member))
	for i, m := range member {
		out[i] = comm[m]
	}
	renum, _ := renumber(out)
	for i, c := range out {
		out[i] = renum[c]
	}
	return out, modularityOf(g, comm)
}

// leidenLevels bounds the levels (local moving, refinement, aggregation)
// of one Leiden run; on the benchmark's graphs a run takes at most seven.
const leidenLevels = 64

// renumber maps community indices to 0..k-1 in order of first appearance.
func renumber(comm []int32) ([]int32, int) {
	renum := make([]int32, len(comm))
	for i := range renum {
		renum[i] = -1
	}
	k := int32(0)
	for _, c := range comm {
		if renum[c] < 0 {
			renum[c] = k
			k++
		}
	}
	return renum, int(k)
}

// refine is Leiden's refinement: inside each community of comm, nodes start
// alone; visiting nodes in random order, a node still alone and well
// connected to its community joins a well-connected part of the same
// community, chosen at random with probability ∝ exp(gain/θ) among moves
// that do not lower modularity (staying alone has gain 0). Parts grow only
// by nodes adjacent to them, so every part is connected.
//
// Communities are refined independently of each other, so on a large
// graph they are split into refineGroups groups of about equal half-edge
// counts, each with its own random stream drawn from rng, which two
// goroutines take by turns as each becomes free; the split is fixed by the
// graph, not the core count, so the result does not depend on the
// machine.
func refine(g *undirected, mv *mover, rng *rand.Rand, pair *parallel.Pair, bufs *refineBuffers) []int32 {
	n := g.n()
	comm := mv.comm
	r := bufs.refinement(0, g, mv)
	if len(g.adj) < parallelRefineEdges || mv.m2 == 0 {
		all := make([]int32, n)
		for v := range all {
			all[v] = int32(v)
		}
		r.prepare(all)
		if mv.m2 == 0 {
			return r.refined
		}
		permute(rng, all)
		r.run(all, mv.neighW, rng)
		return r.refined
	}
	// Group j: the communities, in index order, whose cumulative
	// half-edge count passes j/refineGroups of the total but not
	// (j+1)/refineGroups; each has its own random stream.
	commEdges := make([]int, n)
	for v, c := range comm {
		commEdges[c] += int(g.start[v+1] - g.start[v])
	}
	groupOf := make([]uint8, n) // community -> group
	acc := 0
	for c := range n {
		groupOf[c] = uint8(min(refineGroups-1, refineGroups*acc/len(g.adj)))
		acc += commEdges[c]
	}
	var groups [refineGroups][]int32
	for v, c := range comm {
		j := groupOf[c]
		groups[j] = append(groups[j], int32(v))
	}
	var streams [refineGroups]*rand.Rand
	for j := range streams {
		streams[j] = rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
	}
	// Each side (the caller, the pair's helper) has arrays of its own: the
	// groups' nodes interleave, so in shared arrays both goroutines would
	// write the same cache lines (WormNet: a refinement took 2.0 ms on two
	// goroutines, 2.3 on one; 1.3 ms with arrays apart). A side refines
	// each group it takes in its arrays, as groups share no community.
	rs := [2]*refinement{r, bufs.refinement(1, g, mv)}
	scratch := [2][]float64{mv.neighW, rs[1].neighW}
	var sideOf [refineGroups]int
	pair.Each(refineGroups, func(side, j int) {
		nodes := groups[j]
		rs[side].prepare(nodes)
		streams[j].Shuffle(len(nodes), func(a, b int) { nodes[a], nodes[b] = nodes[b], nodes[a] })
		rs[side].run(nodes, scratch[side], streams[j])
		sideOf[j] = side
	})
	for j, nodes := range groups {
		if sideOf[j] == 1 {
			for _, v := range nodes {
				r.refined[v] = rs[1].refined[v]
			}
		}
	}
	return r.refined
}

// refineGroups is how many groups of communities refine splits a large
// graph into, each with its own random stream, which the two goroutines
// take as each becomes free. With two fixed halves the caller waited up to
// 1.3 ms for the helper's (Holme-Kim 20k), the helper's cache being colder;
// the groups depend on the graph only, so the result on one core is the
// result on two.
const refineGroups = 8

// parallelRefineEdges is the least number of half-edges for which refine
// splits the communities into groups refined side by side. Below it
// one random stream refines every community (a different but equally
// valid draw); the choice depends on the graph only.
const parallelRefineEdges = 50000

// refinement is the state of refine; run changes only entries of nodes it
// is given and of parts in their communities, so two runs on node sets
// of disjoint communities can go at once.
type refinement struct {
	g                *undirected
	comm             []int32
	k                []float64
	m2               float64
	commTot, toOwn   []float64 // K_C per community; v's weight to the rest of its community
	refined          []int32
	partTot, partOut []float64 // each part's total degree; its weight to the rest of its community
	alone            []bool    // part v holds v only
	neighW           []float64 // all zero: scratch for a run that has none
}

// refineBuffers keeps the node-sized arrays of refine's two sides (the
// caller's and the pair's helper's) for a whole Leiden run, as no level has more nodes than the first: a level
// allocated six of them, about 40 bytes a node (WormNet: 3 iterations of
// 2-3 levels). A nil *refineBuffers allocates afresh each time.
type refineBuffers struct {
	sides [2]refinement
}

// refinement returns side i's arrays sized to g's nodes for a refinement
// of mv's partition; prepare sets every entry it reads.
func (b *refineBuffers) refinement(i int, g *undirected, mv *mover) *refinement {
	n := g.n()
	r := &refinement{}
	if b != nil {
		r = &b.sides[i]
	}
	if cap(r.refined) < n {
		*r = refinement{commTot: make([]float64, n), toOwn: make([]float64, n), refined: make([]int32, n),
			partTot: make([]float64, n), partOut: make([]float64, n), alone: make([]bool, n), neighW: make([]float64, n)}
	}
	r.g, r.comm, r.k, r.m2 = g, mv.comm, mv.k, mv.m2
	r.commTot, r.toOwn, r.refined = r.commTot[:n], r.toOwn[:n], r.refined[:n]
	r.partTot, r.partOut, r.alone, r.neighW = r.partTot[:n], r.partOut[:n], r.alone[:n], r.neighW[:n]
	return r
}

// prepare sets every node of nodes alone in its own part and counts its
// weight to the rest of its community and its community's total degree;
// nodes must hold whole communities, in index order.
func (r *refinement) prepare(nodes []int32) {
	g, comm, k := r.g, r.comm, r.k
	for _, v := range nodes {
		r.commTot[comm[v]] = 0
	}
	for _, v := range nodes {
		r.commTot[comm[v]] += k[v]
	}
	for _, v := range nodes {
		// Whether a neighbour shares v's community is a coin toss on most
		// graphs, so the test selects the weight without a branch.
		own, cv := 0.0, comm[v]
		adj := g.adj[g.start[v]:g.start[v+1]]
		w := g.w[g.start[v]:g.start[v+1]]
		w = w[:len(adj)]
		for e, u := range adj {
			var mask uint64
			if comm[u] == cv {
				mask = ^uint64(0)
			}
			own += math.Float64frombits(math.Float64bits(w[e]) & mask)
		}
		r.toOwn[v] = own
		r.refined[v] = v
		r.partTot[v] = k[v]
		r.partOut[v] = own
		r.alone[v] = true
	}
}

// run visits nodes in the order given, with neighW (all zero) as scratch
// and rng for the random choices.
func (r *refinement) run(nodes []int32, neighW []float64, rng *rand.Rand) {
	g, comm, k, m2 := r.g, r.comm, r.k, r.m2
	refined, partTot, partOut, alone, toOwn, commTot := r.refined, r.partTot, r.partOut, r.alone, r.toOwn, r.commTot
	var touched, cands []int32
	var weights []float64
	for _, v := range nodes {
		c := comm[v]
		if !alone[v] || toOwn[v] < k[v]*(commTot[c]-k[v])/m2 {
			continue
		}
		// Parts are listed when first seen by always writing them and
		// advancing the length only then, as proposer.evaluate does.
		adj := g.adj[g.start[v]:g.start[v+1]]
		w := g.w[g.start[v]:g.start[v+1]]
		w = w[:len(adj)]
		if cap(touched) < len(adj) {
			touched = make([]int32, 2*len(adj))
		}
		touched = touched[:cap(touched)]
		nt := 0
		for e, u := range adj {
			if comm[u] != c {
				continue
			}
			p := refined[u]
			old := neighW[p]
			touched[nt] = p
			if old == 0 {
				nt++
			}
			neighW[p] = old + w[e]
		}
		touched = touched[:nt]
		cands, weights = cands[:0], weights[:0]
		bestGain := 0.0
		for _, p := range touched {
			if partOut[p] < partTot[p]*(commTot[c]-partTot[p])/m2 {
				continue // the part is not well connected to its community
			}
			gain := neighW[p] - k[v]*partTot[p]/m2
			if gain < 0 {
				continue
			}
			cands = append(cands, p)
			weights = append(weights, gain)
			if gain > bestGain { // gains are finite and at least 0: max without its NaN and ±0 cases
				bestGain = gain
			}
		}
		if len(cands) > 0 {
			// Staying alone is the candidate with gain 0. A candidate more
			// than 40θ below the best has weight under e^-40 ≈ 4e-18 of the
			// best's, below what a float64 draw in [0, 1) can resolve, so it
			// is given 0 without calling exp.
			sum := leidenWeight(0 - bestGain)
			for i := range weights {
				weights[i] = leidenWeight(weights[i] - bestGain)
				sum += weights[i]
			}
			x := rng.Float64() * sum
			target := v
			for i, w := range weights {
				if x < w {
					target = cands[i]
					break
				}
				x -= w
			}
			if target != v {
				refined[v] = target
				partTot[target] += k[v]
				partOut[target] += toOwn[v] - 2*neighW[target]
				partTot[v], partOut[v] = 0, 0
				alone[v], alone[target] = false, false
			}
		}
		for _, p := range touched {
			neighW[p] = 0
		}
	}
}
