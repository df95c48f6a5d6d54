// Package sell holds one direction of a graph's adjacency in sliced ELLPACK
// form (SELL-C-σ), the layout the HITS products of package network run on.
package sell

const (
	// laneRows is the number of rows a slice of a Matrix holds: eight
	// independent sums per step, enough to hide the latency of
	// floating-point addition and of gathers from the second-level cache.
	laneRows = 8
	// sortWindow is the window of consecutive rows sorted by length. Sorting
	// within windows, not across the whole matrix, keeps each slice's rows
	// near each other in index order, so the results a worker writes stay
	// in its own range of the output vector instead of sharing cache lines
	// with the other workers' (which made two workers slower than one).
	sortWindow = 512
)

// Matrix is one direction of a graph's adjacency in sliced ELLPACK form
// (SELL-C-σ; Kreutzer, Hager, Wellein, Fehske and Bishop, "A unified sparse
// matrix data format for efficient general sparse matrix-vector
// multiplication on modern processors with wide SIMD units", SIAM J. Sci.
// Comput. 36(5), 2014). Within each window of sortWindow consecutive rows,
// rows are ordered by length, longest first; the order is cut into slices
// of laneRows rows, each stored column by column and padded to its longest row.
//
// The point is the inner loop of HITS. In compressed rows each row's sum
// is one chain of dependent additions whose loop exit the branch predictor
// misses at almost every row of a random graph (about 3 ns per edge here);
// a slice adds eight rows side by side in a loop of known length.
//
// Padding entries point at column n with weight 0, so the vector a
// Matrix multiplies must have length n+1 with a zero last entry. Each
// row's terms are added in the same order as in the compressed rows they
// come from, and padding adds an exact zero after them, so every sum is
// bit-for-bit the one the compressed rows give.
type Matrix struct {
	rows       []int32   // rows[s*laneRows+r]: the row in lane r of slice s; -1 past the last row
	sliceStart []int     // slice s occupies entries sliceStart[s] up to sliceStart[s+1] (int: padding may pass 2³¹ entries)
	col        []int32   // column of each entry, lane-minor: entry sliceStart[s]+t*laneRows+r
	weight     []float64 // weight of each entry; nil when the matrix is unweighted
}

// New converts the compressed rows (start, adj, wt) of an n-row matrix;
// wt is ignored unless weighted.
func New(start, adj []int32, wt []float64, weighted bool) *Matrix {
	n := len(start) - 1
	// Within each window, a counting sort of its rows by length, longest
	// first, ties by index: the layout depends on the graph alone.
	maxLen := 0
	for i := 0; i < n; i++ {
		maxLen = max(maxLen, int(start[i+1]-start[i]))
	}
	count := make([]int32, maxLen+2)
	slices := (n + laneRows - 1) / laneRows
	m := &Matrix{rows: make([]int32, slices*laneRows), sliceStart: make([]int, slices+1)}
	for i := n; i < len(m.rows); i++ {
		m.rows[i] = -1
	}
	for lo := 0; lo < n; lo += sortWindow {
		hi := min(n, lo+sortWindow)
		longest := 0
		for i := lo; i < hi; i++ {
			longest = max(longest, int(start[i+1]-start[i]))
		}
		c := count[:longest+2]
		clear(c)
		for i := lo; i < hi; i++ {
			c[longest-int(start[i+1]-start[i])+1]++
		}
		for d := 1; d < len(c); d++ {
			c[d] += c[d-1]
		}
		at := m.rows[lo:hi]
		for i := lo; i < hi; i++ {
			d := longest - int(start[i+1]-start[i])
			at[c[d]] = int32(i)
			c[d]++
		}
	}
	total := 0
	for s := 0; s < slices; s++ {
		// The first row of a slice is its longest.
		width := int(start[m.rows[s*laneRows]+1] - start[m.rows[s*laneRows]])
		total += width * laneRows
		m.sliceStart[s+1] = total
	}
	m.col = make([]int32, total)
	if weighted {
		m.weight = make([]float64, total)
	}
	for s := 0; s < slices; s++ {
		base := m.sliceStart[s]
		width := (m.sliceStart[s+1] - base) / laneRows
		if width == 0 {
			continue
		}
		for r, row := range m.rows[s*laneRows : s*laneRows+laneRows] {
			var from, to int
			if row >= 0 {
				from, to = int(start[row]), int(start[row+1])
			}
			// Lane r of the slice: every laneRows-th entry from base+r.
			lane := m.col[base+r:]
			for t, v := range adj[from:to] {
				lane[t*laneRows] = v
			}
			for t := to - from; t < width; t++ {
				lane[t*laneRows] = int32(n)
			}
			if weighted {
				wl := m.weight[base+r:]
				for t, v := range wt[from:to] {
					wl[t*laneRows] = v
				}
			}
		}
	}
	return m
}

// slices is the number of slices.
func (m *Matrix) Slices() int { return len(m.sliceStart) - 1 }

// split returns the slice boundaries that give each of parts workers about
// the same number of entries: bounds[w] up to bounds[w+1] is worker w's.
func (m *Matrix) Split(parts int) []int {
	s := m.Slices()
	bounds := make([]int, parts+1)
	total := m.sliceStart[s]
	k := 0
	for w := 1; w < parts; w++ {
		target := total * w / parts
		for k < s && m.sliceStart[k] < target {
			k += sortWindow / laneRows // whole windows, see sortWindow
		}
		bounds[w] = min(k, s)
	}
	bounds[parts] = s
	return bounds
}

// mulRange writes, for the rows of slices lo up to hi, the (weighted) sum
// of x over the row's entries into y. x must have length n+1 with x[n] = 0.
func (m *Matrix) MulRange(x, y []float64, lo, hi int) {
	// Locals, not fields: the compiler then keeps them in registers.
	col, weight, sliceStart, rows := m.col, m.weight, m.sliceStart, m.rows
	for s := lo; s < hi; s++ {
		var a0, a1, a2, a3, a4, a5, a6, a7 float64
		from, to := sliceStart[s], sliceStart[s+1]
		if weight == nil {
			for cs := col[from:to]; len(cs) >= laneRows; cs = cs[laneRows:] {
				c := (*[laneRows]int32)(cs)
				a0 += x[c[0]]
				a1 += x[c[1]]
				a2 += x[c[2]]
				a3 += x[c[3]]
				a4 += x[c[4]]
				a5 += x[c[5]]
				a6 += x[c[6]]
				a7 += x[c[7]]
			}
		} else {
			ws := weight[from:to]
			for cs := col[from:to]; len(cs) >= laneRows && len(ws) >= laneRows; cs, ws = cs[laneRows:], ws[laneRows:] {
				c, w := (*[laneRows]int32)(cs), (*[laneRows]float64)(ws)
				a0 += x[c[0]] * w[0]
				a1 += x[c[1]] * w[1]
				a2 += x[c[2]] * w[2]
				a3 += x[c[3]] * w[3]
				a4 += x[c[4]] * w[4]
				a5 += x[c[5]] * w[5]
				a6 += x[c[6]] * w[6]
				a7 += x[c[7]] * w[7]
			}
		}
		sums := [laneRows]float64{a0, a1, a2, a3, a4, a5, a6, a7}
		for k, row := range (*[laneRows]int32)(rows[s*laneRows:]) {
			if row >= 0 {
				y[row] = sums[k]
			}
		}
	}
}
