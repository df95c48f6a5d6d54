package network

import (
	"math/rand/v2"

	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
)

// A batch is the nodes fastLocalMoving takes from its queue at a time:
// their best communities are found against the state the batch starts
// from, two goroutines sharing the work, then the moves are made one by
// one. It ends at moveBatchNodes nodes or once its nodes hold
// moveBatchEdges half-edges, so a batch is worth splitting on sparse
// graphs too. The bounds are constants, not the core count, so the result
// does not depend on the machine.
const (
	moveBatchNodes = 1024
	moveBatchEdges = 8192
)

// batchedMoveEdges is the least number of half-edges of a level's graph
// for its local moving to go by batches (when few nodes move: moveRate).
// A smaller graph's nodes are judged one at a time, each on the state the
// last one left: a batch would hold most of its nodes, and proposals made
// together from one state lead a small graph's runs apart (on the seed's
// 46-country graph the mean NMI between ten seeded runs fell from 0.989
// to 0.935).
const batchedMoveEdges = 50000

// parallelBatchEdges is the least number of half-edges a batch must hold
// for its proposals to be split across two goroutines: below it, starting
// one costs more than it saves. It changes the speed, never the result.
const parallelBatchEdges = 2048

// fastLocalMoving is the Leiden paper's local moving (Traag, Waltman and
// van Eck 2019, "fast local move"; Ozaki, Tezuka and Inaba 2016 call it
// pruning): nodes wait in a queue, first all of them in a seeded random
// order; a node taken from it moves to its best community, and if it
// moved, its neighbours outside that community that are not waiting join
// the end of the queue. It stops when the queue is empty, so after the
// first round only nodes whose neighbourhood changed are looked at again,
// where full passes look at every node.
//
// On a large graph, while few of the nodes judged move (moveRate), nodes
// leave the queue a batch at a time; otherwise, and on a small graph, one
// at a time. In a batch each node's best community is
// first proposed against the state the batch starts from, in parallel
// (proposing only reads the state). The batch is then committed in queue
// order: a node proposed to stay stays; a proposed move is made as
// proposed when no neighbour of the node has moved in this batch and,
// should a community's total have changed since, the move still raises
// modularity computed on the current totals (the node's edge weights into
// both communities are then what the proposal saw); otherwise the node is
// judged again on the current state, as the one-at-a-time method would.
// A node whose neighbour moves after its proposal is not waiting, so it
// joins the queue and is judged again later. Every move made raises
// modularity, and the queue empties at a state where each node was last
// judged after its neighbourhood last changed: the one-at-a-time method's
// guarantee. What differs is only which of several improving moves a
// node makes when a community's total changed in the same batch; the
// result depends on the seed, the batch bounds and the moves made, not on
// scheduling.
func fastLocalMoving(g *undirected, init []int32, rng *rand.Rand, pair *parallel.Pair, s *moveScratch) (*mover, bool) {
	mv, _, ok := newMover(g, init, s)
	if !ok {
		return mv, false
	}
	n := g.n()
	queue := s.int32s(0, n) // a ring: at most n nodes wait at once
	permute(rng, queue)
	waiting := s.bytes(n) // 1: in the queue
	for i := range waiting {
		waiting[i] = 1
	}
	head, size := 0, n
	movedAny := false
	// nearMoveIn[v] and changedIn[c] hold the number of the batch in which
	// a neighbour of node v moved and community c's total changed, last.
	nearMoveIn := s.int32s(1, n)
	changedIn := s.int32s(2, n)
	canBatch := len(g.adj) >= batchedMoveEdges
	batch := make([]int32, 0, 1) // one node at a time
	proposals := make([]proposal, 1)
	if canBatch {
		batch = make([]int32, 0, moveBatchNodes)
		proposals = make([]proposal, moveBatchNodes)
	}
	first := &proposer{neighW: mv.neighW}
	var second *proposer // the pair's helper's, on a graph batched on two cores
	if canBatch && pair != nil {
		second = &proposer{neighW: s.floats(2, n)}
	}
	var rate moveRate
	// Every move raises modularity, so the queue empties; the bound only
	// guards against cycling among moves of equal gain.
	for b, pops := int32(1), 0; size > 0 && pops < 1000*n; b++ {
		batch = batch[:0]
		edges := 0
		maxNodes := 1
		if canBatch && rate.batched {
			maxNodes = moveBatchNodes
		}
		for size > 0 && len(batch) < maxNodes && edges < moveBatchEdges {
			u := queue[head]
			head, size = (head+1)%n, size-1
			waiting[u] = 0
			batch = append(batch, u)
			edges += int(g.start[u+1] - g.start[u])
		}
		pops += len(batch)
		if second != nil && edges >= parallelBatchEdges {
			half := splitByEdges(g, batch, edges)
			pair.Both(func() { first.propose(mv, batch[:half], proposals[:half]) },
				func() { second.propose(mv, batch[half:], proposals[half:]) })
		} else {
			first.propose(mv, batch, proposals)
		}
		moves := 0
		for i, u := range batch {
			from, to := mv.comm[u], proposals[i].to
			if to == from {
				continue
			}
			if nearMoveIn[u] == b || (changedIn[from] == b || changedIn[to] == b) && !proposals[i].stillGains(mv, u, from) {
				mv.move(u)
				if to = mv.comm[u]; to == from {
					continue
				}
			} else {
				mv.tot[from] -= mv.k[u]
				mv.tot[to] += mv.k[u]
				mv.comm[u] = to
			}
			movedAny = true
			moves++
			changedIn[from], changedIn[to] = b, b
			// Whether a neighbour joins the queue is a coin toss, so it is
			// decided without a branch: every neighbour is written to the
			// slot after the queue's end, and only one that joins moves
			// the end on. The slot is free: u is not waiting, so at most
			// n-1 nodes are.
			tail := (head + size) % n
			for _, v := range g.adj[g.start[u]:g.start[u+1]] {
				nearMoveIn[v] = b
				d := uint32(mv.comm[v] ^ to)
				joins := (d | -d) >> 31 & (1 ^ uint32(waiting[v])) // elsewhere, not waiting
				queue[tail] = v
				waiting[v] |= uint8(joins)
				size += int(joins)
				if tail += int(joins); tail == n {
					tail = 0
				}
			}
		}
		if len(batch) > 1 {
			mv.batches++
		}
		rate.after(len(batch), moves)
	}
	return mv, movedAny
}

