// Package atlas holds the briefing's world map: country outlines from
// Natural Earth (through the npm package world-atlas, see ATLAS.md),
// pre-projected with Equal Earth into a Width×Height SVG box, one path per
// ISO 3166-1 alpha-2 code, and documented stand-in points for the codes
// the source draws no shape for.
package atlas

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sync"
)

// Width and Height are the SVG view box every path and point is in.
const (
	Width  = 1000
	Height = 487
)

// Equal Earth coefficients (Šavrič, Patterson & Jenny 2018, eq. 2).
const (
	a1 = 1.340264
	a2 = -0.081106
	a3 = 0.000893
	a4 = 0.003796
)

// scale maps the projection's ±2.7066 x range onto Width.
var scale = (Width / 2) / (2 * math.Sqrt(3) * math.Pi / (3 * a1))

// Project maps longitude and latitude in degrees to view-box coordinates
// (y down) by the Equal Earth projection.
func Project(lon, lat float64) (x, y float64) {
	l := lon * math.Pi / 180
	t := math.Asin(math.Sqrt(3) / 2 * math.Sin(lat*math.Pi/180))
	t2 := t * t
	t6 := t2 * t2 * t2
	px := 2 * math.Sqrt(3) * l * math.Cos(t) / (3 * (9*a4*t6*t2 + 7*a3*t6 + 3*a2*t2 + a1))
	py := t * (a1 + a2*t2 + t6*(a3+a4*t2))
	return Width/2 + px*scale, Height/2 - py*scale
}

// Shape is one country's outline.
type Shape struct {
	Path string `json:"d"` // SVG path data, absolute, in the view box
	// X, Y is the label point: the area centroid of the largest ring, where
	// arcs start and end.
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Scale string  `json:"scale"` // the Natural Earth scale it came from: 110m or 50m
}

// Map is the generated world.json.
type Map struct {
	Source string           `json:"source"`
	Width  int              `json:"width"`
	Height int              `json:"height"`
	Shapes map[string]Shape `json:"shapes"`
}

//go:embed world.json
var worldJSON []byte

var load = sync.OnceValues(func() (Map, error) {
	var m Map
	if err := json.Unmarshal(worldJSON, &m); err != nil {
		return m, fmt.Errorf("atlas: embedded world.json: %w", err)
	}
	return m, nil
})

// World returns the embedded map. It fails only if world.json is corrupt,
// which the package's tests rule out.
func World() (Map, error) { return load() }

// Point is where a code without a shape is drawn, and why.
type Point struct {
	Lon, Lat float64
	Why      string
}

// StandIn returns the documented point for a code world.json has no shape
// for, projected into the view box.
func StandIn(code string) (x, y float64, ok bool) {
	p, ok := standIns[code]
	if !ok {
		return 0, 0, false
	}
	x, y = Project(p.Lon, p.Lat)
	return math.Round(x*10) / 10, math.Round(y*10) / 10, true
}
