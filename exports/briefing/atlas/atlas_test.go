package atlas

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

// Every country code the registry accepts must be drawable: a shape from
// Natural Earth or a documented stand-in, never both, never neither.
func TestEveryRegistryCodeHasShapeOrStandIn(t *testing.T) {
	m, err := World()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range iso3166.Countries() {
		if c.Kind != graphmodel.KindCountry {
			continue
		}
		_, shaped := m.Shapes[string(c.Code)]
		_, _, stood := StandIn(string(c.Code))
		switch {
		case shaped && stood:
			t.Errorf("%s (%s) has a shape and a stand-in; drop the stand-in", c.Code, c.Name)
		case !shaped && !stood:
			t.Errorf("%s (%s) has neither a shape nor a stand-in", c.Code, c.Name)
		}
	}
	for code, p := range standIns {
		if p.Why == "" {
			t.Errorf("stand-in %s has no reason", code)
		}
	}
	if _, ok := m.Shapes["XK"]; !ok {
		t.Error("Kosovo (XK) has no shape: Natural Earth draws it without a numeric id")
	}
}

// Shapes must sit where the world is: a hand check of a few label points
// against the projection of the country's known location.
func TestLabelPointsNearKnownLocations(t *testing.T) {
	m, _ := World()
	known := map[string][2]float64{ // lon, lat, roughly the middle of the country
		"US": {-98, 39}, "RW": {29.9, -2}, "SV": {-88.9, 13.7}, "PA": {-80, 8.5}, "XK": {20.9, 42.6},
		"BR": {-53, -10}, "AU": {134, -25}, "FR": {2.5, 46.5},
	}
	for code, ll := range known {
		s, ok := m.Shapes[code]
		if !ok {
			t.Errorf("%s: no shape", code)
			continue
		}
		x, y := Project(ll[0], ll[1])
		if d := math.Hypot(s.X-x, s.Y-y); d > 25 {
			t.Errorf("%s: label point (%.1f,%.1f) is %.0f px from its known middle (%.1f,%.1f)", code, s.X, s.Y, d, x, y)
		}
		if !strings.HasPrefix(s.Path, "M") || !strings.HasSuffix(s.Path, "Z") {
			t.Errorf("%s: path is not closed rings", code)
		}
	}
}

// Equal Earth: the equator and the prime meridian meet in the middle, and
// the poles are the top and bottom edges.
func TestProjectionFrame(t *testing.T) {
	x, y := Project(0, 0)
	if math.Abs(x-Width/2) > 1e-9 || math.Abs(y-Height/2) > 1e-9 {
		t.Errorf("(0,0) -> (%v,%v)", x, y)
	}
	x, _ = Project(180, 0)
	if math.Abs(x-Width) > 1e-9 {
		t.Errorf("180°E on the equator -> x=%v, want %v", x, Width)
	}
	_, y = Project(0, 90)
	if y < -1 || y > 1 {
		t.Errorf("north pole -> y=%v, want about 0", y)
	}
}

// No outline may streak across the map: a ring crossing 180° drawn as is
// has a segment about the map's width long (Fiji did). Antarctica's ring
// runs along the bottom edge by design and is drawn only when named.
func TestNoRingCrossesTheMap(t *testing.T) {
	m, _ := World()
	for code, s := range m.Shapes {
		if code == "AQ" {
			continue
		}
		for _, ring := range strings.Split(s.Path, "Z") {
			var px float64
			for i, pt := range strings.Split(strings.TrimPrefix(ring, "M"), "L") {
				var x, y float64
				if _, err := fmt.Sscanf(pt, "%g %g", &x, &y); err != nil {
					continue
				}
				if i > 0 && math.Abs(x-px) > Width/2 {
					t.Errorf("%s: a segment from x=%.1f to x=%.1f crosses the map", code, px, x)
					break
				}
				px = x
			}
		}
		if s.X < 0 || s.X > Width || s.Y < 0 || s.Y > Height {
			t.Errorf("%s: label point (%.1f,%.1f) is off the map", code, s.X, s.Y)
		}
	}
}
