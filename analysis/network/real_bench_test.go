package network

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// realGraph reads one of the real networks .ci/bench/kernels times
// (exports/graphread/testdata/bench: tab-separated arcs, gzip), every
// weight 1, for profiling the kernels with go test -bench -cpuprofile.
func realGraph(b *testing.B, name string) *Graph {
	f, err := os.Open("../../exports/graphread/testdata/bench/" + name + ".tsv.gz")
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var edges []Edge
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		if u, v, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(u, "#") {
			edges = append(edges, Edge{u, v, 1})
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return NewGraph(nil, edges)
}

var realGraphs = []string{"debian12-security-deps", "debian12-deps"}

// cpuLoop runs fn as b.Loop asks and reports the process's CPU time per
// run (user and system) beside the wall time: on a shared, loaded machine
// the wall time measures the scheduler as much as the kernel.
func cpuLoop(b *testing.B, fn func()) {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	runs := 0
	start := cpu()
	for b.Loop() {
		fn()
		runs++
	}
	b.ReportMetric(float64(cpu()-start)/float64(runs)/1e6, "cpu-ms/op")
}

func BenchmarkRealPageRank(b *testing.B) {
	for _, name := range realGraphs {
		g := realGraph(b, name)
		b.Run(name, func(b *testing.B) {
			cpuLoop(b, func() { PageRank(context.Background(), g, PageRankDamping, false, PageRankTol) })
		})
	}
}

func BenchmarkRealComponents(b *testing.B) {
	for _, name := range realGraphs {
		g := realGraph(b, name)
		b.Run(name, func(b *testing.B) {
			cpuLoop(b, func() { components(g) })
		})
	}
}

// The community benchmarks time one seeded run, as the peers' one run.
func BenchmarkRealLouvain(b *testing.B) {
	for _, name := range realGraphs {
		u := undirectedOf(realGraph(b, name))
		b.Run(name, func(b *testing.B) {
			cpuLoop(b, func() { louvainCSRContext(context.Background(), u, 1) })
		})
	}
}

func BenchmarkRealLeiden(b *testing.B) {
	for _, name := range realGraphs {
		u := undirectedOf(realGraph(b, name))
		b.Run(name, func(b *testing.B) {
			cpuLoop(b, func() { leidenCSR(u, 1, 0) })
		})
	}
}

// holmeKimGraph reads a Holme-Kim graph .ci/bench/kernels made
// (.cache/bench/holmekim-N-5.csv, "source,target" lines), directed.
func holmeKimGraph(b *testing.B, n int) *Graph {
	data, err := os.ReadFile(fmt.Sprintf("../../.cache/bench/holmekim-%d-5.csv", n))
	if err != nil {
		b.Skip(err)
	}
	var edges []Edge
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if u, v, ok := strings.Cut(line, ","); ok {
			edges = append(edges, Edge{u, v, 1})
		}
	}
	return NewGraph(nil, edges)
}

func BenchmarkHolmeKimPageRank(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		g := holmeKimGraph(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var conv Convergence
			cpuLoop(b, func() { _, conv, _ = PageRank(context.Background(), g, PageRankDamping, false, PageRankTol) })
			b.ReportMetric(float64(conv.Iterations), "sweeps")
		})
	}
}

// BenchmarkCommunityKernels times one seeded Louvain run and one Leiden
// run bounded to 3 iterations on the graphs where .ci/bench/kernels found
// us slowest, for profiling.
func BenchmarkCommunityKernels(b *testing.B) {
	graphs := map[string]*Graph{"wormnet": realGraph(b, "wormnet-v3-benchmark"), "holmekim20k": holmeKimGraph(b, 20000),
		"holmekim5k": holmeKimGraph(b, 5000), "sgb": realGraph(b, "sgb-words"), "debiansecurity": realGraph(b, "debian12-security-deps")}
	for _, name := range []string{"wormnet", "holmekim20k", "holmekim5k", "sgb", "debiansecurity"} {
		u := undirectedOf(graphs[name])
		b.Run("louvain/"+name, func(b *testing.B) {
			cpuLoop(b, func() { louvainCSRContext(context.Background(), u, 1) })
		})
		b.Run("leiden3/"+name, func(b *testing.B) {
			cpuLoop(b, func() { leidenCSR(u, 1, 3) })
		})
	}
}

// BenchmarkCommunityRunsWormNet times LouvainRuns and LeidenRuns (3
// iterations) whole, one run each, on WormNet read as analyze --graph
// --undirected reads it (both arcs of every edge).
func BenchmarkCommunityRunsWormNet(b *testing.B) {
	d := realGraph(b, "wormnet-v3-benchmark")
	var edges []Edge
	for u := range d.Len() {
		oa, _ := d.out(int32(u))
		for _, v := range oa {
			edges = append(edges, Edge{d.names[u], d.names[v], 1}, Edge{d.names[v], d.names[u], 1})
		}
	}
	g := NewGraph(nil, edges)
	b.Run("louvain", func(b *testing.B) {
		cpuLoop(b, func() { LouvainRuns(context.Background(), g, 1, 1, 1) })
	})
	b.Run("leiden3", func(b *testing.B) {
		cpuLoop(b, func() { LeidenRuns(context.Background(), g, 1, 1, 3) })
	})
}
