package network

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"

	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
)

// undirected is a weighted undirected graph in compressed sparse rows; a
// self-loop's weight is stored once and counts twice in its node's degree,
// as in the modularity literature.
type undirected struct {
	start []int32
	adj   []int32
	w     []float64
	loop  []float64 // self-loop weight per node
	// deg is each node's degree (weights, a self-loop twice) when the
	// graph was built knowing it (aggregate sums its members'); nil: count
	// it from the rows.
	deg []float64
	// gamma is the modularity resolution the community methods optimise
	// on this graph (0 stands for 1): Q_γ = Σ_c in_c/2m − γ·(tot_c/2m)²
	// (Reichardt and Bornholdt, Phys. Rev. E 74, 016110, 2006).
	gamma float64
}

func (u *undirected) n() int { return len(u.start) - 1 }

// resolution is u's γ.
func (u *undirected) resolution() float64 {
	if u.gamma == 0 {
		return 1
	}
	return u.gamma
}

type halfEdge struct {
	v int32
	w float64
}

// fromLists builds compressed rows from per-node neighbour lists, summing
// the weights of repeated neighbours. An edge of weight 0 (a size no one
// knows) is left out: it carries nothing modularity counts, and kept it
// would make a tie that draws weightless nodes into one community, where
// networkx's Louvain leaves each alone.
func fromLists(lists [][]halfEdge, loop []float64) *undirected {
	out := &undirected{start: make([]int32, len(lists)+1), loop: loop}
	for u, l := range lists {
		l = slices.DeleteFunc(l, func(x halfEdge) bool { return x.w == 0 })
		slices.SortFunc(l, func(a, b halfEdge) int { return cmp.Compare(a.v, b.v) })
		var last int32 = -1
		for _, x := range l {
			if x.v == last {
				out.w[len(out.w)-1] += x.w
				continue
			}
			out.adj = append(out.adj, x.v)
			out.w = append(out.w, x.w)
			last = x.v
		}
		out.start[u+1] = int32(len(out.adj))
	}
	return out
}

// undirectedOf folds g's directions: w(u,v) + w(v,u). g's out- and
// in-lists are each sorted by neighbour, so u's undirected row is their
// merge, built in one linear pass with no per-node sort (on a dense graph
// the sort was three quarters of a Louvain run). Weight-0 edges are left
// out, as fromLists leaves them.
func undirectedOf(g *Graph) *undirected {
	n := g.Len()
	if u, ok := undirectedOfSymmetric(g); ok {
		return u
	}
	out := &undirected{start: make([]int32, n+1), loop: make([]float64, n)}
	adj := make([]int32, 2*g.Edges())
	w := make([]float64, 2*g.Edges())
	k := 0 // next free slot in adj and w
	for u := int32(0); int(u) < n; u++ {
		row := k // u's row starts here
		oa, ow := g.out(u)
		ia, iw := g.in(u)
		ow, iw = ow[:len(oa)], iw[:len(ia)]
		i, j := 0, 0
		for i < len(oa) || j < len(ia) {
			var v int32
			var x float64
			if j == len(ia) || (i < len(oa) && oa[i] <= ia[j]) {
				v, x = oa[i], ow[i]
				i++
			} else {
				v, x = ia[j], iw[j]
				j++
			}
			switch {
			case x == 0:
			case k > row && adj[k-1] == v:
				w[k-1] += x
			default:
				adj[k], w[k] = v, x
				k++
			}
		}
		out.start[u+1] = int32(k)
	}
	out.adj, out.w = adj[:k:k], w[:k:k]
	out.deg, _ = degrees(out)
	return out
}

