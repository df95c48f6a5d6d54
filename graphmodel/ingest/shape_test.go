package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
)

// An unknown shape is an error, never read as one of the known shapes.
func TestUnknownShapeIsAnError(t *testing.T) {
	for _, s := range []Shape{"", "flights", "Tracker"} {
		if _, err := LookupShape(s); err == nil || !strings.Contains(err.Error(), "removals or tracker") {
			t.Errorf("LookupShape(%q): %v", s, err)
		}
		_, err := Run(context.Background(), nil, Options{Shape: s, Source: graphmodel.Source{Key: "x"}})
		if err == nil || !strings.Contains(err.Error(), "unknown shape") {
			t.Errorf("Run with shape %q: %v", s, err)
		}
	}
	for _, s := range Shapes() {
		spec, err := LookupShape(Shape(s))
		if err != nil || spec.convert == nil || len(spec.required) == 0 || spec.SourceKind == "" || spec.Used == "" {
			t.Errorf("shape %s: incomplete entry %+v (%v)", s, spec, err)
		}
		for _, f := range spec.required {
			if len(spec.columns[f]) < 2 {
				t.Errorf("shape %s: required field %s needs two default headers for the no-header message", s, f)
			}
		}
	}
}
