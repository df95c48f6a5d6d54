package network

import (
	"context"
	"math/rand/v2"
	"slices"
)

// directed is a weighted directed graph in compressed rows, out- and
// in-lists both, with self-loops kept apart: the form directed Louvain
// moves and aggregates.
type directed struct {
	outStart, outAdj []int32
	outW             []float64
	inStart, inAdj   []int32
	inW              []float64
	loop             []float64
	gamma            float64
}

func (d *directed) n() int { return len(d.outStart) - 1 }

// directedOf builds d from arcs over n nodes (parallel arcs summed, loops
// kept as loops).
func directedOf(n int, arcs []dEdge, gamma float64) *directed {
	out, in := make([][]halfEdge, n), make([][]halfEdge, n)
	d := &directed{loop: make([]float64, n), gamma: gamma}
	for _, a := range arcs {
		if a.a == a.b {
			d.loop[a.a] += a.w
			continue
		}
		out[a.a] = append(out[a.a], halfEdge{a.b, a.w})
		in[a.b] = append(in[a.b], halfEdge{a.a, a.w})
	}
	o, i := fromLists(out, nil), fromLists(in, nil)
	d.outStart, d.outAdj, d.outW = o.start, o.adj, o.w
	d.inStart, d.inAdj, d.inW = i.start, i.adj, i.w
	return d
}

// arcsOf lists g's edges as arcs.
func arcsOf(g *Graph) []dEdge {
	var out []dEdge
	for u := int32(0); int(u) < g.Len(); u++ {
		adj, w := g.out(u)
		for k, v := range adj {
			out = append(out, dEdge{a: u, b: v, w: w[k]})
		}
	}
	return out
}

func (d *directed) strengths() (kOut, kIn []float64, m float64) {
	kOut, kIn = make([]float64, d.n()), make([]float64, d.n())
	for u := 0; u < d.n(); u++ {
		kOut[u], kIn[u] = d.loop[u], d.loop[u]
		for e := d.outStart[u]; e < d.outStart[u+1]; e++ {
			kOut[u] += d.outW[e]
		}
		for e := d.inStart[u]; e < d.inStart[u+1]; e++ {
			kIn[u] += d.inW[e]
		}
		m += kOut[u]
	}
	return kOut, kIn, m
}

// directedModularity is Leicht and Newman's directed modularity ("Community
// structure in directed networks", Phys. Rev. Lett. 100, 118703, 2008) at
// resolution γ, as networkx.community.modularity computes it on a DiGraph:
//
//	Q_d = 1/m Σ_ij (A_ij − γ·k_i^out·k_j^in/m) δ(c_i, c_j).
func directedModularity(d *directed, member []int32) float64 {
	kOut, kIn, m := d.strengths()
	if m == 0 {
		return 0
	}
	nc := int32(0)
	for _, c := range member {
		nc = max(nc, c+1)
	}
	in, tOut, tIn := make([]float64, nc), make([]float64, nc), make([]float64, nc)
	for u := 0; u < d.n(); u++ {
		c := member[u]
		tOut[c] += kOut[u]
		tIn[c] += kIn[u]
		in[c] += d.loop[u]
		for e := d.outStart[u]; e < d.outStart[u+1]; e++ {
			if member[d.outAdj[e]] == c {
				in[c] += d.outW[e]
			}
		}
	}
	q, gamma := 0.0, resolutionOf(d.gamma)
	for c := range in {
		q += in[c]/m - gamma*tOut[c]*tIn[c]/(m*m)
	}
	return q
}

func resolutionOf(gamma float64) float64 {
	if gamma == 0 {
		return 1
	}
	return gamma
}

// louvainDirected is the Louvain method on directed modularity (Dugué and
// Perez, "Directed Louvain: maximizing modularity in directed networks",
// 2015): moving an isolated node u into community C changes m·Q_d by
// w(u→C) + w(C→u) − γ·(k_u^out·Tot_C^in + k_u^in·Tot_C^out)/m. Otherwise as
// louvainCSRContext: seeded node order, ties to the lowest community,
// aggregation until no node moves.
func louvainDirected(ctx context.Context, g0 *directed, seed uint64) ([]int32, float64, error) {
	rng := rand.New(rand.NewPCG(seed, 0xd14ec7))
	member := make([]int32, g0.n())
	for i := range member {
		member[i] = int32(i)
	}
	g := g0
	for level := 0; level < 64; level++ {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		comm, moved := directedMoving(g, rng)
		renum := make([]int32, g.n())
		for i := range renum {
			renum[i] = -1
		}
		k := int32(0)
		for i := 0; i < g.n(); i++ {
			if renum[comm[i]] < 0 {
				renum[comm[i]] = k
				k++
			}
		}
		for i := range member {
			member[i] = renum[comm[member[i]]]
		}
		if !moved || int(k) == g.n() {
			break
		}
		g = aggregateDirected(g, comm, renum, int(k))
	}
	return member, directedModularity(g0, member), nil
}

