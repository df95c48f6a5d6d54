package network

import (
	"slices"

	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
)

// aggregate builds the graph of communities: edge weights summed, weight
// inside a community kept as its self-loop. Members are grouped by a
// counting sort and each community's neighbour weights gathered in a dense
// array; a row lists its neighbour communities in the order its members
// first reach them (no sort: nothing downstream needs rows sorted, and
// sorting was a third of a Leiden run). On a large graph two goroutines
// build the rows of the first and second half of the communities (halves
// of equal half-edge counts); each row is built the same way either way,
// so the result does not depend on the machine.
func aggregate(g *undirected, comm, renum []int32, k int, pair *parallel.Pair, rows *rowArenas) *undirected {
	n := g.n()
	// cr[u] is u's aggregate node: one lookup per half-edge below, not two.
	cr := make([]int32, n)
	for u := range cr {
		cr[u] = renum[comm[u]]
	}
	first := make([]int32, k+1)
	for u := 0; u < n; u++ {
		first[cr[u]+1]++
	}
	for c := 1; c <= k; c++ {
		first[c] += first[c-1]
	}
	members := make([]int32, n)
	next := slices.Clone(first[:k])
	for u := 0; u < n; u++ {
		c := cr[u]
		members[next[c]] = int32(u)
		next[c]++
	}
	// Rows hold at most their members' half-edges, so the rows of
	// communities lo..hi-1 fit in the slots of those members' half-edges:
	// each range is written into its own part of one array, and a second
	// range is moved down against the first once both are built.
	arena, adj, w := rows.take(g, len(g.adj))
	out := &undirected{start: make([]int32, k+1), adj: adj, w: w,
		loop: make([]float64, k), deg: make([]float64, k), gamma: g.gamma}
	if len(g.adj) < parallelAggregateEdges || pair == nil || k < 2 {
		used := aggregateRange(g, cr, members, first, out, 0, k, 0, newRowScratch(k))
		rows.hold(arena, out)
		return out.trimmed(used)
	}
	// Chunk j holds the communities whose members' half-edges, counted in
	// community order, start in the j-th of aggregateChunks equal parts;
	// base[j] is its members' first slot. The caller and the pair's helper
	// take chunks as each becomes free (two fixed halves left the caller
	// waiting up to 0.9 ms for the helper's), then the chunks' rows are
	// moved down against each other in order.
	var lo, base [aggregateChunks + 1]int32
	lo[aggregateChunks], base[aggregateChunks] = int32(k), int32(len(g.adj))
	j, acc := 1, int32(0)
	for c := 0; c < k && j < aggregateChunks; c++ {
		for int(acc)*aggregateChunks >= j*len(g.adj) && j < aggregateChunks {
			lo[j], base[j] = int32(c), acc
			j++
		}
		for _, u := range members[first[c]:first[c+1]] {
			acc += g.start[u+1] - g.start[u]
		}
	}
	for ; j < aggregateChunks; j++ {
		lo[j], base[j] = int32(k), acc
	}
	var used [aggregateChunks]int32
	scratch := [2]rowScratch{newRowScratch(k), newRowScratch(k)}
	pair.Each(aggregateChunks, func(side, j int) {
		used[j] = aggregateRange(g, cr, members, first, out, int(lo[j]), int(lo[j+1]), base[j], scratch[side])
	})
	at := used[0]
	for j := 1; j < aggregateChunks; j++ {
		copy(out.adj[at:], out.adj[base[j]:base[j]+used[j]])
		copy(out.w[at:], out.w[base[j]:base[j]+used[j]])
		for c := lo[j] + 1; c <= lo[j+1]; c++ {
			out.start[c] += at - base[j]
		}
		at += used[j]
	}
	rows.hold(arena, out)
	return out.trimmed(at)
}

// aggregateChunks is how many parts of equal half-edge counts aggregate
// splits a large graph's communities into for its two goroutines.
const aggregateChunks = 8

// rowScratch is aggregateRange's dense accumulator over k communities,
// all zero between rows, and the list of those a row reached.
type rowScratch struct {
	acc     []float64
	touched []int32
}

