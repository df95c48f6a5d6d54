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
	// lowers a low link, which spares an on-stack array. The node being
	// scanned lives in v, e, end and lv (its low link); descending into a
	// child saves them in a frame.
	const done = math.MaxInt32
	index := make([]int32, n)
	order = make([]int32, 0, n)
	bounds = make([]int32, 1, n+1)
	stack := make([]int32, 0, n)
	type frame struct{ v, edge, low int32 }
	call := make([]frame, 0, 64)
	next := int32(1)
	for s := int32(0); int(s) < n; s++ {
		if index[s] != 0 {
			continue
		}
		v, e, end := s, start[s], start[s+1]
		index[v] = next
		lv := next
		next++
		stack = append(stack, v)
		for {
			// Scan v's arcs until one leads to an undiscovered node.
			for ; e < end; e++ {
				iw := index[adj[e]]
				if iw == 0 {
					break
				}
				lv = min(lv, iw)
			}
			if e < end {
				w := adj[e]
				call = append(call, frame{v, e + 1, lv})
				v, e, end = w, start[w], start[w+1]
				index[w] = next
				lv = next
				next++
				stack = append(stack, w)
				continue
			}
			if lv == index[v] {
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
			if len(call) == 0 {
				break
			}
			f := call[len(call)-1]
			call = call[:len(call)-1]
			v, e, end = f.v, f.edge, start[f.v+1]
			lv = min(f.low, lv)
		}
	}
	return order, bounds
}
