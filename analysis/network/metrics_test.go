package network

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// NodeMetrics's JSON fields are the table's metrics, and each entry's
// Value reads the field of its own name: a metric added to the struct and
// not the table (or the other way) fails here.
func TestMetricTableMatchesNodeMetrics(t *testing.T) {
	var fields []string
	typ := reflect.TypeOf(NodeMetrics{})
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if name != "node" && name != "placeholder" {
			fields = append(fields, name)
		}
	}
	var table []string
	for _, s := range MetricTable {
		table = append(table, string(s.Name))
	}
	if a, b := slices.Sorted(slices.Values(fields)), slices.Sorted(slices.Values(table)); !slices.Equal(a, b) {
		t.Fatalf("NodeMetrics fields %v, MetricTable %v", a, b)
	}
	// A distinct value per field, set through the JSON names.
	in := map[string]float64{}
	for i, name := range fields {
		in[name] = float64(i + 1)
	}
	buf, _ := json.Marshal(in)
	var m NodeMetrics
	if err := json.Unmarshal(buf, &m); err != nil {
		t.Fatal(err)
	}
	for _, s := range MetricTable {
		if got := s.Value(&m); got != in[string(s.Name)] {
			t.Errorf("%s: Value reads %g, want the field's %g", s.Name, got, in[string(s.Name)])
		}
		var set NodeMetrics
		s.Set(&set, 7)
		buf, _ := json.Marshal(set)
		var back map[string]any
		json.Unmarshal(buf, &back)
		if back[string(s.Name)] != 7.0 {
			t.Errorf("%s: Set wrote %s", s.Name, buf)
		}
	}
}

// Every entry is complete and names a kernel; every kernel computes
// something.
func TestMetricTableEntries(t *testing.T) {
	seen := map[Metric]bool{}
	for _, s := range append(slices.Clone(MetricTable), CommunitySpec) {
		if seen[s.Name] {
			t.Errorf("%s listed twice", s.Name)
		}
		seen[s.Name] = true
		if s.Label == "" || s.Kind == 0 || s.Reading == "" || s.Definition == "" || s.Citation == "" || s.Stopping == "" {
			t.Errorf("%s: incomplete entry %+v", s.Name, s)
		}
		if !slices.ContainsFunc(Kernels, func(k Kernel) bool { return k.Name == s.Kernel }) && s.Kernel != "louvain" {
			t.Errorf("%s: no kernel %q", s.Name, s.Kernel)
		}
		if s.Plain != "" {
			if p, ok := s.Plain.Spec(); !ok || p.Weighted || p.Definition != s.Definition {
				t.Errorf("%s: plain twin %q is not the same metric unweighted", s.Name, s.Plain)
			}
		}
	}
	for _, k := range Kernels {
		if !slices.ContainsFunc(MetricTable, func(s MetricSpec) bool { return s.Kernel == k.Name }) {
			t.Errorf("kernel %s computes no metric", k.Name)
		}
	}
}

// The stopping rules stated are the constants the kernels use.
func TestStoppingRulesStateTheCode(t *testing.T) {
	for _, c := range []struct {
		metric Metric
		want   []string
	}{
		{"pagerank", []string{"k·(1-d)·tol", "at most 1000 sweeps"}},
		{"hub_weighted", []string{"tol·θ", "10·tol·θ", "at most 5 attempts", "20-vector", "at most 200 cycles"}},
		{"betweenness", []string{"exact"}},
	} {
		s, _ := c.metric.Spec()
		for _, w := range c.want {
			if !strings.Contains(s.Stopping, w) {
				t.Errorf("%s: stopping rule %q lacks %q", c.metric, s.Stopping, w)
			}
		}
	}
	if hitsAccept != 10 || hitsAttempts != 5 || pageRankMaxIter != 1000 {
		t.Errorf("constants changed: update the test's expectations from the code")
	}
}

// Hubs reports one MetricRun per definition group, in the order analyze
// --format json has always printed them.
func TestHubsRunsGroups(t *testing.T) {
	_, runs, err := Hubs(context.Background(), smallGraph(), DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range runs {
		got = append(got, r.Metric)
	}
	want := []string{"in_degree, out_degree", "in_strength, out_strength", "pagerank", "pagerank_weighted", "hub, authority",
		"hub_weighted, authority_weighted", "betweenness", "closeness", "harmonic", "core", "weak_component, strong_component"}
	if !slices.Equal(got, want) {
		t.Errorf("runs %q, want %q", got, want)
	}
	for _, r := range runs {
		iterative := strings.HasPrefix(r.Metric, "pagerank") || strings.HasPrefix(r.Metric, "hub")
		if iterative != (r.Converged != nil) || iterative && (r.Tolerance != 1e-12 || !*r.Converged) {
			t.Errorf("%s: tolerance %g, converged %v", r.Metric, r.Tolerance, r.Converged)
		}
	}
}

// The rankable metrics are every metric but the component labels.
func TestRankableMetrics(t *testing.T) {
	if len(Metrics) != len(MetricTable)-2 || slices.Contains(Metrics, "weak_component") || slices.Contains(Metrics, "strong_component") {
		t.Errorf("rankable %v", Metrics)
	}
	if _, err := Metric("weak_component").Value(NodeMetrics{}); err == nil {
		t.Error("a component label ranks")
	}
}