func directedMoving(g *directed, rng *rand.Rand) ([]int32, bool) {
	n := g.n()
	kOut, kIn, m := g.strengths()
	comm := make([]int32, n)
	tOut, tIn := make([]float64, n), make([]float64, n)
	for i := range comm {
		comm[i] = int32(i)
		tOut[i], tIn[i] = kOut[i], kIn[i]
	}
	if m == 0 {
		return comm, false
	}
	gamma := resolutionOf(g.gamma)
	gain := func(c int32, w float64, u int32) float64 {
		return w - gamma*(kOut[u]*tIn[c]+kIn[u]*tOut[c])/m
	}
	order := rng.Perm(n)
	neighW := make([]float64, n)
	var touched []int32
	movedAny := false
	for pass := 0; pass < 1000; pass++ {
		moves, gained := 0, 0.0
		for _, ui := range order {
			u := int32(ui)
			cu := comm[u]
			touched = touched[:0]
			add := func(v int32, w float64) {
				c := comm[v]
				if neighW[c] == 0 {
					touched = append(touched, c)
				}
				neighW[c] += w
			}
			for e := g.outStart[u]; e < g.outStart[u+1]; e++ {
				add(g.outAdj[e], g.outW[e])
			}
			for e := g.inStart[u]; e < g.inStart[u+1]; e++ {
				add(g.inAdj[e], g.inW[e])
			}
			tOut[cu] -= kOut[u]
			tIn[cu] -= kIn[u]
			best, bestGain := cu, gain(cu, neighW[cu], u)
			stay := bestGain
			for _, c := range touched {
				if g := gain(c, neighW[c], u); g > bestGain+1e-12 || (g > bestGain-1e-12 && c < best && g >= bestGain) {
					best, bestGain = c, g
				}
			}
			tOut[best] += kOut[u]
			tIn[best] += kIn[u]
			if best != cu {
				gained += bestGain - stay
				comm[u] = best
				moves++
			}
			for _, c := range touched {
				neighW[c] = 0
			}
			neighW[cu] = 0
		}
		if moves == 0 {
			break
		}
		movedAny = true
		if gained/m < 1e-7 {
			break
		}
	}
	return comm, movedAny
}

// aggregateDirected is the directed graph of communities: arcs between
// communities summed, arcs inside one kept as its self-loop.
func aggregateDirected(g *directed, comm, renum []int32, k int) *directed {
	var arcs []dEdge
	for u := 0; u < g.n(); u++ {
		cu := renum[comm[u]]
		if g.loop[u] != 0 {
			arcs = append(arcs, dEdge{a: cu, b: cu, w: g.loop[u]})
		}
		for e := g.outStart[u]; e < g.outStart[u+1]; e++ {
			arcs = append(arcs, dEdge{a: cu, b: renum[comm[g.outAdj[e]]], w: g.outW[e]})
		}
	}
	slices.SortFunc(arcs, func(x, y dEdge) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	return directedOf(k, arcs, g.gamma)
}

// LouvainDirected is Louvain maximising directed modularity Q_d (see
// directedModularity) at resolution gamma on g's directed weighted view
// (placeholders excluded), keeping the best of LouvainRestarts seeded runs
// on graphs under LouvainRestartEdges edges. Modularity is Q_d.
func LouvainDirected(ctx context.Context, g *Graph, seed uint64, gamma float64) (Communities, error) {
	return LouvainDirectedRuns(ctx, g, seed, gamma, 0)
}

// LouvainDirectedRuns is LouvainDirected keeping the best of runs seeded
// runs (0: Louvain's rule, see LouvainRuns).
func LouvainDirectedRuns(ctx context.Context, g *Graph, seed uint64, gamma float64, runs int) (Communities, error) {
	v := NewCommunityView(g)
	dg := directedOf(v.sg.Len(), arcsOf(v.sg), gamma)
	c, err := v.bestOfRuns(ctx, seed, gamma, runs, func(ctx context.Context, _ *undirected, s uint64) ([]int32, float64, error) {
		return louvainDirected(ctx, dg, s)
	})
	c.Directed = true
	return c, err
}