// undirectedOfSymmetric is undirectedOf of a graph whose every arc has
// its reverse of the same weight (an undirected graph read as arcs both
// ways), where u's undirected row is its out-row with weights doubled:
// its rows are g's own (nothing writes an undirected graph's rows once
// built), only the weights new. ok is false for any other graph, or one
// with a weight-0 arc.
func undirectedOfSymmetric(g *Graph) (*undirected, bool) {
	// g.sym: every arc has its reverse (NewGraph found it); the weights
	// must match too. One pass checks them, doubles them and sums each
	// node's degree (four passes over the arcs were a fifth of a run on a
	// dense graph).
	if !g.sym || len(g.outW) != len(g.inW) {
		return nil, false
	}
	w := make([]float64, len(g.outW))
	deg := make([]float64, g.Len())
	rows := func(lo, hi int) bool {
		ok := true
		for u := lo; u < hi; u++ {
			a, b := g.outStart[u], g.outStart[u+1]
			ow, iw, uw := g.outW[a:b], g.inW[a:b], w[a:b]
			iw, uw = iw[:len(ow)], uw[:len(ow)]
			d := 0.0
			for e, x := range ow {
				ok = ok && x == iw[e] && x != 0
				uw[e] = 2 * x
				d += 2 * x
			}
			deg[u] = d
		}
		return ok
	}
	// On a large graph (as many arcs as make aggregate split its work) a
	// Pair takes the nodes before and after the middle arc; the caller
	// does both if the helper has not started by the time its half is
	// done (a goroutine started and waited for began up to ms late).
	var ok bool
	if n := g.Len(); len(w) >= parallelAggregateEdges {
		mid, _ := slices.BinarySearch(g.outStart, int32(len(w)/2))
		mid = min(mid, n)
		var second bool
		pair := parallel.NewPair()
		pair.Both(func() { ok = rows(0, mid) }, func() { second = rows(mid, n) })
		pair.Stop()
		ok = ok && second
	} else {
		ok = rows(0, n)
	}
	if !ok {
		return nil, false
	}
	return &undirected{start: g.outStart, adj: g.outAdj, w: w, loop: make([]float64, g.Len()), deg: deg}, true
}

// louvainCSRContext is Blondel et al.'s Louvain method on compressed rows
// with flat arrays: local moving, then aggregation, until no move improves
// modularity. Local moving is pruned (Ozaki, Tezuka and Inaba, "A simple
// acceleration method for the Louvain algorithm", IJCEE 8(3), 2016; the
// Leiden paper's fast local moving, fastLocalMoving): after one round over
// every node in a seeded random order, only nodes whose neighbourhood
// changed are looked at again, where Blondel's passes look at every node
// until a pass moves none. It ends at a local optimum of the same kind (no
// single move raises Q) in fewer node visits: on the benchmark's Holme-Kim
// 20k and Debian graphs a run took half and a third of the full passes'
// time, Q within the spread of seeds (louvain_ref_test.go keeps the
// full-pass method as the reference). Ties between communities
// go to the lowest community index, so a seed fixes the result. It returns
// each original node's community (0-based, arbitrary order) and Q. Once
// ctx is done it stops between passes (a local moving phase and its
// aggregation).
func louvainCSRContext(ctx context.Context, g0 *undirected, seed uint64) ([]int32, float64, error) {
	rng := rand.New(rand.NewPCG(seed, 0x10fa1))
	pair := pairFor(g0)
	defer pair.Stop()
	rows, scratch := &rowArenas{}, &moveScratch{}
	n0 := g0.n()
	member := make([]int32, n0) // original node -> node of the current level
	for i := range member {
		member[i] = int32(i)
	}
	g := g0
	// Q is computed on the last level's graph, whose nodes are the final
	// communities' parts: the same Q as on g0 (aggregation keeps every
	// weight, inside a community as a self-loop), without another pass
	// over g0's edges.
	var last []int32 // the last level's partition, nil: each node alone
	for level := 0; level < 64; level++ {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		mv, moved := fastLocalMoving(g, nil, rng, pair, scratch)
		comm := mv.comm
		if !moved && level > 0 {
			break
		}
		// Renumber communities densely in order of first appearance.
		renum := make([]int32, g.n())
		for i := range renum {
			renum[i] = -1
		}
		k := int32(0)
		for i := 0; i < g.n(); i++ {
			c := comm[i]
			if renum[c] < 0 {
				renum[c] = k
				k++
			}
		}
		for i := range member {
			member[i] = renum[comm[member[i]]]
		}
		if !moved || int(k) == g.n() {
			last = make([]int32, g.n())
			for i, c := range comm {
				last[i] = renum[c]
			}
			break
		}
		g = aggregate(g, comm, renum, int(k), pair, rows)
	}
	if last == nil {
		last = make([]int32, g.n())
		for i := range last {
			last[i] = int32(i)
		}
	}
	return member, modularityOf(g, last), nil
}

