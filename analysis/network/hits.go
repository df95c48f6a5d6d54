package network

import (
	"context"
	"math"
	"runtime"

	"github.com/leverage-project/leverage/analysis/network/internal/lanczos"
	"github.com/leverage-project/leverage/analysis/network/internal/parallel"
	"github.com/leverage-project/leverage/analysis/network/internal/sell"
)

// HITS returns hub and authority scores, each normalised to sum 1, as the
// principal singular vectors of the (weighted if asked) adjacency matrix A
// (J. Kleinberg, "Authoritative sources in a hyperlinked environment",
// J. ACM 46(5), 1999): hubs are the dominant eigenvector of A·Aᵀ,
// authorities Aᵀ·hubs, as networkx.hits defines them.
//
// The eigenvector is found by restarted Lanczos iteration on A·Aᵀ from the
// uniform hub vector; the stopping rule is hitsStopping (MetricTable states
// it for users), and Convergence counts products with A·Aᵀ. Lanczos reaches in a few dozen products what power iteration
// (the tests' reference, hitsPower) needs hundreds for, because its
// convergence depends on the square root of the spectral gap. Started from
// the uniform vector, both converge to the projection of that vector onto
// the dominant eigenspace, so where the top singular value is repeated they
// still agree with each other (networkx's ARPACK may pick another vector of
// that space; see the reference tests).
//
// Results are deterministic: matrix products split nodes across workers
// without changing any sum, and inner products add fixed-size chunks in
// chunk order whatever the number of workers. Once ctx is done it stops
// between Lanczos restarts, returning ctx's error.
func HITS(ctx context.Context, g *Graph, weighted bool, tol float64) (hubs, auths []float64, conv Convergence, err error) {
	hubs, auths, conv, _, err = hitsRun(ctx, g, weighted, tol)
	return hubs, auths, conv, err
}

// hitsRun is HITS, also returning the leading eigenvalue of A·Aᵀ it found:
// the Rayleigh quotient of its last Lanczos vector (0 on a graph without
// edges).
func hitsRun(ctx context.Context, g *Graph, weighted bool, tol float64) (hubs, auths []float64, conv Convergence, leading float64, err error) {
	n := g.Len()
	hubs, auths = make([]float64, n), make([]float64, n)
	if n == 0 || g.Edges() == 0 {
		return hubs, auths, Convergence{Converged: true}, 0, nil
	}
	op := newHITSOperator(g, weighted)
	op.ctx = ctx
	// Both vectors carry the zero last entry the products read.
	x, h := make([]float64, n+1), make([]float64, n+1)
	for i := range n {
		x[i] = 1
	}
	// The Lanczos basis is kept orthogonal only locally (see lanczos.Top),
	// so its residual estimate is checked against the true residual of one
	// more product, which also maps the Ritz vector onto the range of A·Aᵀ:
	// nodes without out-edges get an exact zero hub score, not a residue.
	for attempt := 0; ; attempt++ {
		lanczos.Top(op, x, tol)
		if err := ctx.Err(); err != nil {
			return nil, nil, conv, 0, err
		}
		op.Apply(x, h)
		theta := lanczos.Dot(x, h, op.workers)
		if xx := lanczos.Dot(x, x, op.workers); xx > 0 {
			leading = theta / xx
		}
		r := 0.0
		for i, y := range h {
			d := y - theta*x[i]
			r += d * d
		}
		if math.Sqrt(r) <= hitsAccept*tol*math.Abs(theta) {
			conv.Converged = true
			break
		}
		if attempt == hitsAttempts-1 {
			break
		}
		copy(x, h)
	}
	hubs = h[:n:n]
	positiveSum(hubs)
	op.transposed(h, auths)
	positiveSum(auths)
	conv.Iterations = op.products
	return hubs, auths, conv, leading, nil
}

// HITS's stopping rule, stated once (hitsStopping says it in words): each
// Lanczos run (lanczos.Top) stops when its Ritz residual estimate is at
// most tol·θ; its result is accepted when the true residual ‖A·Aᵀh − θh‖₂
// is at most hitsAccept·tol·θ, else Lanczos restarts from h, at most
// hitsAttempts times in all, and the result is reported unconverged.
const (
	hitsAccept   = 10
	hitsAttempts = 5
)

// hitsOperator applies A·Aᵀ (and Aᵀ alone) over the graph's adjacency in
// sliced ELLPACK form. Vectors it reads have length n+1 with a zero last
// entry, the column the padding points at (see sell.Matrix).
type hitsOperator struct {
	in, out  *sell.Matrix
	workers  int
	inSplit  []int           // slice ranges of in per worker
	outSplit []int           // and of out
	tmp      []float64       // Aᵀx between the two halves of A·Aᵀx, length n+1
	products int             // A·Aᵀ products applied, for the convergence record
	ctx      context.Context // nil: never cancelled; lanczos.Top looks per restart
}

// hitsParallelEdges is the size from which HITS splits its products across
// workers; a variable so the tests can run small graphs split.
var hitsParallelEdges = 500000

func newHITSOperator(g *Graph, weighted bool) *hitsOperator {
	// On this project's 2-core benchmark machine a second worker gained
	// nothing on whole HITS runs up to 1M edges, and at 20k/100k lost up to
	// 20 %: one product gains 0–15 % (BenchmarkApply20k), which the
	// start-up and the parallel inner products give back. Larger graphs,
	// or machines where the gathers scale, split.
	workers := 1
	if g.Edges() > hitsParallelEdges {
		workers = max(1, runtime.GOMAXPROCS(0))
	}
	op := &hitsOperator{workers: workers, tmp: make([]float64, g.Len()+1)}
	// The two layouts are independent copies, built side by side when
	// there is a second core and enough edges to repay starting it.
	parallel.Range(2, min(2, runtime.GOMAXPROCS(0), 1+g.Edges()/20000), func(lo, hi int) {
		for d := lo; d < hi; d++ {
			if d == 0 {
				op.in = sell.New(g.inStart, g.inAdj, g.inW, weighted)
			} else {
				op.out = sell.New(g.outStart, g.outAdj, g.outW, weighted)
			}
		}
	})
	op.inSplit, op.outSplit = op.in.Split(workers), op.out.Split(workers)
	return op
}

// transposed writes Aᵀh into a[:n]: each authority sums its in-edges' hubs.
func (op *hitsOperator) transposed(h, a []float64) {
	op.mul(op.in, op.inSplit, h, a)
}

// forward writes A·a into h[:n]: each hub sums its out-edges' authorities.
func (op *hitsOperator) forward(a, h []float64) {
	op.mul(op.out, op.outSplit, a, h)
}

// Apply writes A·Aᵀx into y[:n] (lanczos.Operator).
func (op *hitsOperator) Apply(x, y []float64) {
	op.products++
	op.transposed(x, op.tmp)
	op.forward(op.tmp, y)
}

// Workers is the number of goroutines the products use (lanczos.Operator).
func (op *hitsOperator) Workers() int { return op.workers }

// Err is the context's error, nil when there is none (lanczos.Operator).
func (op *hitsOperator) Err() error {
	if op.ctx == nil {
		return nil
	}
	return op.ctx.Err()
}

// mul runs m's product on the workers, each on its own slices; every row's
// sum is taken whole by one worker, so the split changes no bit of it.
func (op *hitsOperator) mul(m *sell.Matrix, bounds []int, x, y []float64) {
	parallel.Range(op.workers, op.workers, func(lo, hi int) {
		for w := lo; w < hi; w++ {
			m.MulRange(x, y, bounds[w], bounds[w+1])
		}
	})
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
