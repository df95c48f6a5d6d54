package analysis

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/fixtures"
)

// Results gives what the direct functions give for its window, options and
// seed, and computes each part once: every export reads the same numbers.
func TestResultsMatchTheFunctionsAndComputeOnce(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	w := Window{From: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
	for _, opt := range []Options{{}, {IncludePlaceholders: true}} {
		r := NewResults(d, w, opt, 7)
		for _, l := range Layers {
			lr := r.Layer(l)
			if r.Layer(l) != lr {
				t.Errorf("%s: computed twice", l)
			}
			g := ViewWith(d, l, w, opt)
			if !reflect.DeepEqual(lr.Graph.EdgeList(), g.EdgeList()) || !reflect.DeepEqual(lr.Graph.Placeholders(), g.Placeholders()) {
				t.Errorf("%s %+v: the view differs from ViewWith", l, opt)
			}
			if !reflect.DeepEqual(lr.Hubs, hubsOf(t, g)) {
				t.Errorf("%s %+v: hubs differ from network.Hubs", l, opt)
			}
			if c := louvainOf(t, g, 7); !reflect.DeepEqual(lr.Communities(), c) {
				t.Errorf("%s %+v: communities differ from Louvain with the seed", l, opt)
			}
		}
		if !reflect.DeepEqual(r.Patterns(), FindAll(d, w)) || !reflect.DeepEqual(r.Timeline(), Timeline(d, w)) ||
			!reflect.DeepEqual(r.Profiles(), Profiles(d, w)) || !reflect.DeepEqual(r.Dependencies(), SingleReceiverDependenciesWith(d, w, opt)) ||
			!reflect.DeepEqual(r.Summary(), Summarize(d)) {
			t.Errorf("%+v: a domain part differs from its function", opt)
		}
		if s := stabilityOf(t, ViewWith(d, LayerAll, w, opt), EdgeClasses(d, LayerAll, w), 7); !reflect.DeepEqual(r.Stability(), s) {
			t.Errorf("%+v: stability differs", opt)
		}
	}
}

// hubsOf is network.Hubs with the default settings, failing t on an error.
func hubsOf(t testing.TB, g *network.Graph) []network.NodeMetrics {
	t.Helper()
	ms, _, err := network.Hubs(context.Background(), g, network.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// louvainOf is network.Louvain, failing t on an error.
func louvainOf(t testing.TB, g *network.Graph, seed uint64) network.Communities {
	t.Helper()
	c, err := network.Louvain(context.Background(), g, seed)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// stabilityOf is network.CommunityStability with the default runs and
// samples, failing t on an error.
func stabilityOf(t testing.TB, g *network.Graph, classes map[[2]string]string, seed uint64) network.Stability {
	t.Helper()
	s, err := network.CommunityStabilityWith(context.Background(), g, network.StabilityOptions{Seed: seed, Classes: classes})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
