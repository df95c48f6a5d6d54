package network

import (
	"context"
)

// pageRankMaxIter bounds the Gauss–Seidel sweeps PageRank spends on any
// one strongly connected component.
const pageRankMaxIter = 1000

// PageRank returns PageRank scores with damping factor d = damp, as
// networkx.pagerank defines them (Page, Brin, Motwani and Winograd, "The
// PageRank citation ranking: bringing order to the web", Stanford InfoLab
// 1999): the fixed point of
//
//	x_v = (1-d)/n + d·( Σ_{u→v} x_u·w_uv/s_u + Σ_{u dangling} x_u/n ),  Σ x = 1,
//
// where s_u is u's out-strength (out-degree when not weighted) and a
// dangling node has none: its rank is spread uniformly, teleportation is
// uniform. With weighted, edges count in proportion to their weight;
// otherwise each collapsed edge counts 1.
//
// It is not found by power iteration. The dangling and teleport terms add
// the same amount c to every node, so x = c·(I − dPᵀ)⁻¹·1 with P the
// transition matrix of the non-dangling nodes, and x is the solution y of
//
//	y = (1-d)/n·1 + d·Pᵀy
//
// scaled to sum 1. That system is solved one strongly connected component
// at a time, each after every component with an edge into it, so the
// values flowing in are final: a component of one node (every node of an
// acyclic graph) is solved in one step, a larger one by Gauss–Seidel
// sweeps over its nodes in order of in-degree (ties, and components of
// under 64 nodes, in the order Tarjan's algorithm finds them), each
// after scaling the component's values to
// meet the one condition on their sum the exact solution meets (which
// removes the error Gauss–Seidel alone is slowest to remove). Solving by
// strongly connected component with Gauss–Seidel is what the PRPACK
// library (github.com/dgleich/prpack), which python-igraph uses, does for
// networkx's definition. Summation order is fixed and nothing runs in
// parallel, so results are bit-for-bit reproducible, whatever GOMAXPROCS.
//
// Stopping rule (the one MetricTable states): a component of k > 1 nodes
// is swept until one sweep changes its values y by less than
// k·(1-d)·tol in L1, or after pageRankMaxIter sweeps, unconverged. A
// sweep's change bounds the residual ‖y − (1-d)/n − dPᵀy‖₁ it leaves on
// the component by d times itself, and the error of y by d/(1-d) times
// itself, so on convergence y is within d·n·tol of the exact solution in
// L1 (and x, y scaled, within 2·d·n·tol/(1-d)): tighter than networkx's
// rule (L1 change of a power step below n·tol), which leaves an error of up
// to d/(1-d)·n·tol. The Convergence's Iterations are the most sweeps any
// component took (1 on a graph without cycles); Converged says every
// component met the rule. Once ctx is done it stops between sweeps and
// components and returns ctx's error and no scores.
func PageRank(ctx context.Context, g *Graph, damp float64, weighted bool, tol float64) ([]float64, Convergence, error) {
	n := g.Len()
	conv := Convergence{Converged: true}
	if n == 0 {
		return nil, conv, ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, Convergence{}, err
	}
	// coef[u] is d/s_u (0 for dangling nodes) and z[u] = coef[u]·y[u], the
	// share u passes along each unit of edge weight once y[u] is final.
	coef := make([]float64, n)
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
			coef[i] = damp / s
		}
	}
	order, bounds := tarjan(g.inStart, g.inAdj)
	y := make([]float64, n)
	z := make([]float64, n)
	base := (1 - damp) / float64(n)
	var big pageRankSCC
	work := 0
	for c := 0; c+1 < len(bounds); c++ {
		lo, hi := bounds[c], bounds[c+1]
		if hi-lo > 1 {
			if err := ctx.Err(); err != nil {
				return nil, conv, err
			}
			sweeps, ok, err := big.solve(ctx, g, weighted, order[lo:hi], coef, y, z, base, 1/(1-damp), tol*(1-damp))
			if err != nil {
				return nil, conv, err
			}
			conv.Iterations = max(conv.Iterations, sweeps)
			conv.Converged = conv.Converged && ok
			continue
		}
		v := order[lo]
		adj, w := g.in(v)
		sum := 0.0
		if weighted {
			for k, u := range adj {
				sum += z[u] * w[k]
			}
		} else {
			for _, u := range adj {
				sum += z[u]
			}
		}
		y[v] = base + sum
		z[v] = coef[v] * y[v]
		conv.Iterations = max(conv.Iterations, 1)
		if work += len(adj) + 1; work > 1<<16 {
			work = 0
			if err := ctx.Err(); err != nil {
				return nil, conv, err
			}
		}
	}
	return normalize(y), conv, nil
}

// normalize scales y to sum 1.
func normalize(y []float64) []float64 {
	total := 0.0
	for _, v := range y {
		total += v
	}
	for i := range y {
		y[i] /= total
	}
	return y
}

