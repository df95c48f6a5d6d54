package network

import "slices"

// WeakComponents labels each node with its weakly connected component:
// components are numbered from 1 by size, largest first, ties by their
// first node's index, so labels are stable.
func WeakComponents(g *Graph) []int {
	return weakComponents(g, false)
}

// weakComponents is WeakComponents; on a symmetric graph (see symmetric)
// it unites each pair once, from its lower end.
func weakComponents(g *Graph, symmetric bool) []int {
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
			if symmetric && v < u {
				continue
			}
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
// numbered as WeakComponents numbers, by Tarjan's algorithm (see tarjan).
// On a symmetric graph (an undirected network read as arcs both ways)
// every weak component is strongly connected, so its labels are
// WeakComponents' and Tarjan is not run.
func StrongComponents(g *Graph) []int {
	if g.symmetric() {
		return weakComponents(g, true)
	}
	return tarjanComponents(g)
}

// tarjanComponents is StrongComponents by Tarjan's algorithm on any graph.
func tarjanComponents(g *Graph) []int {
	order, bounds := tarjan(g.outStart, g.outAdj)
	comp := make([]int32, g.Len())
	for c := 0; c+1 < len(bounds); c++ {
		for _, v := range order[bounds[c]:bounds[c+1]] {
			comp[v] = int32(c)
		}
	}
	return numberBySize(comp)
}

// numberBySize turns component representatives (values in [0, n)) into
// labels 1..k ordered by size descending, then by smallest member index.
// A counting sort by size over the representatives in order of first
// appearance gives that order in O(n): a graph of many small components
// (most nodes of a power-law graph are their own strong component) spent
// most of its time in a comparison sort, and before that in map lookups.
func numberBySize(rep []int32) []int {
	n := len(rep)
	size := make([]int32, n)
	var reps []int32 // by first member, as rep is scanned in index order
	for _, r := range rep {
		if size[r] == 0 {
			reps = append(reps, r)
		}
		size[r]++
	}
	maxSize := int32(0)
	for _, r := range reps {
		maxSize = max(maxSize, size[r])
	}
	// at[s] is the first label of the components of size s: larger sizes
	// come first, equal sizes keep their first-member order.
	at := make([]int32, maxSize+2)
	for _, r := range reps {
		at[size[r]]++
	}
	next := int32(1)
	for s := maxSize; s >= 1; s-- {
		c := at[s]
		at[s] = next
		next += c
	}
	label := size // reused: each size[r] is read before label[r] is written
	for _, r := range reps {
		s := size[r]
		label[r] = at[s]
		at[s]++
	}
	out := make([]int, n)
	for i, r := range rep {
		out[i] = int(label[r])
	}
	return out
}

// symmetric reports whether every arc u→v has its reverse v→u. Out- and
// in-lists are both sorted by neighbour index, so the graph is symmetric
// exactly when each node's two lists are equal: one pass over the arcs.
func (g *Graph) symmetric() bool {
	return slices.Equal(g.outStart, g.inStart) && slices.Equal(g.outAdj, g.inAdj)
}

// components returns weak and strong component labels, computing them
// once when the graph is symmetric (they are then equal).
func components(g *Graph) (weak, strong []int) {
	if g.symmetric() {
		w := weakComponents(g, true)
		return w, w
	}
	return weakComponents(g, false), tarjanComponents(g)
}