// moveRate chooses between judging nodes one at a time and by batches as
// local moving goes. While most nodes judged move (the first round from
// singletons), a batch's proposals mostly conflict, each is judged again
// alone, and the fresher state of one at a time also needs fewer
// judgements: on the benchmark's graphs a Louvain run by batches took
// 1.3-1.7 times as long as one at a time. Once few move (later rounds, a
// Leiden iteration from the last one's partition), proposals hold and two
// goroutines judge twice as many. The choice follows the moves made, so a
// seed still fixes the result.
type moveRate struct {
	batched      bool
	judged, move int // in the current window of one-at-a-time judgements
}

// The window and the rates that switch the mode: to batches when under
// 1 in 10 of a window's nodes moved, back when over 1 in 4 of a batch's
// did.
const (
	moveRateWindow   = 1024
	batchBelowRate   = 10
	unbatchAboveRate = 4
)

// after records that judged nodes were judged and moves of them moved.
func (r *moveRate) after(judged, moves int) {
	if r.batched {
		if moves*unbatchAboveRate > judged {
			*r = moveRate{}
		}
		return
	}
	r.judged += judged
	r.move += moves
	if r.judged >= moveRateWindow {
		r.batched = r.move*batchBelowRate < r.judged
		r.judged, r.move = 0, 0
	}
}

// splitByEdges is the index that splits batch into two runs of about
// equal half-edge counts (edges in all), so both goroutines get the same
// work on a graph of skewed degrees.
func splitByEdges(g *undirected, batch []int32, edges int) int {
	acc := 0
	for i, u := range batch {
		if acc += int(g.start[u+1] - g.start[u]); 2*acc >= edges {
			return i + 1
		}
	}
	return len(batch)
}