func newRowScratch(k int) rowScratch {
	return rowScratch{acc: make([]float64, k), touched: make([]int32, k+1)}
}

// parallelAggregateEdges is the least number of half-edges for which
// aggregate splits its work across two goroutines. It changes the speed,
// never the result.
const parallelAggregateEdges = 50000

// trimmed is u with its rows cut to their first used half-edges.
func (u *undirected) trimmed(used int32) *undirected {
	u.adj, u.w = u.adj[:used:used], u.w[:used:used]
	return u
}

// rowArenas are the two sets of row arrays one Louvain or Leiden run's
// aggregations write into. A level's graph is read only while the next
// level's is built, so once that exists its rows are free, and two sets
// serve every level and iteration of the run: without them a Leiden run
// allocated its graph's size in rows at every level, the most of the
// run's allocation and of the garbage collection it caused. The
// aggregate of a graph in neither arena (the run's own, at the first
// level of each iteration) goes to arena 0, which alone grows to that
// graph's size; arena 1 takes only aggregates of graphs in arena 0, a
// level's size at most. Taking them by turns instead put a first level
// in arena 1 in some iterations, growing both to the full size (rows
// allocated by a bounded Leiden run on Debian's security graph: 1.07 MB,
// now 0.63). A nil *rowArenas (the reference implementations in tests)
// allocates at every aggregation.
type rowArenas struct {
	adj  [2][]int32
	w    [2][]float64
	made [2]*undirected // the graph whose rows each arena holds
}

// take returns rows of size half-edges for the aggregate of from, from
// the arena that does not hold from's rows, and that arena's index for
// hold.
func (a *rowArenas) take(from *undirected, size int) (int, []int32, []float64) {
	if a == nil {
		return 0, make([]int32, size), make([]float64, size)
	}
	i := 0
	if a.made[0] == from {
		i = 1
	}
	if cap(a.adj[i]) < size {
		a.adj[i], a.w[i] = make([]int32, size), make([]float64, size)
	}
	return i, a.adj[i][:size], a.w[i][:size]
}

// hold records that arena i now holds g's rows.
func (a *rowArenas) hold(i int, g *undirected) {
	if a != nil {
		a.made[i] = g
	}
}

// aggregateRange writes the rows of communities lo..hi-1 of the aggregate
// graph out: row c's end goes to out.start[c+1], relative to out's rows
// as if the range began at offset base, where its half-edges are written;
// it returns how many it wrote.
func aggregateRange(g *undirected, cr, members, first []int32, out *undirected, lo, hi int, base int32, scratch rowScratch) int32 {
	// acc[d] is the weight from community c's members to community d (c's
	// own included: its internal edges, each seen from both ends); weights
	// are > 0, so 0 means d not seen yet. touched lists the communities
	// seen, in the order first reached, as judgeListed lists them: every
	// half-edge writes its community and only a new one advances the
	// length, so the loop has no branch to mispredict. At most k
	// communities are seen, and one more slot takes the last write.
	acc, touched := scratch.acc, scratch.touched
	pos := base
	for c := lo; c < hi; c++ {
		nt := 0
		loop, deg := 0.0, 0.0
		for _, u := range members[first[c]:first[c+1]] {
			loop += g.loop[u]
			deg += 2 * g.loop[u]
			adj := g.adj[g.start[u]:g.start[u+1]]
			w := g.w[g.start[u]:g.start[u+1]]
			w = w[:len(adj)]
			for x, v := range adj {
				cv := cr[v]
				old := acc[cv]
				touched[nt] = cv
				if old == 0 {
					nt++
				}
				acc[cv] = old + w[x]
				deg += w[x]
			}
		}
		out.loop[c] = loop + acc[c]/2
		out.deg[c] = deg
		for _, v := range touched[:nt] {
			if int(v) != c {
				out.adj[pos], out.w[pos] = v, acc[v]
				pos++
			}
			acc[v] = 0
		}
		out.start[c+1] = pos
	}
	return pos - base
}
