package briefing

import (
	"math"
	"math/rand/v2"

	"github.com/leverage-project/leverage/analysis/network"
)

// Layout box of the network view.
const (
	netWidth  = 1000
	netHeight = 640
)

// layout places nodes by Fruchterman and Reingold's force-directed method
// (Software—Practice and Experience 21(11), 1991): neighbours attract with
// d²/k, every pair repels with k²/d, and the step is bounded by a
// temperature that cools linearly. Starting points come from a PCG stream
// seeded with seed, and the loop runs a fixed number of rounds, so the same
// graph and seed give the same positions. Edges are taken undirected and
// unweighted: the picture shows who is tied to whom, the sizes show weight.
func layout(nodes []string, edges []network.Edge, seed uint64) map[string][2]float64 {
	n := len(nodes)
	out := make(map[string][2]float64, n)
	if n == 0 {
		return out
	}
	index := make(map[string]int, n)
	for i, name := range nodes {
		index[name] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x6c6576657261676))
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = rng.Float64()*netWidth - netWidth/2
		y[i] = rng.Float64()*netHeight - netHeight/2
	}
	type pair struct{ a, b int }
	var links []pair
	for _, e := range edges {
		a, b := index[e.From], index[e.To]
		if a != b {
			links = append(links, pair{a, b})
		}
	}
	area := float64(netWidth * netHeight)
	k := math.Sqrt(area / float64(n))
	const rounds = 300
	dx := make([]float64, n)
	dy := make([]float64, n)
	temp := netWidth / 10.0
	for round := 0; round < rounds; round++ {
		clear(dx)
		clear(dy)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				ex, ey := x[i]-x[j], y[i]-y[j]
				d := math.Max(math.Hypot(ex, ey), 0.01)
				f := k * k / d / d
				dx[i] += ex * f
				dy[i] += ey * f
				dx[j] -= ex * f
				dy[j] -= ey * f
			}
		}
		for _, l := range links {
			ex, ey := x[l.a]-x[l.b], y[l.a]-y[l.b]
			d := math.Max(math.Hypot(ex, ey), 0.01)
			f := d / k
			dx[l.a] -= ex * f
			dy[l.a] -= ey * f
			dx[l.b] += ex * f
			dy[l.b] += ey * f
		}
		for i := 0; i < n; i++ {
			// A weak pull to the middle keeps unconnected parts on screen.
			dx[i] -= x[i] * 0.05
			dy[i] -= y[i] * 0.05
			d := math.Max(math.Hypot(dx[i], dy[i]), 0.01)
			step := math.Min(d, temp)
			x[i] += dx[i] / d * step
			y[i] += dy[i] / d * step
		}
		temp = math.Max(netWidth/10.0*(1-float64(round+1)/rounds), 1)
	}
	// Fit the box with a margin for labels.
	minX, maxX, minY, maxY := x[0], x[0], y[0], y[0]
	for i := range x {
		minX, maxX = math.Min(minX, x[i]), math.Max(maxX, x[i])
		minY, maxY = math.Min(minY, y[i]), math.Max(maxY, y[i])
	}
	const margin = 40
	sx := (netWidth - 2*margin) / math.Max(maxX-minX, 1)
	sy := (netHeight - 2*margin) / math.Max(maxY-minY, 1)
	for i, name := range nodes {
		out[name] = [2]float64{round1(margin + (x[i]-minX)*sx), round1(margin + (y[i]-minY)*sy)}
	}
	return out
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