// proposer finds nodes' best communities without changing the mover: its
// own dense neighbour-weight array, so two can run at once.
type proposer struct {
	neighW  []float64
	touched []int32 // scratch: the communities u's neighbours are in
}

// proposal is where a node's move would take it on the state its batch
// started from, with the weights of its edges into that community and into
// its own, which stay as they were while no neighbour moves.
type proposal struct {
	to        int32
	wTo, wOwn float64
}

// stillGains says whether moving u from its community from to p.to still
// raises modularity now that the communities' totals may have changed,
// u's neighbours having stayed where they were (so p's weights hold): the
// gain is then computed exactly as evaluate would, w − γ·tot·k_u/2m on
// each side.
func (p proposal) stillGains(mv *mover, u, from int32) bool {
	ku := mv.k[u] / mv.gm2
	return p.wTo-mv.tot[p.to]*ku > p.wOwn-(mv.tot[from]-mv.k[u])*ku+1e-12
}

// propose sets out[i] to the move mover.move would make of nodes[i] on
// the current state.
func (p *proposer) propose(mv *mover, nodes []int32, out []proposal) {
	for i, u := range nodes {
		out[i].to, out[i].wTo, out[i].wOwn = p.evaluate(mv, u)
	}
}

// evaluate finds the community u's move would put it in on mv's current
// state, without changing it: with u taken out of its community, the
// neighbouring community (or its own) of highest gain w(u,c) − γ·tot_c·k_u/2m
// (Blondel et al.'s ΔQ in units of edge weight), ties within 1e-12 going to
// the lowest community index. It returns that community, its gain and the
// gain of staying.
//
// The loop over u's edges is written for speed, as it is most of a run: a
// community is listed in touched when it is first seen, by always writing
// it and advancing the length only then (no branch to mispredict), and
// the penalty's factor k_u/(2m/γ) is divided out once per node.
func (p *proposer) evaluate(mv *mover, u int32) (best int32, wBest, wOwn float64) {
	best, _, _, wBest, wOwn = p.evaluateGains(mv, u)
	return best, wBest, wOwn
}

// evaluateGains is evaluate with the gains of the best community and of
// staying (edge-weight units) beside the weights of u's edges into the
// best community and its own.
func (p *proposer) evaluateGains(mv *mover, u int32) (best int32, bestGain, stay, wBest, wOwn float64) {
	g, comm, tot, k, neighW := mv.g, mv.comm, mv.tot, mv.k, p.neighW
	cu := comm[u]
	adj := g.adj[g.start[u]:g.start[u+1]]
	if cap(p.touched) < len(adj) {
		// At most one community per neighbour; grown to the largest
		// degree seen, not the node count.
		p.touched = make([]int32, 2*len(adj))
	}
	w := g.w[g.start[u]:g.start[u+1]]
	w = w[:len(adj)]
	ku := k[u] / mv.gm2
	ownTot := tot[cu] - k[u] // u's community without u
	judge := p.judgeListed
	if mv.wide {
		judge = p.judgeInPasses
	}
	best, bestGain, stay, seen := judge(mv, u, adj, w, ku, ownTot)
	wBest, wOwn = neighW[best], neighW[cu]
	for _, c := range seen {
		neighW[c] = 0
	}
	neighW[cu] = 0
	return best, bestGain, stay, wBest, wOwn
}

// judgeListed sums u's edge weights per neighbouring community in
// neighW, listing each community once in touched, and returns the best
// community, its gain, staying's and the communities whose sums the
// caller clears. A community is
// listed when first seen by always writing it and advancing the length
// only then (no branch to mispredict). The length then waits on each
// neighW load, chaining every half-edge to the last: cheap while the
// arrays sit in L1 (mover.wide false).
func (p *proposer) judgeListed(mv *mover, u int32, adj []int32, w []float64, ku, ownTot float64) (best int32, bestGain, stay float64, seen []int32) {
	comm, tot, neighW := mv.comm, mv.tot, p.neighW
	touched := p.touched[:cap(p.touched)]
	w = w[:len(adj)]
	nt := 0
	for e, v := range adj {
		c := comm[v]
		old := neighW[c] // weights are > 0, so 0 means not seen yet
		touched[nt] = c
		if old == 0 {
			nt++
		}
		neighW[c] = old + w[e]
	}
	cu := comm[u]
	stay = neighW[cu] - ownTot*ku
	best, bestGain = cu, stay
	for _, c := range touched[:nt] {
		t := tot[c]
		if c == cu {
			t = ownTot
		}
		gain := neighW[c] - t*ku
		if gain > bestGain+1e-12 || (gain > bestGain-1e-12 && c < best && gain >= bestGain) {
			best, bestGain = c, gain
		}
	}
	return best, bestGain, stay, touched[:nt]
}

