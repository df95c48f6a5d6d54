package network

import "math"

// tarjan finds the strongly connected components of the graph whose
// adjacency lists are adj[start[v]:start[v+1]], by Tarjan's algorithm
// (R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J.
// Comput. 1(2), 1972), iteratively so deep graphs cannot overflow the
// stack. It returns the nodes grouped by component, order[bounds[c]:
// bounds[c+1]] being component c, in the order the algorithm completes
// them: a component comes after every component it has an arc to. Run on
// in-lists, that puts each component after every component with an arc
// into it (a topological order of the original arcs). Roots are tried in
// index order, so the result depends on the graph only.
func tarjan(start, adj []int32) (order, bounds []int32) {
	n := len(start) - 1
	// index[v] is v's discovery number + 1 (0: not yet discovered), and
	// done once v's component is complete: a completed node then never
	// lowers low[], which spares an on-stack array.
	const done = math.MaxInt32
	index := make([]int32, n)
	low := make([]int32, n)
	order = make([]int32, 0, n)
	bounds = make([]int32, 1, n+1)
	stack := make([]int32, 0, 64)
	type frame struct{ v, edge int32 }
	call := make([]frame, 0, 64)
	next := int32(1)
	for s := int32(0); int(s) < n; s++ {
		if index[s] != 0 {
			continue
		}
		index[s], low[s] = next, next
		next++
		stack = append(stack, s)
		call = append(call[:0], frame{s, start[s]})
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if end := start[v+1]; f.edge < end {
				// Scan v's arcs until one leads to an undiscovered node.
				e := f.edge
				lv := low[v]
				for ; e < end; e++ {
					w := adj[e]
					iw := index[w]
					if iw == 0 {
						break
					}
					lv = min(lv, iw)
				}
				low[v] = lv
				if e < end {
					w := adj[e]
					f.edge = e + 1
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					call = append(call, frame{w, start[w]})
					continue
				}
				f.edge = end
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				k := len(stack) - 1
				for stack[k] != v {
					k--
				}
				for _, w := range stack[k:] {
					index[w] = done
					order = append(order, w)
				}
				stack = stack[:k]
				bounds = append(bounds, int32(len(order)))
			}
		}
	}
	return order, bounds
}
