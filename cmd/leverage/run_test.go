package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/ingest"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// testEnv is an env writing into buffers, with no progress display.
func testEnv() (env, *bytes.Buffer) {
	var out bytes.Buffer
	return env{stdout: &out, stderr: &out, progress: graphmodel.NopProgress{}}, &out
}

// seedCSVRows counts the data rows of the embedded seed's
// relationships.csv, read as a file, not through our reader.
func seedCSVRows(t *testing.T) int {
	t.Helper()
	b, err := fs.ReadFile(fixtures.SeedFS, fixtures.SeedDir+"/relationships.csv")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(bytes.TrimSpace(b), []byte("\n")) // lines less the header
}

// Each verb's runX takes its options struct directly, as restic's commands
// do: these call them so, without the flag parser, and check what a user
// of the verb would look at.
func TestRunVerbsWithOptions(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	rels := seedCSVRows(t)
	tests := []struct {
		name  string
		run   func(env) error
		check func(t *testing.T, out string)
	}{
		{"validate", func(e env) error { return runValidate(ctx, validateOptions{}, e) }, func(t *testing.T, out string) {
			if want := "valid: " + itoa(rels) + " relationships"; !strings.Contains(out, want) {
				t.Errorf("no %q in\n%s", want, out)
			}
		}},
		{"stats", func(e env) error { return runStats(ctx, statsOptions{format: "json"}, e) }, func(t *testing.T, out string) {
			if !json.Valid([]byte(out)) || !strings.Contains(out, itoa(rels)) {
				t.Errorf("stats json without the %d relationships:\n%.400s", rels, out)
			}
		}},
		{"timeline", func(e env) error { return runTimeline(ctx, timelineOptions{format: "json"}, e) }, func(t *testing.T, out string) {
			var rep struct{ Months []analysis.Month }
			if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Months) == 0 {
				t.Errorf("timeline json: %v, %d months", err, len(rep.Months))
			}
		}},
		{"patterns", func(e env) error { return runPatterns(ctx, patternsOptions{list: true}, e) }, func(t *testing.T, out string) {
			for _, p := range analysis.Patterns {
				if !strings.Contains(out, p.Name+" — ") {
					t.Errorf("--list lacks %s", p.Name)
				}
			}
		}},
		{"profile", func(e env) error { return runProfile(ctx, profileOptions{country: "US", format: "table"}, e) }, func(t *testing.T, out string) {
			if !strings.Contains(out, "United States") {
				t.Errorf("profile US does not name the country:\n%.400s", out)
			}
		}},
		{"analyze", func(e env) error {
			return runAnalyze(ctx, analyzeOptions{layer: "flow", metric: "in_strength", top: 3, seed: 1, format: "json", stabilitySeeds: 2, nullSamples: 1}, e)
		}, func(t *testing.T, out string) {
			var rep struct {
				Hubs []struct {
					InStrength float64 `json:"in_strength"`
				} `json:"hubs"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Hubs) < 3 {
				t.Fatalf("analyze json: %v", err)
			}
			for i := 1; i < len(rep.Hubs); i++ {
				if rep.Hubs[i].InStrength > rep.Hubs[i-1].InStrength {
					t.Errorf("ranked by in_strength, yet hub %d has more than hub %d", i+1, i)
				}
			}
		}},
		{"analyze --graph", func(e env) error {
			// A directed 3-cycle: by symmetry every node's PageRank is 1/3.
			path := filepath.Join(dir, "cycle.csv")
			os.WriteFile(path, []byte("source,target\na,b\nb,c\nc,a\n"), 0o644)
			return runAnalyzeGraph(ctx, analyzeOptions{graph: path, metrics: "pagerank", metric: "pagerank", format: "json", seed: 1}, e)
		}, func(t *testing.T, out string) {
			// The JSON layout analyze and analyze --graph share: one row
			// per node under "hubs".
			var rep struct {
				Hubs []struct {
					PageRank float64 `json:"pagerank"`
				} `json:"hubs"`
			}
			json.Unmarshal([]byte(out), &rep)
			const wantTol = 1e-12
			if len(rep.Hubs) != 3 {
				t.Fatalf("%d nodes:\n%s", len(rep.Hubs), out)
			}
			for _, m := range rep.Hubs {
				if math.Abs(m.PageRank-1.0/3) > wantTol {
					t.Errorf("pagerank %.15f, want 1/3", m.PageRank)
				}
			}
		}},
		{"export", func(e env) error {
			return runExport(ctx, exportOptions{out: filepath.Join(dir, "g.json"), format: "json", seed: 1}, e)
		}, func(t *testing.T, out string) {
			var g struct {
				Edges []any `json:"edges"`
			}
			b, _ := os.ReadFile(filepath.Join(dir, "g.json"))
			if err := json.Unmarshal(b, &g); err != nil || len(g.Edges) != rels {
				t.Errorf("node-link file: %v, %d edges, want one per relationship (%d)", err, len(g.Edges), rels)
			}
		}},
		{"dataset export", func(e env) error {
			return runDatasetExport(ctx, datasetExportOptions{dir: filepath.Join(dir, "ds")}, e)
		}, func(t *testing.T, out string) {
			b, err := os.ReadFile(filepath.Join(dir, "ds", "relationships.csv"))
			if n := bytes.Count(bytes.TrimSpace(b), []byte("\n")); err != nil || n != rels {
				t.Errorf("relationships.csv: %v, %d rows, want %d", err, n, rels)
			}
		}},
		{"generate", func(e env) error {
			return runGenerate(ctx, generateOptions{out: filepath.Join(dir, "gen"), gen: fixtures.GenerateOptions{Seed: 3, Relationships: 50, Countries: 20}}, e)
		}, func(t *testing.T, out string) {
			b, err := os.ReadFile(filepath.Join(dir, "gen", "relationships.csv"))
			if n := bytes.Count(bytes.TrimSpace(b), []byte("\n")); err != nil || n != 50 {
				t.Errorf("generated relationships.csv: %v, %d rows, want 50", err, n)
			}
		}},
		{"ingest", func(e env) error {
			path := filepath.Join(dir, "tracker.csv")
			os.WriteFile(path, []byte("Destination,Date,Number Removed\nEl Salvador,2025-03,238\n,,\nNowhere-land,2025-04,5\n"), 0o644)
			tracker, _ := ingest.LookupShape(ingest.Tracker)
			return runIngest(ctx, ingestOptions{shape: tracker, file: path, dryRun: true, confidence: "reported", link: "none"}, e)
		}, func(t *testing.T, out string) {
			// 4 lines: the header, one usable row, one blank, one whose
			// destination names no country.
			if want := "rows read 4 = 1 header + 0 before the header + 1 blank + 1 imported + 1 rejected"; !strings.Contains(out, want) {
				t.Errorf("no %q in\n%s", want, out)
			}
		}},
		{"import", func(e env) error {
			xlsx := filepath.Join(dir, "w.xlsx")
			if err := runExport(ctx, exportOptions{out: xlsx, format: "workbook", seed: 1, skipAnalysis: true}, e); err != nil {
				return err
			}
			return runImport(ctx, importOptions{file: xlsx, format: "json", link: "none"}, e)
		}, func(t *testing.T, out string) {
			_, js, _ := strings.Cut(out, "\n") // after export's line
			var rep struct {
				Imported, Against string
				Changes           map[string][]any
			}
			if err := json.Unmarshal([]byte(js), &rep); err != nil {
				t.Fatalf("%v:\n%.400s", err, js)
			}
			if rep.Imported == "" || rep.Imported != rep.Against || len(rep.Changes["relationships"]) != 0 {
				t.Errorf("the workbook of the seed, imported back, is another dataset:\n%.600s", js)
			}
		}},
		{"query --list", func(e env) error { return runQuery(ctx, queryOptions{list: true}, e) }, func(t *testing.T, out string) {
			// The README's count of named queries, plus the patterns.
			named := readmeQueryCount(t)
			if n := strings.Count(out, " — "); n != named+len(analysis.Patterns) {
				t.Errorf("%d queries listed, want the README's %d plus %d patterns", n, named, len(analysis.Patterns))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, out := testEnv()
			if err := tt.run(e); err != nil && !(tt.name == "ingest" && graphmodel.IsInvalid(err)) {
				t.Fatalf("%v\n%s", err, out)
			}
			tt.check(t, out.String())
		})
	}
}

// runLoad with its options struct loads the seed into the test server.
func TestRunLoadWithOptions(t *testing.T) {
	needNeo4j(t)
	e, out := testEnv()
	cfg := neostore.ConfigFromEnv()
	o := loadOptions{replace: true, batch: 50, workers: 2}
	o.neo4j = neo4jOptions{uri: cfg.URI, user: cfg.Username, database: cfg.Database, retry: 30 * time.Second}
	if err := runLoad(context.Background(), o, e); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := itoa(seedCSVRows(t)) + " relationships"; !strings.Contains(out.String(), want) {
		t.Errorf("no %q in\n%s", want, out)
	}
}

// A cancelled generate stops before it writes: the error is the context's,
// and the directory holds no dataset and no temporary file. (Through run,
// the exit code is 130 whatever the verb does; this is what it does.)
func TestRunGenerateCancelledWritesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := filepath.Join(t.TempDir(), "gen")
	e, _ := testEnv()
	err := runGenerate(ctx, generateOptions{out: dir, gen: fixtures.GenerateOptions{Seed: 1, Relationships: 100000, Countries: 200}}, e)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, x := range entries {
		names = append(names, x.Name())
	}
	if len(names) != 0 {
		t.Errorf("a cancelled generate left %v", names)
	}
}

// readmeQueryCount reads "the named library (N queries" from the README.
func readmeQueryCount(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "shows the named library (")
	n, err := strconv.Atoi(strings.Fields(rest)[0])
	if !ok || err != nil {
		t.Fatalf("README: no count of named queries (%v)", err)
	}
	return n
}
