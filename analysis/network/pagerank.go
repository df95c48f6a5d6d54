package network

import (
	"context"
	"math"
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
// sweeps in a fixed order, each after scaling the component's values to
// meet the one condition on their sum the exact solution meets (which
// removes the error Gauss–Seidel alone is slowest to remove). Solving by
// strongly connected component with Gauss–Seidel is what the PRPACK
// library (github.com/dgleich/prpack), which python-igraph uses, does for
// networkx's definition. Summation order is fixed, so
// results are bit-for-bit reproducible.
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
	total := 0.0
	for _, v := range y {
		total += v
	}
	for i := range y {
		y[i] /= total
	}
	return y, conv, nil
}

// pageRankSCC holds the buffers of one component's solve, reused from one
// component to the next: the component's arcs among themselves in
// compressed rows over positions in the component, and its values.
type pageRankSCC struct {
	pos        []int32 // node -> position in its component, while it is solved (-1 outside)
	start, src []int32
	w, b, y, z []float64
	keep       []float64
}

// solve solves the nodes of one strongly connected component, in the given
// order, by Gauss–Seidel, given the final z of every node with an edge
// into it from outside (scale is 1/(1-d)); it writes their y and z. It stops once a sweep
// changes y by less than tol per node in L1, and returns the sweeps run
// and whether that happened.
func (s *pageRankSCC) solve(ctx context.Context, g *Graph, weighted bool, nodes []int32, coef, y, z []float64, base, scale, tol float64) (int, bool, error) {
	if s.pos == nil {
		s.pos = make([]int32, g.Len())
		for i := range s.pos {
			s.pos[i] = -1
		}
	}
	for p, v := range nodes {
		s.pos[v] = int32(p)
	}
	k := len(nodes)
	s.start = append(s.start[:0], 0)
	s.src, s.w, s.b = s.src[:0], s.w[:0], s.b[:0]
	// Edges from outside are summed once into b; edges inside are kept.
	for _, v := range nodes {
		adj, w := g.in(v)
		b := base
		for e, u := range adj {
			wt := 1.0
			if weighted {
				wt = w[e]
			}
			if p := s.pos[u]; p >= 0 {
				s.src = append(s.src, p)
				if weighted {
					s.w = append(s.w, wt)
				}
			} else {
				b += z[u] * wt
			}
		}
		s.b = append(s.b, b)
		s.start = append(s.start, int32(len(s.src)))
	}
	// Start from b/(1-d): were no rank to leave the component, its values
	// would sum to exactly that much (Σy = Σb + d·Σy), and the error along
	// that slowest-decaying direction would be gone before the first sweep.
	s.y = s.y[:0]
	for _, b := range s.b {
		s.y = append(s.y, b*scale)
	}
	s.z = s.z[:0]
	for p, v := range nodes {
		s.z = append(s.z, coef[v]*s.y[p])
	}
	// keep[p] is d times the share of node p's out-weight that stays in
	// the component, and sumB the inflow: the exact solution satisfies
	// Σy = sumB + Σ keep·y, one linear condition on its scale.
	s.keep = s.keep[:0]
	for range nodes {
		s.keep = append(s.keep, 0)
	}
	for p := range nodes {
		for e := s.start[p]; e < s.start[p+1]; e++ {
			wt := 1.0
			if weighted {
				wt = s.w[e]
			}
			s.keep[s.src[e]] += wt
		}
	}
	sumB := 0.0
	for p, v := range nodes {
		s.keep[p] *= coef[v]
		sumB += s.b[p]
	}
	limit := float64(k) * tol
	sweeps, ok := 0, false
	for sweeps < pageRankMaxIter {
		if sweeps > 0 && sweeps%16 == 0 {
			if err := ctx.Err(); err != nil {
				return sweeps, false, err
			}
		}
		// Before each sweep, scale y to meet that condition: Gauss–Seidel
		// alone removes an error in the overall scale at about the rate d,
		// its slowest; the scaling removes it at once (a one-level
		// aggregation–disaggregation step). The sweep that follows is
		// plain, so the stopping rule's bound holds for its result.
		sumY, kept := 0.0, 0.0
		for p, x := range s.y {
			sumY += x
			kept += x * s.keep[p]
		}
		if den := sumY - kept; den > 0 {
			alpha := sumB / den
			for p := range s.y {
				s.y[p] *= alpha
				s.z[p] *= alpha
			}
		}
		sweeps++
		var change float64
		if weighted {
			change = s.sweepWeighted(nodes, coef)
		} else {
			change = s.sweep(nodes, coef)
		}
		if change < limit {
			ok = true
			break
		}
	}
	for p, v := range nodes {
		y[v], z[v] = s.y[p], s.z[p]
		s.pos[v] = -1
	}
	return sweeps, ok, nil
}

// sweep is one Gauss–Seidel sweep over the component, unweighted; it
// returns the L1 change of y.
func (s *pageRankSCC) sweep(nodes []int32, coef []float64) float64 {
	change := 0.0
	yy, zz, src := s.y, s.z, s.src
	for p, v := range nodes {
		sum := s.b[p]
		for _, q := range src[s.start[p]:s.start[p+1]] {
			sum += zz[q]
		}
		change += math.Abs(sum - yy[p])
		yy[p] = sum
		zz[p] = coef[v] * sum
	}
	return change
}

// sweepWeighted is sweep with edge weights.
func (s *pageRankSCC) sweepWeighted(nodes []int32, coef []float64) float64 {
	change := 0.0
	yy, zz, src, w := s.y, s.z, s.src, s.w
	for p, v := range nodes {
		sum := s.b[p]
		lo, hi := s.start[p], s.start[p+1]
		for e, q := range src[lo:hi] {
			sum += zz[q] * w[int(lo)+e]
		}
		change += math.Abs(sum - yy[p])
		yy[p] = sum
		zz[p] = coef[v] * sum
	}
	return change
}
