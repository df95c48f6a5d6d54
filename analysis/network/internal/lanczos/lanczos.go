// Package lanczos finds the dominant eigenvector of a symmetric positive
// semi-definite operator by restarted Lanczos iteration, with inner
// products summed in a fixed order so results do not depend on the number
// of workers. Package network's HITS runs it on A·Aᵀ.
package lanczos

import (
	"math"

	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
	"gonum.org/v1/gonum/mat"
)

// Operator is a symmetric positive semi-definite linear operator on
// vectors of length n+1 whose last entry is zero (the padding column of a
// sell.Matrix).
type Operator interface {
	// Apply writes the product of x into y[:n].
	Apply(x, y []float64)
	// Workers is the number of goroutines inner products may use.
	Workers() int
	// Err reports, between restarts, that the caller gave up (a cancelled
	// context); Top then returns with x as it is.
	Err() error
}

const (
	lanczosSteps  = 20   // Krylov vectors kept before an explicit restart
	lanczosCycles = 200  // restarts before giving up on tol
	dotChunk      = 4096 // inner products add chunks of this size in order
)

// Top replaces x by the dominant eigenvector (unit length) of the
// symmetric positive semi-definite operator op, using Lanczos with local
// orthogonalisation and explicit restarts from the current Ritz vector.
// x must carry the zero last entry op's products read; it stays zero.
//
// Orthogonality is kept only locally, against the last two basis vectors
// (the three-term recurrence, with both coefficients recomputed as
// projections): the basis is rebuilt every lanczosSteps products, only the
// top pair is wanted, and HITS checks the true residual at the end. Full
// reorthogonalisation cost more than the products themselves.
func Top(op Operator, x []float64, tol float64) {
	n := len(x)
	m := min(n-1, lanczosSteps)
	// The c-th Lanczos vector is basis[c]·scale[c]: a vector is kept as the
	// recurrence leaves it and scaled where it is read, which saves a pass
	// over it per step. Buffers are allocated as the basis grows and reused
	// by later cycles.
	basis := make([][]float64, m+1)
	scale := make([]float64, m+1)
	alpha, beta := make([]float64, m), make([]float64, m)
	vector := func(c int) []float64 {
		if basis[c] == nil {
			basis[c] = make([]float64, n)
		}
		return basis[c]
	}
	for cycle := 0; cycle < lanczosCycles; cycle++ {
		if op.Err() != nil {
			return
		}
		norm := math.Sqrt(Dot(x, x, op.Workers()))
		if norm == 0 {
			return
		}
		copy(vector(0), x)
		scale[0] = 1 / norm
		var theta float64
		var s []float64
		done := false
		k := 0
		for j := 0; j < m; j++ {
			w := vector(j + 1)
			op.Apply(basis[j], w)
			// w·scale[j] is the product of the j-th Lanczos vector. Its
			// projections on the last two vectors are taken in one pass and
			// removed in a second, which also sums the remainder's square.
			var prev []float64
			var sPrev float64
			if j > 0 {
				prev, sPrev = basis[j-1], scale[j-1]
			}
			sj := scale[j]
			dj, dPrev := dotPair(w, basis[j], prev, op.Workers())
			alpha[j] = sj * sj * dj
			gamma := sj * sPrev * dPrev
			beta[j] = math.Sqrt(combineSquare(w, sj, alpha[j]*sj, basis[j], gamma*sPrev, prev, op.Workers()))
			k = j + 1
			theta, s = topEigenTridiagonal(alpha[:k], beta[:k-1])
			residual := beta[j] * math.Abs(s[k-1])
			if residual <= tol*theta || beta[j] <= 1e-14*math.Abs(theta) {
				done = true
				break
			}
			scale[j+1] = 1 / beta[j]
		}
		for c := range k {
			s[c] *= scale[c]
		}
		combine(x, basis[:k], s)
		if done {
			return
		}
	}
}

