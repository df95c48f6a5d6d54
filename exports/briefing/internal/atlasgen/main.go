// Command atlasgen turns world-atlas TopoJSON (Natural Earth, public domain)
// into the briefing's compact map: one pre-projected SVG path per ISO 3166-1
// alpha-2 code, with a label point for arcs. It is run by
// exports/briefing/atlas/fetch-world-atlas, never at build time, so the
// briefing needs nothing but Go.
//
// Shapes come from the 1:110m file; codes the 110m file lacks (small island
// states, territories) are taken from the 1:50m file of the same package.
// The projection is Equal Earth (Šavrič, Patterson, Jenny 2018), an
// equal-area projection, so shaded areas are not inflated towards the poles.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/biter777/countries"

	"github.com/leverage-project/leverage/exports/briefing/atlas"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				ID         string          `json:"id"`
				Arcs       json.RawMessage `json:"arcs"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

// unnumbered maps the few Natural Earth shapes without an ISO numeric id to
// a code the registry knows; the rest (N. Cyprus, Somaliland, Siachen
// Glacier, Indian Ocean Ter.) are not states the dataset can name.
var unnumbered = map[string]string{"Kosovo": "XK"}

func main() {
	in110 := flag.String("110m", "", "countries-110m.json")
	in50 := flag.String("50m", "", "countries-50m.json")
	out := flag.String("o", "", "output JSON")
	version := flag.String("version", "", "world-atlas version")
	flag.Parse()
	shapes110, err := read(*in110)
	check(err)
	shapes50, err := read(*in50)
	check(err)
	reg := iso3166.Registry()
	m := atlas.Map{Source: "world-atlas " + *version + " (Natural Earth 1:110m, small states from 1:50m; public domain; package ISC)",
		Width: atlas.Width, Height: atlas.Height, Shapes: map[string]atlas.Shape{}}
	for code, rings := range shapes110 {
		if _, ok := reg.Country(code); ok {
			m.Shapes[string(code)] = shape(rings, "110m")
		}
	}
	for code, rings := range shapes50 {
		if _, ok := m.Shapes[string(code)]; ok {
			continue
		}
		if _, ok := reg.Country(code); ok {
			m.Shapes[string(code)] = shape(rings, "50m")
		}
	}
	b, err := json.MarshalIndent(m, "", " ")
	check(err)
	check(os.WriteFile(*out, append(b, '\n'), 0o644))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "atlasgen:", err)
		os.Exit(1)
	}
}

type ring [][2]float64 // longitude, latitude

// read decodes the countries object into rings of lon/lat per alpha-2 code.
func read(path string) (map[codeT][]ring, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	arcs := make([]ring, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		for _, p := range a {
			x, y = x+p[0], y+p[1] // delta-encoded, quantized
			arcs[i] = append(arcs[i], [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]})
		}
	}
	ringOf := func(idx []int) ring {
		var r ring
		for _, i := range idx {
			var a ring
			if i < 0 {
				src := arcs[^i]
				for j := len(src) - 1; j >= 0; j-- {
					a = append(a, src[j])
				}
			} else {
				a = arcs[i]
			}
			if len(r) > 0 {
				a = a[1:] // arcs share their joining point
			}
			r = append(r, a...)
		}
		return r
	}
	out := map[codeT][]ring{}
	for _, g := range t.Objects.Countries.Geometries {
		code := codeT(unnumbered[g.Properties.Name])
		if g.ID != "" {
			n, err := strconv.Atoi(g.ID)
			if err != nil {
				return nil, fmt.Errorf("%s: id %q", path, g.ID)
			}
			code = codeT(countries.ByNumeric(n).Alpha2())
		}
		if code == "" || code == "Unknown" {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, err
			}
		default:
			continue
		}
		for _, p := range polys {
			for _, idx := range p {
				out[code] = append(out[code], ringOf(idx))
			}
		}
	}
	return out, nil
}

// shape projects rings, drops points closer than a tenth of a pixel to the
// previous one, and writes one SVG path; the label point is the area
// centroid of the largest ring.
func shape(rings []ring, scale string) atlas.Shape {
	var b strings.Builder
	best, bestArea := -1, 0.0
	var projected [][][2]float64
	rings = splitAntimeridian(rings)
	for _, r := range rings {
		var pts [][2]float64
		for _, p := range r {
			x, y := atlas.Project(p[0], p[1])
			x, y = math.Round(x*10)/10, math.Round(y*10)/10
			if n := len(pts); n > 0 && pts[n-1] == [2]float64{x, y} {
				continue
			}
			pts = append(pts, [2]float64{x, y})
		}
		if len(pts) < 3 {
			continue
		}
		projected = append(projected, pts)
		// The label point must be on the map: of a ring drawn twice across
		// 180°, the copy whose middle is in the view box.
		if cx, _ := centroid(pts); cx < 0 || cx > atlas.Width {
			continue
		}
		if a := math.Abs(area(pts)); a > bestArea || best < 0 {
			best, bestArea = len(projected)-1, a
		}
	}
	for _, pts := range projected {
		for i, p := range pts {
			if i == 0 {
				b.WriteString("M")
			} else {
				b.WriteString("L")
			}
			b.WriteString(num(p[0]) + " " + num(p[1]))
		}
		b.WriteString("Z")
	}
	s := atlas.Shape{Path: b.String(), Scale: scale}
	if best >= 0 {
		s.X, s.Y = centroid(projected[best])
	}
	return s
}

// splitAntimeridian redraws a ring that crosses 180° (Fiji, Kiribati,
// Chukotka in some files) twice: once with its western longitudes moved
// east by 360° and once with its eastern ones moved west, so each copy is
// continuous and the view box clips it at the map's edge. Drawn as is, such
// a ring would streak across the whole map.
func splitAntimeridian(rings []ring) []ring {
	var out []ring
	for _, r := range rings {
		crosses := false
		for i := 1; i < len(r) && !crosses; i++ {
			crosses = math.Abs(r[i][0]-r[i-1][0]) > 180
		}
		if !crosses {
			out = append(out, r)
			continue
		}
		east, west := make(ring, len(r)), make(ring, len(r))
		for i, p := range r {
			east[i], west[i] = p, p
			if p[0] < 0 {
				east[i][0] += 360
			} else {
				west[i][0] -= 360
			}
		}
		out = append(out, east, west)
	}
	return out
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func area(p [][2]float64) float64 {
	var a float64
	for i := range p {
		j := (i + 1) % len(p)
		a += p[i][0]*p[j][1] - p[j][0]*p[i][1]
	}
	return a / 2
}

func centroid(p [][2]float64) (float64, float64) {
	a := area(p)
	if a == 0 {
		return p[0][0], p[0][1]
	}
	var cx, cy float64
	for i := range p {
		j := (i + 1) % len(p)
		f := p[i][0]*p[j][1] - p[j][0]*p[i][1]
		cx += (p[i][0] + p[j][0]) * f
		cy += (p[i][1] + p[j][1]) * f
	}
	return math.Round(cx/(6*a)*10) / 10, math.Round(cy/(6*a)*10) / 10
}

type codeT = graphmodel.Code
