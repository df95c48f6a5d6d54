package network

import "testing"

func BenchmarkScratchTarjan(b *testing.B) {
	g := holmeKimGraph(b, 20000)
	cpuLoop(b, func() { tarjan(g.inStart, g.inAdj) })
}

func BenchmarkScratchBFS(b *testing.B) {
	g := holmeKimGraph(b, 20000)
	n := g.Len()
	seen := make([]bool, n)
	queue := make([]int32, 0, n)
	cpuLoop(b, func() {
		clear(seen)
		queue = append(queue[:0], 0)
		seen[0] = true
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, u := range g.inAdj[g.inStart[v]:g.inStart[v+1]] {
				if !seen[u] {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
	})
}