// dotPair returns w·a and w·b (0 when b is nil), each summed chunk by chunk
// in chunk order, so neither depends on the number of workers.
func dotPair(w, a, b []float64, workers int) (wa, wb float64) {
	chunks := (len(w) + dotChunk - 1) / dotChunk
	partial := make([]float64, 2*chunks)
	parallel.Range(chunks, min(workers, chunks), func(lo, hi int) {
		for c := lo; c < hi; c++ {
			start, end := c*dotChunk, min(len(w), (c+1)*dotChunk)
			ws, as := w[start:end], a[start:end]
			sa, sb := 0.0, 0.0
			if b == nil {
				for i, x := range ws {
					sa += x * as[i]
				}
			} else {
				bs := b[start:end]
				for i, x := range ws {
					sa += x * as[i]
					sb += x * bs[i]
				}
			}
			partial[2*c], partial[2*c+1] = sa, sb
		}
	})
	for c := range chunks {
		wa += partial[2*c]
		wb += partial[2*c+1]
	}
	return wa, wb
}

// combineSquare sets w to sw·w − ca·a − cb·b (b may be nil) and returns the
// new w's squared norm, summed chunk by chunk in chunk order.
func combineSquare(w []float64, sw, ca float64, a []float64, cb float64, b []float64, workers int) float64 {
	chunks := (len(w) + dotChunk - 1) / dotChunk
	partial := make([]float64, chunks)
	parallel.Range(chunks, min(workers, chunks), func(lo, hi int) {
		for c := lo; c < hi; c++ {
			start, end := c*dotChunk, min(len(w), (c+1)*dotChunk)
			ws, as := w[start:end], a[start:end]
			sq := 0.0
			if b == nil {
				for i, x := range ws {
					x = sw*x - ca*as[i]
					ws[i] = x
					sq += x * x
				}
			} else {
				bs := b[start:end]
				for i, x := range ws {
					x = sw*x - ca*as[i] - cb*bs[i]
					ws[i] = x
					sq += x * x
				}
			}
			partial[c] = sq
		}
	})
	sq := 0.0
	for _, p := range partial {
		sq += p
	}
	return sq
}

// combine sets x to Σ coef[c]·vectors[c], a chunk at a time so the chunk of
// x stays in the first-level cache while every vector streams past it.
func combine(x []float64, vectors [][]float64, coef []float64) {
	for start := 0; start < len(x); start += dotChunk {
		xs := x[start:min(len(x), start+dotChunk)]
		clear(xs)
		for c, v := range vectors {
			vs, k := v[start:start+len(xs)], coef[c]
			for i := range xs {
				xs[i] += k * vs[i]
			}
		}
	}
}

// Dot is the inner product a·b summed chunk by chunk in a fixed order, so
// its value does not depend on the number of workers.
func Dot(a, b []float64, workers int) float64 {
	ab, _ := dotPair(a, b, nil, workers)
	return ab
}

// topEigenTridiagonal returns the largest eigenvalue of the symmetric
// tridiagonal matrix with diagonal alpha and off-diagonal beta, and its unit
// eigenvector.
func topEigenTridiagonal(alpha, beta []float64) (float64, []float64) {
	k := len(alpha)
	t := mat.NewSymDense(k, nil)
	for i := 0; i < k; i++ {
		t.SetSym(i, i, alpha[i])
		if i+1 < k {
			t.SetSym(i, i+1, beta[i])
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(t, true) {
		return 0, make([]float64, k)
	}
	values := eig.Values(nil)
	var vectors mat.Dense
	eig.VectorsTo(&vectors)
	top := 0
	for i, v := range values {
		if v > values[top] {
			top = i
		}
	}
	s := make([]float64, k)
	for i := range s {
		s[i] = vectors.At(i, top)
	}
	return values[top], s
}

// Steps and Cycles are Top's limits, for the stopping rule stated to users.
const (
	Steps  = lanczosSteps
	Cycles = lanczosCycles
)
