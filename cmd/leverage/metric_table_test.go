package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

// tableNames are network.MetricTable's metric names, in order.
func tableNames() []string {
	var out []string
	for _, s := range network.MetricTable {
		out = append(out, string(s.Name))
	}
	return out
}

// Every consumer of the metric table lists exactly its metrics: what
// analyze --format json gives per hub, the graph files' node columns, the
// workbook's Hubs headings, the write-back's columns and analyze --graph's
// timed steps. A metric added to the table but not reaching one of them,
// or a consumer keeping a metric of its own, fails here.
func TestEveryConsumerListsTheMetricTable(t *testing.T) {
	want := tableNames()
	dir := t.TempDir()
	sameSet := func(what string, got []string) {
		t.Helper()
		a, b := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
		if !slices.Equal(a, b) {
			t.Errorf("%s lists %v\nthe table has %v", what, a, b)
		}
	}

	out, errs, code := runCLI(t, "analyze", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var rep struct {
		Hubs []map[string]any `json:"hubs"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Hubs) == 0 {
		t.Fatalf("analyze --format json: %v", err)
	}
	var fields []string
	for k := range rep.Hubs[0] {
		if !slices.Contains([]string{"rank", "name", "kind", "node", "placeholder"}, k) {
			fields = append(fields, k)
		}
	}
	sameSet("analyze --format json", fields)

	gephi := filepath.Join(dir, "gephi")
	if _, errs, code := runCLI(t, "export", "--format", "gephi", "--layer", "all", "-o", gephi); code != 0 {
		t.Fatal(errs)
	}
	f, err := os.Open(filepath.Join(gephi, "nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	header, err := csv.NewReader(f).Read()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(header, "Placeholder")
	if i < 0 || header[len(header)-1] != "community" {
		t.Fatalf("gephi nodes.csv header %v", header)
	}
	if got := header[i+1 : len(header)-1]; !slices.Equal(got, want) {
		t.Errorf("gephi nodes.csv metric columns %v, want the table's order %v", got, want)
	}

	xlsx := filepath.Join(dir, "w.xlsx")
	if _, errs, code := runCLI(t, "export", "-o", xlsx); code != 0 {
		t.Fatal(errs)
	}
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows("Hubs")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, s := range network.MetricTable {
		labels = append(labels, s.Label)
	}
	if len(rows) < 2 || len(rows[0]) < 5 || !slices.Equal(rows[0][5:], labels) {
		t.Errorf("workbook Hubs headings %v, want Layer..Kind then %v", rows[0], labels)
	}

	var cols []string
	for _, c := range analysis.NewResults(mustSeed(t), analysis.Window{}, analysis.Options{}, 1).NodeMetrics().Columns {
		if c.Name != string(network.CommunitySpec.Name) {
			cols = append(cols, c.Name)
		}
	}
	sameSet("the Neo4j write-back", cols)

	csvPath := filepath.Join(dir, "g.csv")
	os.WriteFile(csvPath, []byte("source,target,weight\na,b,1\nb,c,2\nc,a,1\n"), 0o644)
	out, errs, code = runCLI(t, "analyze", "--graph", csvPath, "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var graph struct {
		Timings []timing `json:"timings_seconds"`
		Metrics []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &graph); err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, tm := range graph.Timings {
		steps = append(steps, tm.Name)
	}
	var kernels []string
	for _, k := range network.Kernels {
		kernels = append(kernels, k.Name)
	}
	if wantSteps := append(append([]string{"read"}, kernels...), communityViewStep, "louvain", "leiden"); !slices.Equal(steps, wantSteps) {
		t.Errorf("analyze --graph steps %v, want %v", steps, wantSteps)
	}
	if !strings.Contains(analyzeHelp(t), strings.Join(graphMetrics, ", ")) {
		t.Errorf("analyze --help does not list --metrics %v", graphMetrics)
	}
}

func analyzeHelp(t *testing.T) string {
	t.Helper()
	out, errs, _ := runCLI(t, "analyze", "--help")
	return out + errs
}

func mustSeed(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The kernel benchmark's driver names the undirected view's step as
// analyze --graph reports it, or its table would lose that line silently.
func TestBenchDriverNamesTheViewStep(t *testing.T) {
	src, err := os.ReadFile("../../.ci/bench/kernels.py")
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("VIEW = %q", communityViewStep); !strings.Contains(string(src), want) {
		t.Errorf(".ci/bench/kernels.py does not say %s", want)
	}
}
