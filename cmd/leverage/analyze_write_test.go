package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// After analyze --neo4j --write, Cypher ordering countries by pagerank_all
// returns the top 10 analyze prints, the (:Analysis) node names the
// dataset hash and settings, and a re-run with another window and seed
// replaces every property of the first run and says so.
func TestAnalyzeWriteMatchesAnalyze(t *testing.T) {
	needNeo4j(t)
	if _, errs, code := runCLI(t, "load", "--replace"); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	// Every actor some layer ranks: the actors of the layers' graphs, less
	// the placeholders, which carry no metrics (README: Placeholder actors).
	seed, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	ranked := map[string]bool{}
	for _, l := range analysis.Layers {
		g := analysis.View(seed, l, analysis.Window{})
		for i := 0; i < g.Len(); i++ {
			if !analysis.IsPlaceholder(seed.Registry, graphmodel.Code(g.Name(i))) {
				ranked[g.Name(i)] = true
			}
		}
	}
	out, errs, code := runCLI(t, "analyze", "--neo4j", "--write")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("onto %d countries", len(ranked))) {
		t.Fatalf("analyze --write: exit %d %s %s", code, out, errs)
	}
	js, errs, code := runCLI(t, "analyze", "--neo4j", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var rep struct {
		Hubs []struct {
			Node     string  `json:"node"`
			PageRank float64 `json:"pagerank"`
		} `json:"hubs"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil || len(rep.Hubs) < 10 {
		t.Fatalf("analyze json: %v (%d hubs)", err, len(rep.Hubs))
	}
	s, err := neostore.Open(context.Background(), neostore.ConfigFromEnv())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	ctx := context.Background()
	// network.Rank compares values rounded to 9 significant digits (ties
	// to the code), so that floating-point noise never decides an order;
	// the Cypher does the same. Two countries whose PageRank is equal in
	// exact arithmetic (the same in-links) differ in the last bits once
	// Gauss–Seidel visits them in turn.
	top := func() []string {
		res, err := s.Query(ctx, "MATCH (c:Country) WHERE c.pagerank_all IS NOT NULL RETURN c.code, c.pagerank_all ORDER BY CASE c.pagerank_all WHEN 0 THEN 0.0 ELSE round(c.pagerank_all, 8 - toInteger(floor(log10(abs(c.pagerank_all))))) END DESC, c.code LIMIT 10", nil, neostore.QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, row := range res.Rows {
			codes = append(codes, row[0].(string))
		}
		return codes
	}
	var want []string
	for _, h := range rep.Hubs[:10] {
		want = append(want, h.Node)
	}
	if got := top(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Cypher top 10 by pagerank_all %v, analyze %v", got, want)
	}
	res, err := s.Query(ctx, "MATCH (a:Analysis)-[:DESCRIBES]->(d:Dataset) RETURN a.content_hash, d.content_hash, a.louvain_seed, a.window, a.pagerank_damping, size(a.properties), a.tool", nil, neostore.QueryOptions{})
	if err != nil || len(res.Rows) != 1 {
		t.Fatalf("analysis node: %v %v", err, res.Rows)
	}
	row := res.Rows[0]
	// Every metric of the table and the community, per layer.
	if props := int64((len(network.MetricTable) + 1) * len(analysis.Layers)); row[0] != row[1] || len(row[0].(string)) != 64 || row[2] != int64(1) || row[3] != "all dates" || row[4] != 0.85 || row[5] != props || !strings.HasPrefix(row[6].(string), "leverage ") {
		t.Errorf("analysis node: %v, want %d properties", row, props)
	}
	checkWriteBackIsAnalyze(t, s)
	// Another window: properties of nodes outside it must not survive.
	out, _, code = runCLI(t, "analyze", "--neo4j", "--write", "--from", "2025-06", "--seed", "7")
	if code != 0 || !strings.Contains(out, "replaced the previous analysis (window all dates, seed 1") {
		t.Fatalf("second write: %s", out)
	}
	res, _ = s.Query(ctx, "MATCH (c:Country {code: 'IR'}) RETURN c.pagerank_all, c.community_flow", nil, neostore.QueryOptions{})
	if res.Rows[0][0] != nil || res.Rows[0][1] != nil {
		t.Errorf("Iran (dated before June 2025 only) keeps metrics of the first run: %v", res.Rows[0])
	}
	res, _ = s.Query(ctx, "MATCH (a:Analysis) RETURN count(a), collect(a.louvain_seed)", nil, neostore.QueryOptions{})
	if res.Rows[0][0] != int64(1) || fmt.Sprint(res.Rows[0][1]) != "[7]" {
		t.Errorf("analysis nodes after the second run: %v", res.Rows[0])
	}
	if _, errs, code := runCLI(t, "analyze", "--write"); code != exitUsage {
		t.Errorf("--write without --neo4j: exit %d %s", code, errs)
	}
}

// checkWriteBackIsAnalyze holds the graph to what analyze prints: every
// metric of every hub of every layer (hub_weighted and authority_weighted
// were once left out), nothing on placeholder actors, and each metric's
// stopping rule as the kernels apply it on the (:Analysis) node.
func checkWriteBackIsAnalyze(t *testing.T, s *neostore.Store) {
	t.Helper()
	ctx := context.Background()
	res, err := s.Query(ctx, "MATCH (c:Country) RETURN c.code, properties(c)", nil, neostore.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]map[string]any{}
	for _, row := range res.Rows {
		props[row[0].(string)] = row[1].(map[string]any)
	}
	for _, l := range analysis.Layers {
		js, errs, code := runCLI(t, "analyze", "--neo4j", "--layer", string(l), "--format", "json")
		if code != 0 {
			t.Fatal(errs)
		}
		var rep struct {
			Hubs         []map[string]any `json:"hubs"`
			Placeholders []map[string]any `json:"placeholder_nodes"`
		}
		if err := json.Unmarshal([]byte(js), &rep); err != nil {
			t.Fatal(err)
		}
		for _, h := range rep.Hubs {
			code := h["node"].(string)
			for _, m := range network.MetricTable {
				got, want := props[code][string(m.Name)+"_"+string(l)], h[string(m.Name)].(float64)
				if g, ok := got.(int64); ok && m.Kind == network.Integer {
					got = float64(g)
				}
				if got != want {
					t.Errorf("%s.%s_%s = %v (%T), analyze prints %v", code, m.Name, l, got, got, want)
				}
			}
		}
		for _, p := range rep.Placeholders {
			code := p["node"].(string)
			for name := range props[code] {
				if strings.HasSuffix(name, "_"+string(l)) {
					t.Errorf("placeholder %s carries %s", code, name)
				}
			}
		}
	}
	res, err = s.Query(ctx, "MATCH (a:Analysis) RETURN a.stopping_pagerank, a.stopping_hub_weighted, a.stopping_betweenness, a.convergence", nil, neostore.QueryOptions{})
	if err != nil || len(res.Rows) != 1 {
		t.Fatalf("analysis node: %v %v", err, res.Rows)
	}
	row := res.Rows[0]
	for i, want := range []string{"changes the component's values by less than k·(1-d)·tol in L1", "true residual ‖A·Aᵀh − θh‖₂ ≤ 10·tol·θ", "exact"} {
		if got, _ := row[i].(string); !strings.Contains(got, want) {
			t.Errorf("stopping rule %d: %q lacks %q", i, got, want)
		}
	}
	if row[3] != nil {
		t.Errorf("the old one-line convergence claim is still written: %v", row[3])
	}
}

// load --with-metrics leaves the graph analyze --neo4j --write would: the
// same properties on the same countries, for a held dataset (the embedded
// seed) and for a streamed CSV directory, which is read back for it.
func TestLoadWithMetricsWritesWhatAnalyzeWrites(t *testing.T) {
	needNeo4j(t)
	s, err := neostore.Open(context.Background(), neostore.ConfigFromEnv())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	metrics := func() string {
		res, err := s.Query(context.Background(), `MATCH (c:Country) WHERE c.pagerank_all IS NOT NULL
RETURN c.code, c.pagerank_all, c.betweenness_flow, c.community_all, c.core_approach ORDER BY c.code`, nil, neostore.QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) == 0 {
			t.Fatal("no country carries pagerank_all")
		}
		return fmt.Sprint(res.Rows)
	}
	dir := t.TempDir()
	if _, errs, code := runCLI(t, "generate", "--out", dir, "--relationships", "400"); code != 0 {
		t.Fatal(errs)
	}
	for _, data := range [][]string{nil, {"--data", dir}} {
		args := append([]string{"load", "--replace", "--with-metrics", "--seed", "3"}, data...)
		out, errs, code := runCLI(t, args...)
		if code != 0 || !strings.Contains(out, "an (:Analysis) node") || !strings.Contains(out, "Louvain seed 3") {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
		}
		got := metrics()
		if out, errs, code := runCLI(t, "analyze", "--neo4j", "--write", "--seed", "3"); code != 0 || !strings.Contains(out, "replaced the previous analysis") {
			t.Fatalf("analyze --write after %v: exit %d\n%s%s", args, code, out, errs)
		}
		if want := metrics(); got != want {
			t.Errorf("%v wrote\n%s\nanalyze --neo4j --write\n%s", args, got, want)
		}
	}
}

// Two windowed analyses written under their own names coexist, a Cypher
// query compares them country by country, and each agrees with analyze of
// its window on the embedded seed; writing a name again is refused unless
// --replace-analysis, which replaces that analysis only (issue 26).
func TestNamedAnalysesSideBySide(t *testing.T) {
	needNeo4j(t)
	if _, errs, code := runCLI(t, "load", "--replace"); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	for _, a := range [][2]string{{"to-march", "2025-03"}, {"to-june", "2025-06"}} {
		if out, errs, code := runCLI(t, "analyze", "--neo4j", "--write", "--analysis", a[0], "--as-of", a[1]); code != 0 {
			t.Fatalf("write %s: exit %d %s %s", a[0], code, out, errs)
		}
	}
	s, err := neostore.Open(context.Background(), neostore.ConfigFromEnv())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	ctx := context.Background()
	res, err := s.Query(ctx, `MATCH (c:Country)-[m:SCORES]->(:Analysis {name: 'to-march'}), (c)-[j:SCORES]->(:Analysis {name: 'to-june'})
WHERE m.in_strength_flow IS NOT NULL AND j.in_strength_flow IS NOT NULL
RETURN c.code, m.in_strength_flow, j.in_strength_flow ORDER BY c.code`, nil, neostore.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := func(asOf string) map[string]float64 {
		js, errs, code := runCLI(t, "analyze", "--layer", "flow", "--as-of", asOf, "--format", "json", "--top", "0", "--null-samples", "0")
		if code != 0 {
			t.Fatal(errs)
		}
		var rep struct {
			Hubs []struct {
				Node       string  `json:"node"`
				InStrength float64 `json:"in_strength"`
			} `json:"hubs"`
		}
		if err := json.Unmarshal([]byte(js), &rep); err != nil {
			t.Fatal(err)
		}
		out := map[string]float64{}
		for _, h := range rep.Hubs {
			out[h.Node] = h.InStrength
		}
		return out
	}
	march, june := want("2025-03"), want("2025-06")
	changed := 0
	for _, row := range res.Rows {
		code := row[0].(string)
		if row[1] != march[code] || row[2] != june[code] {
			t.Errorf("%s: in_strength_flow %v (to March) and %v (to June) in Neo4j, analyze gives %v and %v", code, row[1], row[2], march[code], june[code])
		}
		if row[1] != row[2] {
			changed++
		}
	}
	if len(res.Rows) == 0 || changed == 0 {
		t.Errorf("the comparison found %d countries, %d changed between the windows", len(res.Rows), changed)
	}
	if _, errs, code := runCLI(t, "analyze", "--neo4j", "--write", "--analysis", "to-march", "--as-of", "2025-04"); code != exitUsage ||
		!strings.Contains(errs, "--replace-analysis to-march") {
		t.Errorf("rewriting a name: exit %d %s", code, errs)
	}
	if out, errs, code := runCLI(t, "analyze", "--neo4j", "--write", "--replace-analysis", "to-march", "--as-of", "2025-04"); code != 0 ||
		!strings.Contains(out, "replaced the previous analysis") {
		t.Fatalf("--replace-analysis: exit %d %s %s", code, out, errs)
	}
	res, _ = s.Query(ctx, "MATCH (a:Analysis) OPTIONAL MATCH (c)-[s:SCORES]->(a) RETURN a.name, a.window, count(s) ORDER BY a.name", nil, neostore.QueryOptions{})
	if len(res.Rows) != 2 || res.Rows[0][0] != "to-june" || res.Rows[1][0] != "to-march" || !strings.Contains(res.Rows[1][1].(string), "2025-04-30") ||
		res.Rows[0][2].(int64) == 0 || res.Rows[1][2].(int64) == 0 {
		t.Errorf("analyses after the replacement: %v", res.Rows)
	}
}
