package network

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The README's list of metrics ("What every number is") names every
// metric of MetricTable and no other, and the Neo4j properties it gives
// as examples are <metric>_<layer> of table metrics.
func TestREADMEListsTheTable(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	_, section, ok := strings.Cut(readme, "**What every number is.**")
	if !ok {
		t.Fatal(`README: no "What every number is" section`)
	}
	section, _, _ = strings.Cut(section, "\n\n\n")
	var listed []string
	code := regexp.MustCompile("`([a-z_]+)`")
	rows := 0
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `") {
			if rows > 0 && !strings.HasPrefix(line, "|") {
				break
			}
			continue
		}
		rows++
		first := strings.Split(line, "|")[1]
		for _, m := range code.FindAllStringSubmatch(first, -1) {
			listed = append(listed, m[1])
		}
	}
	var table []string
	for _, s := range MetricTable {
		table = append(table, string(s.Name))
	}
	slices.Sort(listed)
	slices.Sort(table)
	if !slices.Equal(listed, table) {
		t.Errorf("README lists %v\nMetricTable has %v", listed, table)
	}

	_, graph, ok := strings.Cut(readme, "**Metrics in the graph.**")
	if !ok {
		t.Fatal(`README: no "Metrics in the graph" section`)
	}
	graph, _, _ = strings.Cut(graph, "\n\n")
	layers := `_(all|approach|flow|money|leverage|onward)$`
	prop := regexp.MustCompile("`([a-z_]+)`")
	found := 0
	for _, m := range prop.FindAllStringSubmatch(graph, -1) {
		name := m[1]
		l := regexp.MustCompile(layers).FindString(name)
		if l == "" {
			continue
		}
		found++
		metric := Metric(strings.TrimSuffix(name, l))
		if _, ok := metric.Spec(); !ok && metric != CommunitySpec.Name {
			t.Errorf("README names property %s, but %s is no metric of MetricTable", name, metric)
		}
	}
	if found < 5 {
		t.Errorf("README: only %d <metric>_<layer> properties found; has the paragraph moved?", found)
	}
}
