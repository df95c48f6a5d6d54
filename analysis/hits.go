package analysis

import (
	"math"
	"runtime"

	"gonum.org/v1/gonum/mat"
)

// HITS returns hub and authority scores, each normalised to sum 1, as the
// principal singular vectors of the (weighted if asked) adjacency matrix A:
// hubs are the dominant eigenvector of A·Aᵀ, authorities Aᵀ·hubs.
//
// The eigenvector is found by restarted Lanczos iteration on A·Aᵀ from the
// uniform hub vector, stopping when the Ritz residual ‖A·Aᵀx − θx‖ falls
// below tol·θ. Lanczos reaches in a few dozen products what power iteration
// (hitsPower, kept as the reference) needs hundreds for, because its
// convergence depends on the square root of the spectral gap. Started from
// the uniform vector, both converge to the projection of that vector onto
// the dominant eigenspace, so where the top singular value is repeated they
// still agree with each other (networkx's ARPACK may pick another vector of
// that space; see the reference tests).
//
// Results are deterministic: matrix products split nodes across workers
// without changing any sum, and inner products add fixed-size chunks in
// chunk order whatever the number of workers.
func HITS(g *Graph, weighted bool, tol float64) (hubs, auths []float64) {
	n := g.Len()
	hubs, auths = make([]float64, n), make([]float64, n)
	if n == 0 || g.Edges() == 0 {
		return hubs, auths
	}
	op := newHITSOperator(g, weighted)
	x := make([]float64, n)
	for i := range x {
		x[i] = 1
	}
	// The Lanczos basis is kept orthogonal only locally (see lanczosTop),
	// so its residual estimate is checked against the true residual of one
	// more product, which also maps the Ritz vector onto the range of A·Aᵀ:
	// nodes without out-edges get an exact zero hub score, not a residue.
	for attempt := 0; ; attempt++ {
		lanczosTop(op, x, tol)
		op.apply(x, hubs)
		theta := dotChunked(x, hubs, op.workers)
		r := 0.0
		for i, y := range hubs {
			d := y - theta*x[i]
			r += d * d
		}
		if math.Sqrt(r) <= 10*tol*math.Abs(theta) || attempt == 4 {
			break
		}
		copy(x, hubs)
	}
	positiveSum(hubs)
	op.transposed(hubs, auths)
	positiveSum(auths)
	return hubs, auths
}

// hitsOperator applies A·Aᵀ (and Aᵀ alone) over the graph's CSR lists.
type hitsOperator struct {
	g        *Graph
	weighted bool
	workers  int
	tmp      []float64 // Aᵀx between the two halves of A·Aᵀx
}

func newHITSOperator(g *Graph, weighted bool) *hitsOperator {
	workers := 1
	if g.Edges() > 50000 {
		workers = max(1, runtime.GOMAXPROCS(0))
	}
	return &hitsOperator{g: g, weighted: weighted, workers: workers, tmp: make([]float64, g.Len())}
}

// transposed writes Aᵀh into a: each authority sums its in-edges' hubs.
func (op *hitsOperator) transposed(h, a []float64) {
	op.sumNeighbours(op.g.inStart, op.g.inAdj, op.g.inW, h, a)
}

// apply writes A·Aᵀx into y.
func (op *hitsOperator) apply(x, y []float64) {
	op.transposed(x, op.tmp)
	op.forward(op.tmp, y)
}

// forward writes A·a into h: each hub sums its out-edges' authorities.
func (op *hitsOperator) forward(a, h []float64) {
	op.sumNeighbours(op.g.outStart, op.g.outAdj, op.g.outW, a, h)
}

// sumNeighbours writes into y, for each node, the (weighted) sum of x over
// the node's CSR neighbours. The lists are indexed directly: this is the
// inner loop of HITS and worth keeping free of calls.
func (op *hitsOperator) sumNeighbours(start, adj []int32, wt, x, y []float64) {
	parallelRange(len(y), op.workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := 0.0
			if op.weighted {
				for k := start[i]; k < start[i+1]; k++ {
					s += x[adj[k]] * wt[k]
				}
			} else {
				for _, j := range adj[start[i]:start[i+1]] {
					s += x[j]
				}
			}
			y[i] = s
		}
	})
}

const (
	lanczosSteps  = 20   // Krylov vectors kept before an explicit restart
	lanczosCycles = 200  // restarts before giving up on tol
	dotChunk      = 4096 // inner products add chunks of this size in order
)

