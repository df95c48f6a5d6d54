package network

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"

	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
)

// Degrees returns, per node index, the number of distinct out- and
// in-neighbours and the summed weights (strengths).
func Degrees(g *Graph) (out, in []int, outStrength, inStrength []float64) {
	n := g.Len()
	out, in = make([]int, n), make([]int, n)
	outStrength, inStrength = make([]float64, n), make([]float64, n)
	for i := int32(0); int(i) < n; i++ {
		adj, w := g.out(i)
		out[i] = len(adj)
		for _, x := range w {
			outStrength[i] += x
		}
		adj, w = g.in(i)
		in[i] = len(adj)
		for _, x := range w {
			inStrength[i] += x
		}
	}
	return out, in, outStrength, inStrength
}

// Convergence is how an iterative method ended: the iterations (or
// matrix-vector products) it ran, and whether it met its tolerance before
// its iteration limit.
type Convergence struct {
	Iterations int  `json:"iterations"`
	Converged  bool `json:"converged"`
}

// pageRankMaxIter bounds PageRank's power iteration.
const pageRankMaxIter = 1000

// PageRank returns PageRank scores by power iteration with damping factor
// d = damp, as networkx.pagerank defines it (Page, Brin, Motwani and
// Winograd, "The PageRank citation ranking: bringing order to the web",
// Stanford InfoLab 1999):
//
//	x_v ← (1-d)/n + d·( Σ_{u→v} x_u·w_uv/s_u + Σ_{u dangling} x_u/n )
//
// where s_u is u's out-strength (out-degree when not weighted) and a
// dangling node has none: its rank is spread uniformly, teleportation is
// uniform. With weighted, edges count in proportion to their weight;
// otherwise each collapsed edge counts 1. Scores sum to 1. Summation order
// is fixed, so results are bit-for-bit reproducible.
//
// Stopping rule (the one MetricTable states): iteration stops when the L1
// change Σ|x_k+1 − x_k| is below n·tol, or after pageRankMaxIter
// iterations, unconverged; the Convergence says which. Once ctx is done
// it stops between iterations and returns ctx's error and no scores.
func PageRank(ctx context.Context, g *Graph, damp float64, weighted bool, tol float64) ([]float64, Convergence, error) {
	n := g.Len()
	var conv Convergence
	if n == 0 {
		return nil, Convergence{Converged: true}, ctx.Err()
	}
	// inv[i] is 1/out-strength (0 for dangling nodes), so each iteration
	// does one multiply-add per edge.
	inv := make([]float64, n)
	for i := int32(0); int(i) < n; i++ {
		adj, w := g.out(i)
		s := float64(len(adj))
		if weighted {
			s = 0
			for _, x := range w {
				s += x
			}
		}
		if s > 0 {
			inv[i] = 1 / s
		}
	}
	x := make([]float64, n)
	next := make([]float64, n)
	contrib := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	workers := 1
	if g.Edges() > 200000 {
		workers = max(1, runtime.GOMAXPROCS(0))
	}
	for iter := 0; iter < pageRankMaxIter; iter++ {
		if err := ctx.Err(); err != nil {
			return nil, conv, err
		}
		conv.Iterations = iter + 1
		dangling := 0.0
		for i, v := range inv {
			if v == 0 {
				dangling += x[i]
			}
			contrib[i] = x[i] * v
		}
		base := (damp*dangling + (1 - damp)) / float64(n)
		// Each node's sum runs over its in-edges in a fixed order, so the
		// split across workers never changes a bit of the result.
		parallel.Range(n, workers, func(lo, hi int) {
			for j := lo; j < hi; j++ {
				adj, w := g.in(int32(j))
				sum := 0.0
				if weighted {
					for k, i := range adj {
						sum += contrib[i] * w[k]
					}
				} else {
					for _, i := range adj {
						sum += contrib[i]
					}
				}
				next[j] = damp*sum + base
			}
		})
		diff := 0.0
		for i := range x {
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < float64(n)*tol {
			conv.Converged = true
			break
		}
	}
	return x, conv, nil
}

// Betweenness returns exact shortest-path betweenness on hop distances,
//
//	c_B(v) = Σ_{s≠v≠t} σ_st(v)/σ_st / ((n-1)(n-2)),
//
// σ_st being the number of shortest s–t paths and σ_st(v) those through v,
// normalised as networkx does for directed graphs, by Brandes's algorithm
// (U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
// Sociol. 25(2), 2001). Sources are split across GOMAXPROCS workers, each with
// its own flat arrays; partial sums are added in worker order, so results
// do not depend on scheduling. It is exact: no stopping rule. Once ctx is
// done it stops between sources, returning ctx's error and no scores.
func Betweenness(ctx context.Context, g *Graph) ([]float64, error) {
	n := g.Len()
	cb, err := brandesSum(ctx, g, n, func(i int) int32 { return int32(i) })
	if err != nil {
		return nil, err
	}
	if n > 2 {
		scale := 1 / float64((n-1)*(n-2))
		for i := range cb {
			cb[i] *= scale
		}
	}
	return cb, nil
}

// brandesSum adds up the dependencies from count sources (the i-th being
// source(i)), split across GOMAXPROCS workers by index, each with its own
// flat arrays; partial sums are added in worker order, so the result does
// not depend on scheduling.
func brandesSum(ctx context.Context, g *Graph, count int, source func(i int) int32) ([]float64, error) {
	n := g.Len()
	workers := max(1, min(runtime.GOMAXPROCS(0), count))
	partial := make([][]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			cb := make([]float64, n)
			sigma := make([]float64, n)
			dist := make([]int32, n)
			delta := make([]float64, n)
			order := make([]int32, 0, n)
			for i := w; i < count; i += workers {
				if ctx.Err() != nil {
					return
				}
				brandesFrom(g, source(i), cb, sigma, dist, delta, order)
			}
			partial[w] = cb
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cb := make([]float64, n)
	for _, p := range partial {
		for i, x := range p {
			cb[i] += x
		}
	}
	return cb, nil
}

// brandesFrom adds the dependencies of source s to cb. Predecessors are
// not stored: in BFS order, v's predecessors are its in-neighbours one hop
// closer, which the in-CSR gives without allocation.
func brandesFrom(g *Graph, s int32, cb, sigma []float64, dist []int32, delta []float64, order []int32) {
	for i := range sigma {
		sigma[i], dist[i], delta[i] = 0, -1, 0
	}
	sigma[s], dist[s] = 1, 0
	order = append(order[:0], s)
	for head := 0; head < len(order); head++ {
		v := order[head]
		adj, _ := g.out(v)
		for _, w := range adj {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				order = append(order, w)
			}
			if dist[w] == dist[v]+1 {
				sigma[w] += sigma[v]
			}
		}
	}
	for k := len(order) - 1; k > 0; k-- {
		w := order[k]
		adj, _ := g.in(w)
		coeff := (1 + delta[w]) / sigma[w]
		for _, v := range adj {
			if dist[v] >= 0 && dist[v] == dist[w]-1 {
				delta[v] += sigma[v] * coeff
			}
		}
		cb[w] += delta[w]
	}
}

// Closeness returns closeness centrality on incoming hop distances with
// the Wasserman-Faust correction for unreachable nodes, as
// networkx.closeness_centrality(G, wf_improved=True) defines it for
// directed graphs: ((r-1)/sum d(v,u)) * ((r-1)/(n-1)), r being the number
// of nodes that reach u, u included. Harmonic returns sum 1/d(v,u) over
// v that reach u, as networkx.harmonic_centrality. Both use one BFS per
// node with O(n) memory, never an n×n table. Both are exact. Once ctx is
// done it stops between breadth-first searches, returning ctx's error.
func Closeness(ctx context.Context, g *Graph) (closeness, harmonic []float64, err error) {
	n := g.Len()
	closeness, harmonic = make([]float64, n), make([]float64, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			dist := make([]int32, n)
			queue := make([]int32, 0, n)
			for u := w; u < n; u += workers {
				if ctx.Err() != nil {
					return
				}
				for i := range dist {
					dist[i] = -1
				}
				dist[u] = 0
				queue = append(queue[:0], int32(u))
				total, h := 0.0, 0.0
				for head := 0; head < len(queue); head++ {
					v := queue[head]
					adj, _ := g.in(v) // walking in-edges gives distances to u
					for _, x := range adj {
						if dist[x] < 0 {
							dist[x] = dist[v] + 1
							queue = append(queue, x)
							total += float64(dist[x])
							h += 1 / float64(dist[x])
						}
					}
				}
				r := float64(len(queue))
				if total > 0 && n > 1 {
					closeness[u] = (r - 1) / total * (r - 1) / float64(n-1)
				}
				harmonic[u] = h
			}
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return closeness, harmonic, nil
}

// CoreNumbers returns each node's k-core number where a node's degree is
// its in-degree plus out-degree (a reciprocated pair counts twice), as
// networkx.core_number defines it for directed graphs: the largest k such
// that the node is in a subgraph where every node has degree at least k.
// Batagelj and Zaversnik's O(m) bucket algorithm ("An O(m) algorithm for
// cores decomposition of networks", arXiv cs/0310049, 2003).
func CoreNumbers(g *Graph) []int {
	n := g.Len()
	deg := make([]int, n)
	maxDeg := 0
	for i := int32(0); int(i) < n; i++ {
		deg[i] = int(g.outStart[i+1]-g.outStart[i]) + int(g.inStart[i+1]-g.inStart[i])
		maxDeg = max(maxDeg, deg[i])
	}
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := 0; d <= maxDeg; d++ {
		c := bin[d]
		bin[d] = start
		start += c
	}
	pos := make([]int, n)
	vert := make([]int32, n)
	for v := 0; v < n; v++ {
		pos[v] = bin[deg[v]]
		vert[pos[v]] = int32(v)
		bin[deg[v]]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	lower := func(v, u int32) {
		if deg[u] > deg[v] {
			du, pu := deg[u], pos[u]
			pw := bin[du]
			w := vert[pw]
			if u != w {
				pos[u], pos[w] = pw, pu
				vert[pu], vert[pw] = w, u
			}
			bin[du]++
			deg[u]--
		}
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		adj, _ := g.out(v)
		for _, u := range adj {
			lower(v, u)
		}
		adj, _ = g.in(v)
		for _, u := range adj {
			lower(v, u)
		}
	}
	return deg
}

// BetweennessSampled estimates normalised betweenness from k source nodes
// drawn without replacement with a seeded generator (Brandes and Pich
// 2007), scaling each node's accumulated dependency by n/k. Each source's
// contribution to a node's normalised score lies in [0, 1/(n-2)] after
// scaling by n/((n-1)(n-2)), so by Hoeffding's inequality and a union
// bound over the n nodes, every estimate is within eps of the exact value
// with probability at least 1-delta when k >= ln(2n/delta) / (2 eps^2)
// (relative to the largest possible score, 1). SamplesFor computes that k.
// k >= n gives the exact result. Once ctx is done it stops between
// sources, returning ctx's error.
func BetweennessSampled(ctx context.Context, g *Graph, k int, seed uint64) ([]float64, error) {
	n := g.Len()
	if k >= n {
		return Betweenness(ctx, g)
	}
	rng := rand.New(rand.NewPCG(seed, 0xbe7))
	sources := rng.Perm(n)[:k]
	sort.Ints(sources)
	cb, err := brandesSum(ctx, g, k, func(i int) int32 { return int32(sources[i]) })
	if err != nil {
		return nil, err
	}
	if n > 2 {
		scale := float64(n) / float64(k) / float64((n-1)*(n-2))
		for i := range cb {
			cb[i] *= scale
		}
	}
	return cb, nil
}

// SamplesFor is the number of sources BetweennessSampled needs for every
// estimate to be within eps with probability 1-delta on n nodes.
func SamplesFor(n int, eps, delta float64) int {
	return int(math.Ceil(math.Log(2*float64(n)/delta) / (2 * eps * eps)))
}