// judgeInPasses is judgeListed in passes over u's edges none of whose
// iterations waits for the one before, for graphs whose arrays spill out
// of L1, where judgeListed's chain of loads sets the pace: sum the
// weights per community (touched holding each edge's), judge each edge's
// community; the caller clears every edge's. A community met twice is judged
// twice to the same effect: the rule keeps the first of equals, and a
// second look at a community that lost cannot win (a win needs a gain
// above the best's, which only rises, or a tie and a lower index than a
// best that has only moved to lower indices or higher gains). u's own
// community is judged on its full total there, below staying, so never
// chosen over it.
func (p *proposer) judgeInPasses(mv *mover, u int32, adj []int32, w []float64, ku, ownTot float64) (best int32, bestGain, stay float64, seen []int32) {
	comm, tot, neighW := mv.comm, mv.tot, p.neighW
	cs := p.touched[:len(adj)]
	w = w[:len(adj)]
	for e, v := range adj {
		c := comm[v]
		cs[e] = c
		neighW[c] += w[e]
	}
	cu := comm[u]
	stay = neighW[cu] - ownTot*ku
	best, bestGain = cu, stay
	for _, c := range cs {
		gain := neighW[c] - tot[c]*ku
		if gain > bestGain+1e-12 || (gain > bestGain-1e-12 && c < best && gain >= bestGain) {
			best, bestGain = c, gain
		}
	}
	return best, bestGain, stay, cs
}

// permute sets p to a random permutation of 0..len(p)-1, the one
// rng.Perm(len(p)) returns (identity, then rng.Shuffle), without Perm's
// slice of ints: a level of local moving or refinement drew one of n
// ints, 8 bytes a node, only to copy it.
func permute(rng *rand.Rand, p []int32) {
	for i := range p {
		p[i] = int32(i)
	}
	rng.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
}

// moveScratch keeps the node-sized arrays local moving uses on each level
// of a Louvain or Leiden run (totals, the neighbour-weight scratch of the
// caller and of the pair's helper, the queue and its marks) for the whole
// run, as no level has more nodes than the first: on Debian's security
// graph a bounded Leiden run's levels allocated them afresh, about a
// fifth of the run's 3.1 MB (with the row arenas' change, 2.1 MB now).
// Each array comes back cleared for the level's n nodes. A nil
// *moveScratch allocates afresh each time.
type moveScratch struct {
	f [3][]float64
	i [3][]int32
	b []uint8
}

// floats returns float array j (0: totals, 1: the caller's scratch, 2:
// the helper's) cleared to n entries.
func (s *moveScratch) floats(j, n int) []float64 {
	if s == nil {
		return make([]float64, n)
	}
	return cleared(&s.f[j], n)
}

// int32s returns int32 array j (0: queue, 1 and 2: batch marks) cleared
// to n entries.
func (s *moveScratch) int32s(j, n int) []int32 {
	if s == nil {
		return make([]int32, n)
	}
	return cleared(&s.i[j], n)
}

// bytes returns the byte array cleared to n entries.
func (s *moveScratch) bytes(n int) []uint8 {
	if s == nil {
		return make([]uint8, n)
	}
	return cleared(&s.b, n)
}

// cleared sets *buf to n zero entries, reusing its array (resize), and
// returns it.
func cleared[T any](buf *[]T, n int) []T {
	*buf = resize(*buf, n)
	clear(*buf)
	return *buf
}
