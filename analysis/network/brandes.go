package network

import (
	"context"
	"runtime"
	"sync"

	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
)

// brandesSum adds up the dependencies from count sources (the i-th being
// source(i)). A large run (parallelMinWork arc visits or more) is split
// across GOMAXPROCS workers by index, each with its own flat arrays, and
// their sums are added in worker order. A small one, where starting and
// waiting for goroutines would cost a fair part of the run, goes by
// brandesChunks fixed runs of consecutive sources, each summed apart,
// which the caller and a helper take as each becomes free (brandesChunked).
// Either way the result does not depend on scheduling.
func brandesSum(ctx context.Context, g *Graph, count int, source func(i int) int32) ([]float64, error) {
	n := g.Len()
	workers := max(1, min(runtime.GOMAXPROCS(0), count))
	if work := brandesWork(g, count, source); work < parallelMinWork {
		if work >= chunkedMinWork && n <= chunkedMaxNodes && count >= brandesChunks {
			return brandesChunked(ctx, g, count, source)
		}
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

// brandesChunked is brandesSum by brandesChunks runs of consecutive
// sources, each summed into its own array in source order; the caller
// and a Pair's helper take the runs as each becomes free, each side with
// its own pass state, and the runs' sums are added in run order. So the
// result depends on the graph alone, on one core or two, and a helper
// that starts late only takes fewer runs (in a new process on this
// project's 2-core machine it took its first run 75 µs to 1.4 ms in, or
// none), where a fixed half each would leave the caller waiting. On
// Debian's security dependencies (5k nodes, 19k arcs, about 0.9M arc
// visits) exact betweenness took 3.2-3.8 ms on one goroutine, 2.5 ms
// this way (BenchmarkRealBetweenness).
func brandesChunked(ctx context.Context, g *Graph, count int, source func(i int) int32) ([]float64, error) {
	n := g.Len()
	pair := parallel.NewPair()
	defer pair.Stop()
	states := [2]*brandesState{newBrandesState(n), nil}
	if pair != nil {
		states[1] = newBrandesState(n)
	}
	var sums [brandesChunks][]float64
	pair.Each(brandesChunks, func(side, j int) {
		cb := make([]float64, n)
		for i := j * count / brandesChunks; i < (j+1)*count/brandesChunks; i++ {
			if ctx.Err() != nil {
				return
			}
			states[side].from(g, source(i), cb)
		}
		sums[j] = cb
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cb := sums[0]
	for _, p := range sums[1:] {
		for i, x := range p {
			cb[i] += x
		}
	}
	return cb, nil
}

// brandesChunks is how many runs of sources brandesChunked sums apart.
const brandesChunks = 8

// chunkedMinWork and chunkedMaxNodes bound the runs brandesChunked
// takes: below the first (estimated arc visits, about a tenth of a
// millisecond) a helper would cost more than it saves; above the second
// the runs' own arrays (brandesChunks of n float64s, 8 MiB) would.
const (
	chunkedMinWork  = 1 << 16
	chunkedMaxNodes = 1 << 17
)

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
	if probes == 0 {
		return 0 // no sources: no work (and no probe to divide by)
	}
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
