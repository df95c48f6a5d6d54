package network

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
)

// benchGraph reads one graph of .ci/bench/kernels for profiling: a real
// network of the corpus (undirected ones as arcs both ways, as analyze
// --graph --undirected reads them) or a Holme-Kim graph from .cache/bench
// (made by the bench script; skipped when missing).
func benchGraph(b *testing.B, name string, undirected bool) *Graph {
	if strings.HasPrefix(name, "holmekim") {
		f, err := os.Open("../../.cache/bench/" + name + ".csv")
		if err != nil {
			b.Skip(err)
		}
		defer f.Close()
		var edges []Edge
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if u, v, ok := strings.Cut(sc.Text(), ","); ok && u != "source" {
				edges = append(edges, Edge{u, v, 1})
			}
		}
		return NewGraph(nil, edges)
	}
	g := realGraph(b, name)
	if !undirected {
		return g
	}
	edges := g.EdgeList()
	for _, e := range g.EdgeList() {
		edges = append(edges, Edge{e.To, e.From, 1})
	}
	for i := range edges {
		edges[i].Weight = 1
	}
	return NewGraph(nil, edges)
}

var kernelBenchGraphs = []struct {
	name       string
	undirected bool
}{
	{"wormnet-v3-benchmark", true},
	{"sgb-words", true},
	{"holmekim-20000-5", false},
	{"roget-thesaurus", false},
}

func benchKernel(b *testing.B, fn func(g *Graph)) {
	for _, c := range kernelBenchGraphs {
		g := benchGraph(b, c.name, c.undirected)
		b.Run(c.name, func(b *testing.B) {
			cpuLoop(b, func() { fn(g) })
		})
	}
}

func BenchmarkKernelComponents(b *testing.B) {
	benchKernel(b, func(g *Graph) { components(g) })
}

func BenchmarkKernelCore(b *testing.B) {
	benchKernel(b, func(g *Graph) { CoreNumbers(g) })
}

func BenchmarkKernelHITS(b *testing.B) {
	benchKernel(b, func(g *Graph) {
		_, _, _, leading, _ := hitsRun(context.Background(), g, false, HITSTol)
		hitsUniqueness(g, false, leading)
	})
}
