package network

import (
	"context"
	"math"
)

// prSystem is one strongly connected component's part of the linear
// system, over positions 0..k-1:
//
//	y[p] = b[p] + Σ_{e in start[p]:start[p+1]} z[src[e]]·w[e],   z = c·y,
//
// with w nil when every arc weighs 1. b holds the teleport term and the
// final inflow from earlier components, c is d/s per position, and
// keep[p] is c[p] times the weight of p's arcs that stay inside: the
// exact solution meets Σy = sumB + Σ keep·y, one linear condition on its
// scale. y and z hold the starting values and receive the result.
type prSystem struct {
	start, src []int32
	w          []float64
	b, c, keep []float64
	y, z       []float64
	sumB       float64
}

// prSums is what a sweep reports: its L1 change, and Σy and Σkeep·y of
// its new values, for the next scaling.
type prSums struct{ change, sumY, kept float64 }

// sweep is one Gauss–Seidel sweep in position order: each y[p] is
// recomputed from z, which holds the new values of the positions before
// p and the old ones of p and those after it.
func (s *prSystem) sweep() prSums {
	var r prSums
	y := s.y
	b, c, keep, z := s.b[:len(y)], s.c[:len(y)], s.keep[:len(y)], s.z[:len(y)]
	start, src := s.start[:len(y)+1], s.src
	e0 := start[0]
	if s.w == nil {
		for p := range y {
			e1 := start[p+1]
			sum := b[p]
			for _, q := range src[e0:e1] {
				sum += z[q]
			}
			e0 = e1
			r.change += math.Abs(sum - y[p])
			y[p] = sum
			z[p] = c[p] * sum
			r.sumY += sum
			r.kept += keep[p] * sum
		}
		return r
	}
	for p := range y {
		e1 := start[p+1]
		sum := b[p]
		w := s.w[e0:e1]
		for i, q := range src[e0:e1] {
			sum += z[q] * w[i]
		}
		e0 = e1
		r.change += math.Abs(sum - y[p])
		y[p] = sum
		z[p] = c[p] * sum
		r.sumY += sum
		r.kept += keep[p] * sum
	}
	return r
}

// iterate runs sweeps until one changes y by less than limit in L1, at
// most pageRankMaxIter; it returns the sweeps run and whether that
// happened. Before each sweep the values are scaled to meet the condition
// on their scale: Gauss–Seidel alone removes an error in the overall
// scale at about the rate d, its slowest, and the scaling removes it at
// once (a one-level aggregation–disaggregation step). The sweep that
// follows is plain, so the stopping rule's bound holds for its result.
// The sums the scaling needs come from the sweep before.
func (s *prSystem) iterate(ctx context.Context, limit float64) (int, bool, error) {
	var r prSums
	for p, x := range s.y {
		r.sumY += x
		r.kept += x * s.keep[p]
	}
	for t := 1; t <= pageRankMaxIter; t++ {
		if t%16 == 0 {
			if err := ctx.Err(); err != nil {
				return t, false, err
			}
		}
		if den := r.sumY - r.kept; den > 0 {
			a := s.sumB / den
			z := s.z[:len(s.y)]
			for p := range s.y {
				s.y[p] *= a
				z[p] *= a
			}
		}
		if r = s.sweep(); r.change < limit {
			return t, true, nil
		}
	}
	return pageRankMaxIter, false, nil
}
