package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestAnalyzeGolden(t *testing.T) {
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"analyze-all.golden", []string{"analyze"}},
		{"analyze-flow-asof.golden", []string{"analyze", "--layer", "flow", "--as-of", "2025-04", "--by", "in_strength", "--remove", "Panama"}},
		{"patterns.golden", []string{"patterns"}},
		{"profile-xk.golden", []string{"profile", "Kosovar"}},
		{"timeline.golden", []string{"timeline"}},
	} {
		out, errs, code := runCLI(t, tt.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errs)
		}
		golden(t, tt.golden, out)
	}
}

func TestAnalyzeJSONListsEveryNode(t *testing.T) {
	out, errs, code := runCLI(t, "analyze", "--format", "json", "--top", "3")
	if code != 0 {
		t.Fatal(errs)
	}
	var rep struct {
		Nodes int `json:"nodes"`
		Hubs  []struct {
			Node string `json:"node"`
			Kind string `json:"kind"`
			Rank int    `json:"rank"`
		} `json:"hubs"`
		Placeholders []struct {
			Node       string  `json:"node"`
			InStrength float64 `json:"in_strength"`
		} `json:"placeholder_nodes"`
		Patterns []struct {
			Pattern string   `json:"pattern"`
			Sources []string `json:"sources"`
		} `json:"patterns"`
		Provenance struct {
			Hash string `json:"content_hash"`
			Tool string `json:"tool"`
		} `json:"provenance"`
		Metrics []struct {
			Metric     string  `json:"metric"`
			Definition string  `json:"definition"`
			Tolerance  float64 `json:"tolerance"`
			Iterations int     `json:"iterations"`
			Converged  *bool   `json:"converged"`
			Nodes      int     `json:"nodes"`
		} `json:"metric_settings"`
		Communities struct {
			Seeds      []uint64 `json:"seeds"`
			Resolution float64  `json:"resolution"`
		} `json:"communities"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Hubs) != rep.Nodes || rep.Nodes < 40 {
		t.Errorf("json hubs %d, nodes %d", len(rep.Hubs), rep.Nodes)
	}
	for _, h := range rep.Hubs {
		if h.Kind != "country" {
			t.Errorf("hub %s of kind %s ranked", h.Node, h.Kind)
		}
	}
	if len(rep.Placeholders) == 0 {
		t.Error("placeholders not listed beside the hubs")
	}
	for _, p := range rep.Patterns {
		if len(p.Sources) == 0 {
			t.Errorf("pattern %s match without sources", p.Pattern)
		}
	}
	if len(rep.Provenance.Hash) != 64 || rep.Provenance.Tool == "" {
		t.Errorf("provenance %+v: want the full SHA-256 and the tool version", rep.Provenance)
	}
	iterative := map[string]bool{}
	for _, m := range rep.Metrics {
		if m.Definition == "" || m.Nodes != rep.Nodes && !strings.Contains(m.Metric, "strength") {
			t.Errorf("metric %+v: no definition or a graph size other than the hubs'", m)
		}
		if m.Converged != nil {
			iterative[m.Metric] = *m.Converged && m.Iterations > 0 && m.Tolerance > 0
		}
	}
	for _, m := range []string{"pagerank", "pagerank_weighted", "hub, authority", "hub_weighted, authority_weighted"} {
		if !iterative[m] {
			t.Errorf("%s: no converged run with iterations and tolerance on record", m)
		}
	}
	if len(rep.Communities.Seeds) != 10 || rep.Communities.Resolution != 1 {
		t.Errorf("communities: seeds %v, resolution %v", rep.Communities.Seeds, rep.Communities.Resolution)
	}
	out, _, _ = runCLI(t, "analyze", "--format", "json", "--include-placeholders")
	if !strings.Contains(out, `"node": "ZZ"`) || !strings.Contains(out, `"placeholders": "included"`) {
		t.Error("--include-placeholders: ZZ not ranked")
	}
}

func TestAnalysisUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--layer", "gossip"},
		{"analyze", "--by", "fame"},
		{"analyze", "--as-of", "March 2025"},
		{"analyze", "--from", "2025-06", "--to", "2025-01"},
		{"analyze", "--as-of", "2025", "--to", "2025"},
		{"profile"},
		{"profile", "Atlantis"},
		{"patterns", "nope"},
		{"timeline", "--format", "xml"},
	} {
		if _, errs, code := runCLI(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, errs)
		}
	}
}

func TestPatternsList(t *testing.T) {
	out, _, code := runCLI(t, "patterns", "--list")
	if code != 0 || !strings.Contains(out, "payment_acceptance") || !strings.Contains(out, "chain_return") {
		t.Errorf("patterns --list: %s", out)
	}
}

// The seed analysis must stay interactive; the budget covers the whole
// verb in-process. A benchmark, not a timed test: go test -bench Analyze.
func BenchmarkAnalyzeSeed(b *testing.B) {
	for b.Loop() {
		if _, errs, code := runCLI(&testing.T{}, "analyze", "--format", "json"); code != 0 {
			b.Fatal(errs)
		}
	}
}

func TestAnalyzeGraphFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.csv")
	os.WriteFile(path, []byte("source,target,weight\na,b,1\nb,c,1\nc,a,1\nd,c,2\n"), 0o644)
	out, errs, code := runCLI(t, "analyze", "--graph", path, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Nodes   int `json:"nodes"`
		Timings []struct {
			Algorithm string `json:"algorithm"`
		} `json:"timings_seconds"`
		Hubs []struct {
			Node     string  `json:"node"`
			PageRank float64 `json:"pagerank"`
		} `json:"hubs"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// One timing per algorithm, plus reading, the weighted PageRank and
	// HITS, and the community methods' undirected view.
	if rep.Nodes != 4 || len(rep.Timings) != 4+len(graphMetrics) || rep.Hubs[0].Node != "c" {
		t.Errorf("report %+v", rep)
	}
	os.WriteFile(path, []byte("a,b,1\nc,d,y\n"), 0o644)
	if _, errs, code := runCLI(t, "analyze", "--graph", path); code != exitInvalid || !strings.Contains(errs, "g.csv:2: weight") {
		t.Errorf("bad weight: exit %d %s", code, errs)
	}
}

// No layer ranks a placeholder, puts one in a community or lists one as a
// dependency, unless asked; asked, ZZ returns to the all layer's ranking.
func TestAnalyzeLeavesPlaceholdersOut(t *testing.T) {
	for _, layer := range []string{"all", "approach", "flow", "money", "leverage", "onward"} {
		out, errs, code := runCLI(t, "analyze", "--layer", layer, "--format", "json")
		if code != 0 {
			t.Fatal(errs)
		}
		var rep struct {
			Hubs []struct {
				Node string `json:"node"`
				Kind string `json:"kind"`
			} `json:"hubs"`
			Communities struct {
				Members [][]string `json:"members"`
			} `json:"communities"`
			Dependencies []struct {
				Nationality string `json:"nationality"`
				Receiver    string `json:"receiver"`
			} `json:"single_receiver_dependencies"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		placeholder := func(code string) bool { return code == "ZZ" || strings.HasPrefix(code, "GRP_") }
		for _, h := range rep.Hubs {
			if placeholder(h.Node) || h.Kind != "country" {
				t.Errorf("%s: hub %s (%s)", layer, h.Node, h.Kind)
			}
		}
		for _, c := range rep.Communities.Members {
			for _, m := range c {
				if placeholder(m) {
					t.Errorf("%s: %s in a community", layer, m)
				}
			}
		}
		for _, d := range rep.Dependencies {
			if placeholder(d.Nationality) || placeholder(d.Receiver) {
				t.Errorf("%s: dependency %+v", layer, d)
			}
		}
	}
}

// analyze and analyze --graph write one layout: every key of a layer's
// network report is in a graph file's report with the same JSON type, and
// the file's provenance names its SHA-256 and how it was read.
func TestAnalyzeGraphSharesAnalyzeLayout(t *testing.T) {
	layer, errs, code := runCLI(t, "analyze", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	path := filepath.Join(t.TempDir(), "g.tsv")
	content := "a\tb\t1\nb\tc\t2\nc\ta\t1\nc\tc\t1\n"
	os.WriteFile(path, []byte(content), 0o644)
	file, errs, code := runCLI(t, "analyze", "--graph", path, "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var l, f map[string]any
	if err := json.Unmarshal([]byte(layer), &l); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(file), &f); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"provenance", "ranked_by", "placeholders", "nodes", "edges_distinct_pairs", "metric_settings", "hubs", "placeholder_nodes", "communities"} {
		if _, ok := l[k]; !ok {
			t.Errorf("analyze has no %q", k)
		}
		if fmt.Sprintf("%T", l[k]) != fmt.Sprintf("%T", f[k]) && f[k] != nil && l[k] != nil {
			t.Errorf("%q: analyze's is %T, analyze --graph's %T", k, l[k], f[k])
		}
	}
	hubKeys := func(r map[string]any) []string {
		var out []string
		for k := range r["hubs"].([]any)[0].(map[string]any) {
			if k != "kind" {
				out = append(out, k)
			}
		}
		slices.Sort(out)
		return out
	}
	if a, b := hubKeys(l), hubKeys(f); !slices.Equal(a, b) {
		t.Errorf("hub rows differ:\n analyze %v\n --graph %v", a, b)
	}
	prov := f["provenance"].(map[string]any)
	sum := sha256.Sum256([]byte(content))
	if prov["sha256"] != hex.EncodeToString(sum[:]) || prov["format"] != "edge list (tab, no header)" || prov["self_loops_dropped"] != 1.0 || prov["direction"] != "directed" {
		t.Errorf("provenance %v", prov)
	}
	if s, _ := f["metric_settings"].([]any); len(s) == 0 {
		t.Error("no metric settings for the graph file")
	}
}

// Reading options that cannot work are command-line errors (exit 2), and
// the flags change what is read: --undirected doubles every arc.
func TestAnalyzeGraphReadingFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.csv")
	os.WriteFile(path, []byte("a;b\nb;c\n"), 0o644)
	for _, args := range [][]string{{"--multi", "keep"}, {"--delimiter", "x"}, {"--directed", "--undirected"}, {"--weight", "w", "--unweighted"}} {
		if _, errs, code := runCLI(t, append([]string{"analyze", "--graph", path}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2: %s", args, code, errs)
		}
	}
	if _, errs, code := runCLI(t, "analyze", "--directed"); code != exitUsage || !strings.Contains(errs, "--directed") {
		t.Errorf("--directed without --graph: exit %d: %s", code, errs)
	}
	for flag, pairs := range map[string]float64{"--directed": 2, "--undirected": 4} {
		out, errs, code := runCLI(t, "analyze", "--graph", path, flag, "--format", "json")
		var rep struct {
			Pairs int `json:"edges_distinct_pairs"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || float64(rep.Pairs) != pairs {
			t.Errorf("%s: exit %d, %d pairs, want %v: %s", flag, code, rep.Pairs, pairs, errs)
		}
	}
}

// --community-runs sets how many seeded runs Louvain and Leiden keep the
// best of on a graph file (a benchmark times one, as the other libraries
// run): the report lists one seed per run; 0 is analyze's rule, ten runs
// on a graph under 20,000 edges; a negative count is refused.
func TestAnalyzeGraphCommunityRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.csv")
	os.WriteFile(path, []byte("source,target\na,b\nb,c\nc,a\nc,d\nd,e\ne,f\nf,d\n"), 0o644)
	for flag, want := range map[string]int{"1": 1, "3": 3, "0": 10} {
		out, errs, code := runCLI(t, "analyze", "--graph", path, "--metrics", "louvain,leiden", "--community-runs", flag, "--format", "json")
		var rep struct {
			Louvain struct {
				Seeds []uint64 `json:"seeds"`
			} `json:"communities"`
			Leiden struct {
				Seeds []uint64 `json:"seeds"`
			} `json:"leiden_communities"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &rep) != nil {
			t.Fatalf("--community-runs %s: exit %d: %s", flag, code, errs)
		}
		if len(rep.Louvain.Seeds) != want || len(rep.Leiden.Seeds) != want {
			t.Errorf("--community-runs %s: %d Louvain and %d Leiden runs, want %d", flag, len(rep.Louvain.Seeds), len(rep.Leiden.Seeds), want)
		}
	}
	if _, errs, code := runCLI(t, "analyze", "--graph", path, "--community-runs", "-1"); code != exitUsage {
		t.Errorf("--community-runs -1: exit %d, want 2: %s", code, errs)
	}
}

// analyze --graph's table shows only the metrics that were computed: a
// kernel left out by --metrics used to print as a column of zeros.
func TestAnalyzeGraphTableShowsOnlyRunMetrics(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.csv")
	os.WriteFile(path, []byte("source,target\na,b\nb,c\nc,a\nc,d\n"), 0o644)
	for metrics, want := range map[string]string{
		"pagerank,core": "rank node pagerank core",
		"louvain":       "",
		"all":           "rank node in out pagerank hub authority betweenness closeness core",
	} {
		out, errs, code := runCLI(t, "analyze", "--graph", path, "--metrics", metrics)
		if code != 0 {
			t.Fatalf("--metrics %s: exit %d: %s", metrics, code, errs)
		}
		header := ""
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "rank") {
				header = strings.Join(strings.Fields(line), " ")
			}
		}
		if header != want {
			t.Errorf("--metrics %s: table header %q, want %q", metrics, header, want)
		}
	}
}

// --leiden-iterations bounds Leiden's iterations and is recorded in the
// report; left at 0 the report leaves it out (until modularity stops
// rising); a negative bound is refused.
func TestAnalyzeGraphLeidenIterations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.csv")
	os.WriteFile(path, []byte("source,target\na,b\nb,c\nc,a\nc,d\nd,e\ne,f\nf,d\n"), 0o644)
	for flag, want := range map[string]int{"2": 2, "0": 0} {
		out, errs, code := runCLI(t, "analyze", "--graph", path, "--metrics", "leiden", "--leiden-iterations", flag, "--format", "json")
		var rep struct {
			Leiden struct {
				Iterations int `json:"leiden_iterations"`
			} `json:"leiden_communities"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &rep) != nil {
			t.Fatalf("--leiden-iterations %s: exit %d: %s", flag, code, errs)
		}
		if rep.Leiden.Iterations != want {
			t.Errorf("--leiden-iterations %s: report says %d, want %d", flag, rep.Leiden.Iterations, want)
		}
	}
	if _, errs, code := runCLI(t, "analyze", "--graph", path, "--leiden-iterations", "-1"); code != exitUsage {
		t.Errorf("--leiden-iterations -1: exit %d, want 2: %s", code, errs)
	}
}

// The settings flags reach the numbers and the files: with --modularity
// directed and --resolution 2 analyze reports directed modularity at γ 2,
// export --layer records both in the graph file, and analyze --graph on
// that file with the same flags gives the same modularity.
func TestSettingsFlagsReachOutputs(t *testing.T) {
	flags := []string{"--modularity", "directed", "--resolution", "2", "--damping", "0.7"}
	js, errs, code := runCLI(t, append([]string{"analyze", "--layer", "flow", "--format", "json", "--null-samples", "0"}, flags...)...)
	if code != 0 {
		t.Fatal(errs)
	}
	var rep struct {
		Communities struct {
			Modularity float64 `json:"modularity"`
			Resolution float64 `json:"resolution"`
			Directed   bool    `json:"directed_modularity"`
		} `json:"communities"`
		Metrics []struct {
			Metric  string  `json:"metric"`
			Damping float64 `json:"damping"`
		} `json:"metric_settings"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	if !rep.Communities.Directed || rep.Communities.Resolution != 2 {
		t.Errorf("communities %+v, want directed at resolution 2", rep.Communities)
	}
	for _, m := range rep.Metrics {
		if strings.HasPrefix(m.Metric, "pagerank") && m.Damping != 0.7 {
			t.Errorf("%s damping %v, want 0.7", m.Metric, m.Damping)
		}
	}
	path := filepath.Join(t.TempDir(), "flow.graphml")
	if _, errs, code := runCLI(t, append([]string{"export", "--layer", "flow", "-o", path}, flags...)...); code != 0 {
		t.Fatal(errs)
	}
	raw, _ := os.ReadFile(path)
	for _, want := range []string{`<data key="g_modularity_kind">directed</data>`, `<data key="g_louvain_resolution">2</data>`, `<data key="g_pagerank_damping">0.7</data>`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("graph file lacks %s", want)
		}
	}
	js, errs, code = runCLI(t, append([]string{"analyze", "--graph", path, "--format", "json"}, flags...)...)
	if code != 0 {
		t.Fatal(errs)
	}
	var g struct {
		Communities struct {
			Modularity float64 `json:"modularity"`
		} `json:"communities"`
	}
	if err := json.Unmarshal([]byte(js), &g); err != nil || g.Communities.Modularity != rep.Communities.Modularity {
		t.Errorf("analyze --graph modularity %v (%v), analyze --layer %v", g.Communities.Modularity, err, rep.Communities.Modularity)
	}
}
