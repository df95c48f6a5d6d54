package network

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
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
	if workers > 1 && brandesWork(g, count, source) < parallelMinWork {
		workers = 1
	}
	partial := make([][]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			cb := make([]float64, n)
			st := newBrandesState(n)
			for i := w; i < count; i += workers {
				if ctx.Err() != nil {
					return
				}
				st.from(g, source(i), cb)
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

// parallelMinWork is the estimated number of arc visits below which a
// kernel runs on one goroutine: a few milliseconds of work, where waiting
// for a second core (on a busy machine, a scheduler slice) costs more
// than it saves. Measured on Debian's dependency network (5k nodes,
// 19k arcs, 17 nodes reached per source): exact betweenness took 44-56 ms
// wall on two workers and 8 ms of CPU on a loaded 2-core machine.
const parallelMinWork = 4 << 20

// brandesWork estimates the arc visits of count single-source passes from
// up to 32 of them spread evenly over the sources: the forward search
// alone, doubled for the backward pass. It depends on the graph only, so
// the worker count, and with it every bit of the result, does too.
func brandesWork(g *Graph, count int, source func(i int) int32) int {
	probes := min(count, 32)
	seen := make([]bool, g.Len())
	var queue []int32
	visits := 0
	for j := 0; j < probes; j++ {
		s := source(j * count / probes)
		queue = append(queue[:0], s)
		seen[s] = true
		for head := 0; head < len(queue); head++ {
			adj := g.outAdj[g.outStart[queue[head]]:g.outStart[queue[head]+1]]
			visits += 1 + len(adj)
			for _, w := range adj {
				if !seen[w] {
					seen[w] = true
					queue = append(queue, w)
				}
			}
		}
		for _, v := range queue {
			seen[v] = false
		}
	}
	return 2 * visits / probes * count
}

// brandesNode is one node's state in a single-source pass, kept together
// so the forward and backward passes touch one cache line per neighbour
// instead of one per array (three separate arrays cost three misses per
// edge once n outgrows the cache).
type brandesNode struct {
	sigma, delta float64
	dist         int32
}

// brandesState is a worker's reusable state: nodes are reset after each
// source only where the pass reached them, so a source that reaches few
// nodes costs what it reaches, not n.
type brandesState struct {
	node  []brandesNode
	order []int32
}

func newBrandesState(n int) *brandesState {
	st := &brandesState{node: make([]brandesNode, n), order: make([]int32, 0, n)}
	for i := range st.node {
		st.node[i].dist = -1
	}
	return st
}

// from adds the dependencies of source s to cb. Predecessors are not
// stored, and the backward pass pulls each node's dependency from its
// successors one hop further,
//
//	δ(v) = σ(v) · Σ_{v→w, d(w)=d(v)+1} (1+δ(w))/σ(w),
//
// over out-edges, the ones the forward pass scanned: pushing to
// predecessors over in-edges instead would scan every in-edge of each
// node reached, and a node most others reach (libc6 in a package
// dependency network: 3,000 in-edges) would cost that for every source.
func (st *brandesState) from(g *Graph, s int32, cb []float64) {
	nd := st.node
	nd[s].sigma, nd[s].dist = 1, 0
	order := append(st.order[:0], s)
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv, sv := nd[v].dist, nd[v].sigma
		for _, w := range g.outAdj[g.outStart[v]:g.outStart[v+1]] {
			x := &nd[w]
			if x.dist < 0 {
				x.dist = dv + 1
				order = append(order, w)
			}
			if x.dist == dv+1 {
				x.sigma += sv
			}
		}
	}
	for k := len(order) - 1; k > 0; k-- {
		v := order[k]
		x := &nd[v]
		next := x.dist + 1
		sum := 0.0
		for _, w := range g.outAdj[g.outStart[v]:g.outStart[v+1]] {
			if y := &nd[w]; y.dist == next {
				sum += (1 + y.delta) / y.sigma
			}
		}
		x.delta = x.sigma * sum
		cb[v] += x.delta
	}
	for _, v := range order {
		nd[v] = brandesNode{dist: -1}
	}
	st.order = order
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
			for i := range dist {
				dist[i] = -1
			}
			queue := make([]int32, 0, n)
			for u := w; u < n; u += workers {
				if ctx.Err() != nil {
					return
				}
				// Only what the last search reached needs resetting.
				for _, v := range queue {
					dist[v] = -1
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
//
// The nodes are peeled level by level (Kabir and Madduri, "Parallel k-core
// decomposition on multicore platforms", IPDPSW 2017, in its serial
// form): level k takes every node left with degree k, and taking a node
// lowers each neighbour above k by one, taking at once those that reach
// k. A node's degree when it is taken is its core number. Per arc this
// reads and writes one array, without a branch (whether a neighbour is
// above k, and whether it reaches k, are coin tosses); Batagelj and
// Zaversnik's buckets (arXiv cs/0310049), which this replaced, moved a
// neighbour through four arrays behind an unpredictable branch: Holme-Kim
// 20k 2.4 -> 1.4 ms, SGB words 0.25 -> 0.20 ms, WormNet 0.40 -> 0.45 ms
// (each of its 58 levels scans the nodes left).
//
// On a symmetric graph (Graph.sym) every subgraph's in+out degrees are
// twice its out-degrees, so the largest k is twice the out-degree core:
// the peeling runs on out-degrees and reads each out-list once.
func CoreNumbers(g *Graph) []int {
	n := g.Len()
	deg := make([]int32, n)
	for i := range n {
		deg[i] = g.outStart[i+1] - g.outStart[i]
		if !g.sym {
			deg[i] += g.inStart[i+1] - g.inStart[i]
		}
	}
	// frontier lists the nodes taken at the current level, those still to
	// be peeled after i; lowerAbove writes every neighbour one past its end,
	// so it has a slot more than the nodes.
	frontier := make([]int32, n+1)
	// left lists the nodes not yet taken, in index order; each level's
	// scan compacts it.
	left := make([]int32, n)
	for i := range left {
		left[i] = int32(i)
	}
	for k := int32(0); len(left) > 0; {
		top := 0
		kept := 0
		next := int32(-1)
		for _, v := range left {
			d := deg[v]
			if d == k {
				frontier[top] = v
				top++
			} else if d > k {
				left[kept] = v
				kept++
				if next < 0 || d < next {
					next = d
				}
			}
		}
		left = left[:kept]
		for i := 0; i < top; i++ {
			v := frontier[i]
			top = lowerAbove(deg, g.outAdj[g.outStart[v]:g.outStart[v+1]], k, frontier, top)
			if !g.sym {
				top = lowerAbove(deg, g.inAdj[g.inStart[v]:g.inStart[v+1]], k, frontier, top)
			}
		}
		if top > 0 {
			k++
		} else {
			k = next
		}
	}
	scale := 1
	if g.sym {
		scale = 2
	}
	out := make([]int, n)
	for i, d := range deg {
		out[i] = scale * int(d)
	}
	return out
}

// lowerAbove lowers by one each neighbour whose degree is above k and
// appends to frontier[:top] those that reach k, returning the new top.
// Every neighbour is written at frontier[top] and only one that reaches k
// moves top on, so the loop has no branch on either coin toss.
func lowerAbove(deg, neighbours []int32, k int32, frontier []int32, top int) int {
	for _, u := range neighbours {
		d := deg[u]
		var above int32
		if d > k {
			above = 1
		}
		deg[u] = d - above
		frontier[top] = u
		if d == k+1 {
			top++
		}
	}
	return top
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
