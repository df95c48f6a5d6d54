package network

import (
	"cmp"
	"slices"
)

// WeakComponents labels each node with its weakly connected component:
// components are numbered from 1 by size, largest first, ties by their
// first node's index, so labels are stable.
func WeakComponents(g *Graph) []int {
	n := g.Len()
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	var find func(x int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for u := int32(0); int(u) < n; u++ {
		adj, _ := g.out(u)
		for _, v := range adj {
			a, b := find(u), find(v)
			if a != b {
				if a < b {
					parent[b] = a
				} else {
					parent[a] = b
				}
			}
		}
	}
	root := make([]int32, n)
	for i := range root {
		root[i] = find(int32(i))
	}
	return numberBySize(root)
}

// StrongComponents labels each node with its strongly connected component,
// numbered as WeakComponents numbers. Tarjan's algorithm (R. Tarjan,
// "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2),
// 1972), iterative so deep graphs cannot overflow the stack.
func StrongComponents(g *Graph) []int {
	n := g.Len()
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	comp := make([]int32, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int32
	type frame struct {
		v    int32
		edge int32
	}
	var call []frame
	next := int32(0)
	for s := int32(0); int(s) < n; s++ {
		if index[s] >= 0 {
			continue
		}
		call = append(call[:0], frame{s, g.outStart[s]})
		index[s], low[s] = next, next
		next++
		stack = append(stack, s)
		onStack[s] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.edge < g.outStart[v+1] {
				w := g.outAdj[f.edge]
				f.edge++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, g.outStart[w]})
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = v
					if w == v {
						break
					}
				}
			}
		}
	}
	return numberBySize(comp)
}

// numberBySize turns component representatives (node indices) into labels
// 1..k ordered by size descending, then by smallest member index. Arrays
// indexed by representative, not maps: a graph of many small components
// (most nodes of a power-law graph are their own strong component) spent
// most of its time in map lookups inside the sort.
func numberBySize(rep []int32) []int {
	n := len(rep)
	size := make([]int32, n)
	first := make([]int32, n)
	var reps []int32
	for i, r := range rep {
		if size[r] == 0 {
			first[r] = int32(i)
			reps = append(reps, r)
		}
		size[r]++
	}
	slices.SortFunc(reps, func(a, b int32) int {
		if size[a] != size[b] {
			return cmp.Compare(size[b], size[a])
		}
		return cmp.Compare(first[a], first[b])
	})
	label := first // reused: every first[r] has been read
	for i, r := range reps {
		label[r] = int32(i + 1)
	}
	out := make([]int, n)
	for i, r := range rep {
		out[i] = int(label[r])
	}
	return out
}