// lanczosTop replaces x by the dominant eigenvector (unit length) of the
// symmetric positive semi-definite operator op, using Lanczos with local
// orthogonalisation and explicit restarts from the current Ritz vector.
func lanczosTop(op *hitsOperator, x []float64, tol float64) {
	n := len(x)
	m := min(n, lanczosSteps)
	basis := make([][]float64, m+1)
	for i := range basis {
		basis[i] = make([]float64, n)
	}
	alpha, beta := make([]float64, m), make([]float64, m)
	coef := make([]float64, m)
	w := make([]float64, n)
	for cycle := 0; cycle < lanczosCycles; cycle++ {
		norm := math.Sqrt(dotChunked(x, x, op.workers))
		if norm == 0 {
			return
		}
		for i := range x {
			basis[0][i] = x[i] / norm
		}
		var theta float64
		var s []float64
		done := false
		k := 0
		for j := 0; j < m; j++ {
			op.apply(basis[j], w)
			// The three-term recurrence, as one Gram–Schmidt step against
			// the last two basis vectors (α is the coefficient on
			// basis[j]). Orthogonality is kept only locally: the basis is
			// rebuilt every lanczosSteps products, only the top pair is
			// wanted, and HITS checks the true residual at the end (full
			// reorthogonalisation cost more than the products themselves).
			lo := max(0, j-1)
			orthogonalize(w, basis[lo:j+1], coef[lo:j+1], op.workers)
			alpha[j] = coef[j]
			beta[j] = math.Sqrt(dotChunked(w, w, op.workers))
			k = j + 1
			theta, s = topEigenTridiagonal(alpha[:k], beta[:k-1])
			residual := beta[j] * math.Abs(s[k-1])
			if residual <= tol*theta || beta[j] <= 1e-14*math.Abs(theta) {
				done = true
				break
			}
			if j+1 < m {
				inv := 1 / beta[j]
				for i := range w {
					basis[j+1][i] = w[i] * inv
				}
			}
		}
		for i := range x {
			x[i] = 0
		}
		for c := 0; c < k; c++ {
			sc := s[c]
			for i, v := range basis[c] {
				x[i] += sc * v
			}
		}
		if done {
			return
		}
	}
}

// orthogonalize subtracts from w its projections on the basis vectors and
// stores the coefficients in coef. All inner products are taken in one
// pass over w, chunk by chunk, so they split across workers.
func orthogonalize(w []float64, basis [][]float64, coef []float64, workers int) {
	n, nb := len(w), len(basis)
	chunks := (n + dotChunk - 1) / dotChunk
	partial := make([]float64, chunks*nb)
	parallelRange(chunks, min(workers, chunks), func(lo, hi int) {
		for c := lo; c < hi; c++ {
			start, end := c*dotChunk, min(n, (c+1)*dotChunk)
			ws := w[start:end]
			for k, b := range basis {
				bs := b[start:end]
				s := 0.0
				for i, x := range ws {
					s += x * bs[i]
				}
				partial[c*nb+k] = s
			}
		}
	})
	for k := range basis {
		s := 0.0
		for c := 0; c < chunks; c++ {
			s += partial[c*nb+k]
		}
		coef[k] = s
	}
	parallelRange(n, workers, func(lo, hi int) {
		for k, b := range basis {
			ck := coef[k]
			for i := lo; i < hi; i++ {
				w[i] -= ck * b[i]
			}
		}
	})
}

// dotChunked is the inner product summed chunk by chunk in a fixed order,
// the same chunks orthogonalize uses, so its value does not depend on the
// number of workers.
func dotChunked(a, b []float64, workers int) float64 {
	n := len(a)
	chunks := (n + dotChunk - 1) / dotChunk
	partial := make([]float64, chunks)
	parallelRange(chunks, min(workers, chunks), func(lo, hi int) {
		for c := lo; c < hi; c++ {
			start, end := c*dotChunk, min(n, (c+1)*dotChunk)
			bs := b[start:end]
			s := 0.0
			for i, x := range a[start:end] {
				s += x * bs[i]
			}
			partial[c] = s
		}
	})
	s := 0.0
	for _, p := range partial {
		s += p
	}
	return s
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

// positiveSum scales v to sum 1, turning the sign if the sum is negative
// (an eigenvector's sign is arbitrary), and clears the rounding residue
// that leaves an entry of a non-negative vector slightly below zero.
func positiveSum(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	if s == 0 {
		return
	}
	for i := range v {
		v[i] /= s
		if v[i] <= 0 { // also turns -0 into 0
			v[i] = 0
		}
	}
}

// hitsPower is HITS by power iteration from the uniform hub vector, the
// textbook method; it is kept as the reference HITS is tested against.
func hitsPower(g *Graph, weighted bool, tol float64) (hubs, auths []float64) {
	n := g.Len()
	hubs, auths = make([]float64, n), make([]float64, n)
	if n == 0 || g.Edges() == 0 {
		return hubs, auths
	}
	op := newHITSOperator(g, weighted)
	for i := range hubs {
		hubs[i] = 1 / float64(n)
	}
	prev := make([]float64, n)
	for iter := 0; iter < 10000; iter++ {
		copy(prev, hubs)
		op.transposed(hubs, auths)
		normalizeMax(auths)
		op.forward(auths, hubs)
		normalizeMax(hubs)
		diff := 0.0
		for i := range hubs {
			diff += math.Abs(hubs[i] - prev[i])
		}
		if diff < tol {
			break
		}
	}
	normalizeSum(hubs)
	normalizeSum(auths)
	return hubs, auths
}