// pairFor is the pair of goroutines a Louvain or Leiden run on g0 shares
// out its batches, refinement and aggregation on (parallel.Pair): nil,
// one goroutine, when g0 is too small for any of them to split its work
// (each splits only at 50,000 half-edges or more) or the process runs one
// goroutine at a time. The caller stops it.
func pairFor(g0 *undirected) *parallel.Pair {
	if len(g0.adj) < min(batchedMoveEdges, parallelRefineEdges, parallelAggregateEdges) {
		return nil
	}
	return parallel.NewPair()
}

// degrees are g's node degrees (read-only: they may be g's own) and
// their sum, 2m.
func degrees(g *undirected) ([]float64, float64) {
	if g.deg != nil {
		total := 0.0
		for _, d := range g.deg {
			total += d
		}
		return g.deg, total
	}
	k := make([]float64, g.n())
	total := 0.0
	for u := range k {
		d := 0.0
		for _, x := range g.w[g.start[u]:g.start[u+1]] {
			d += x
		}
		k[u] = d + 2*g.loop[u]
		total += k[u]
	}
	return k, total
}

// mover is the state of local moving on one level: each node's community,
// each community's total degree, and a dense neighbour-weight array with
// the list of entries in use, reused from node to node.
type mover struct {
	g      *undirected
	k, tot []float64
	comm   []int32
	neighW []float64
	self   *proposer // move's evaluation, on neighW
	// batches counts the batches of more than one node fastLocalMoving
	// judged (moveRate), for tests.
	batches int
	// wide: the graph has more than wideMoveNodes nodes, so the arrays a
	// node's judgement reads at random spill out of L1 and it is judged
	// in passes (proposer.judgeInPasses). Either way gives the same move.
	wide bool
	m2   float64 // 2m, the total degree
	gm2  float64 // 2m/γ: the gain's penalty is γ·tot·k/2m
}

// newMover starts local moving on g from init (nil: every node alone; else
// community indices < n), its totals and scratch in s's arrays. ok is
// false on a graph without edges, where no move can change anything.
func newMover(g *undirected, init []int32, s *moveScratch) (mv *mover, m2 float64, ok bool) {
	n := g.n()
	k, m2 := degrees(g)
	mv = &mover{g: g, k: k, tot: s.floats(0, n), comm: make([]int32, n), neighW: s.floats(1, n),
		m2: m2, gm2: m2 / g.resolution(), wide: n > wideMoveNodes}
	mv.self = &proposer{neighW: mv.neighW}
	for i := range mv.comm {
		mv.comm[i] = int32(i)
		if init != nil {
			mv.comm[i] = init[i]
		}
		mv.tot[mv.comm[i]] += k[i]
	}
	return mv, m2, m2 != 0
}

// wideMoveNodes is the node count above which a level's nodes are judged
// in passes: comm (4 bytes a node) and neighW (8) then outgrow a 48 KiB
// L1 data cache.
const wideMoveNodes = 4096

// move takes u out of its community and puts it into the neighbouring
// community (or its own) of highest modularity gain, ties to the lowest
// community index (proposer.evaluate). It returns u's old community and,
// if u moved, the gain over staying (in units of edge weight).
func (mv *mover) move(u int32) (from int32, gain float64) {
	best, bestGain, stay, _, _ := mv.self.evaluateGains(mv, u)
	from = mv.comm[u]
	if best != from {
		mv.tot[from] -= mv.k[u]
		mv.tot[best] += mv.k[u]
		mv.comm[u] = best
		gain = bestGain - stay
	}
	return from, gain
}

// modularityOf is Newman's Q of a partition at g's resolution.
func modularityOf(g *undirected, member []int32) float64 {
	k, m2 := degrees(g)
	if m2 == 0 {
		return 0
	}
	nc := int32(0)
	for _, c := range member {
		nc = max(nc, c+1)
	}
	in := make([]float64, nc)
	tot := make([]float64, nc)
	for u := 0; u < g.n(); u++ {
		cu := member[u]
		tot[cu] += k[u]
		in[cu] += 2 * g.loop[u]
		for e := g.start[u]; e < g.start[u+1]; e++ {
			if member[g.adj[e]] == cu {
				in[cu] += g.w[e]
			}
		}
	}
	q, gamma := 0.0, g.resolution()
	for c := range in {
		q += in[c]/m2 - gamma*(tot[c]/m2)*(tot[c]/m2)
	}
	return q
}