// pageRankSCC holds the buffers of one component's solve, reused from one
// component to the next: the component's arcs among themselves in
// compressed rows over positions in the component, and per position the
// inflow b, the values y and z = c·y, c = d/s and keep (see prSystem).
type pageRankSCC struct {
	pos        []int32 // node -> position in its component, while it is solved (-1 outside)
	order      []int32 // the component's nodes by position
	count      []int32 // counting sort by in-degree
	start, src []int32
	w          []float64
	b, y, z, c []float64
	keep       []float64
}

// resize returns buf with length k, reusing its array when it is big enough.
func resize[T any](buf []T, k int) []T {
	if cap(buf) < k {
		return make([]T, k)
	}
	return buf[:k]
}

// byInDegree puts nodes in order of in-degree, ties in the order given,
// into s.order. Sweeping in that order costs less: the loop over a node's
// arcs runs as many times as for the node before it, mostly, which the
// processor predicts, and the nodes most arcs lead to are swept last,
// from the freshest values (one sweep fewer on Holme-Kim graphs).
func (s *pageRankSCC) byInDegree(g *Graph, nodes []int32) []int32 {
	most := int32(0)
	for _, v := range nodes {
		most = max(most, g.inStart[v+1]-g.inStart[v])
	}
	s.count = resize(s.count, int(most)+2)
	clear(s.count)
	for _, v := range nodes {
		s.count[g.inStart[v+1]-g.inStart[v]+1]++
	}
	for d := 1; d < len(s.count); d++ {
		s.count[d] += s.count[d-1]
	}
	s.order = resize(s.order, len(nodes))
	for _, v := range nodes {
		d := g.inStart[v+1] - g.inStart[v]
		s.order[s.count[d]] = v
		s.count[d]++
	}
	return s.order
}

// solve solves the nodes of one strongly connected component by
// Gauss–Seidel, given the final z of every node with an edge into it from
// outside (scale is 1/(1-d)); it writes their y and z. It stops once a
// sweep changes y by less than tol per node in L1, and returns the sweeps
// run and whether that happened.
func (s *pageRankSCC) solve(ctx context.Context, g *Graph, weighted bool, nodes []int32, coef, y, z []float64, base, scale, tol float64) (int, bool, error) {
	if s.pos == nil {
		s.pos = make([]int32, g.Len())
		for i := range s.pos {
			s.pos[i] = -1
		}
	}
	pos := s.pos
	if len(nodes) >= 64 {
		// (A small component gains nothing from the order.)
		nodes = s.byInDegree(g, nodes)
	}
	arcs := 0
	for p, v := range nodes {
		pos[v] = int32(p)
		arcs += int(g.inStart[v+1] - g.inStart[v])
	}
	k := len(nodes)
	s.start, s.src = resize(s.start, k+1), resize(s.src, arcs)
	if weighted {
		s.w = resize(s.w, arcs)
	}
	s.b, s.y, s.z, s.c = resize(s.b, k), resize(s.y, k), resize(s.z, k), resize(s.c, k)
	s.keep = resize(s.keep, k)
	clear(s.keep)
	// Edges from outside are summed once into b; edges inside are kept,
	// and keep[q] gathers the weight leaving q inside the component.
	start, src, keep := s.start, s.src, s.keep
	e := int32(0)
	start[0] = 0
	for p, v := range nodes {
		lo, hi := g.inStart[v], g.inStart[v+1]
		b := base
		if weighted {
			w := g.inW[lo:hi]
			for i, u := range g.inAdj[lo:hi] {
				if q := pos[u]; q >= 0 {
					src[e], s.w[e] = q, w[i]
					e++
					keep[q] += w[i]
				} else {
					b += z[u] * w[i]
				}
			}
		} else {
			for _, u := range g.inAdj[lo:hi] {
				if q := pos[u]; q >= 0 {
					src[e] = q
					e++
					keep[q]++
				} else {
					b += z[u]
				}
			}
		}
		start[p+1] = e
		s.b[p] = b
		s.c[p] = coef[v]
	}
	// Start from b/(1-d): were no rank to leave the component, its values
	// would sum to exactly that much (Σy = Σb + d·Σy), and the error along
	// that slowest-decaying direction would be gone before the first sweep.
	// keep[p] becomes d times the share of node p's out-weight that stays
	// in the component, and sumB is the inflow.
	sumB := 0.0
	for p, b := range s.b {
		s.y[p] = b * scale
		s.z[p] = s.c[p] * s.y[p]
		keep[p] *= s.c[p]
		sumB += b
	}
	sys := prSystem{start: start, src: src[:e], b: s.b, c: s.c, keep: keep, y: s.y, z: s.z, sumB: sumB}
	if weighted {
		sys.w = s.w[:e]
	}
	sweeps, ok, err := sys.iterate(ctx, float64(k)*tol)
	for p, v := range nodes {
		y[v], z[v] = s.y[p], s.z[p]
		pos[v] = -1
	}
	return sweeps, ok, err
}
