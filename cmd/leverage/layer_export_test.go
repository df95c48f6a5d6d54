package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/internal/testgate"
)

type layerReport struct {
	Hubs []struct {
		network.NodeMetrics
	} `json:"hubs"`
	Placeholders []network.NodeMetrics `json:"placeholder_nodes"`
	Communities  struct {
		Members    [][]string `json:"members"`
		Modularity float64    `json:"modularity"`
	} `json:"communities"`
}

// graphReport is analyze --graph's report, read with the same layout.
type graphReport = layerReport

// exportLayer writes layer's GraphML and returns its path with analyze's
// JSON report of the same layer.
func exportLayer(t *testing.T, dir string, layer analysis.Layer) (string, string) {
	t.Helper()
	path := filepath.Join(dir, string(layer)+".graphml")
	if _, errs, code := runCLI(t, "export", "--layer", string(layer), "--format", "graphml", "-o", path); code != 0 {
		t.Fatalf("export --layer %s: %s", layer, errs)
	}
	out, errs, code := runCLI(t, "analyze", "--layer", string(layer), "--format", "json")
	if code != 0 {
		t.Fatalf("analyze --layer %s: %s", layer, errs)
	}
	return path, out
}

// For every layer, analyze --graph on export --layer's GraphML gives
// analyze --layer's numbers bit for bit: same nodes, every metric, the
// placeholders' strengths, the communities and their modularity.
func TestLayerExportReproducesAnalyze(t *testing.T) {
	dir := t.TempDir()
	for _, layer := range analysis.Layers {
		path, direct := exportLayer(t, dir, layer)
		var want layerReport
		if err := json.Unmarshal([]byte(direct), &want); err != nil {
			t.Fatal(err)
		}
		out, errs, code := runCLI(t, "analyze", "--graph", path, "--format", "json", "--top", "0")
		if code != 0 {
			t.Fatalf("analyze --graph %s: %s", path, errs)
		}
		var got graphReport
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		byNode := map[string]network.NodeMetrics{}
		for _, m := range got.Hubs {
			byNode[m.Node] = m.NodeMetrics
		}
		if len(got.Hubs) != len(want.Hubs) {
			t.Errorf("%s: %d nodes from the file, %d from analyze", layer, len(got.Hubs), len(want.Hubs))
		}
		for _, h := range want.Hubs {
			if g := byNode[h.Node]; !reflect.DeepEqual(g, h.NodeMetrics) {
				t.Errorf("%s %s:\n file    %+v\n analyze %+v", layer, h.Node, g, h.NodeMetrics)
			}
		}
		if !reflect.DeepEqual(got.Placeholders, want.Placeholders) {
			t.Errorf("%s: placeholders %+v, analyze %+v", layer, got.Placeholders, want.Placeholders)
		}
		if got.Communities.Modularity != want.Communities.Modularity || fmt.Sprint(got.Communities.Members) != fmt.Sprint(want.Communities.Members) {
			t.Errorf("%s: communities %v (Q %v), analyze %v (Q %v)", layer, got.Communities.Members, got.Communities.Modularity, want.Communities.Members, want.Communities.Modularity)
		}
	}
}

// networkx, reading the same GraphML, computes the same metrics within
// 1e-9 (testdata/layer_networkx.py applies the placeholder rule itself).
func TestLayerExportAgreesWithNetworkX(t *testing.T) {
	py := testgate.Python(t, "networkx")
	dir := t.TempDir()
	for _, layer := range analysis.Layers {
		path, direct := exportLayer(t, dir, layer)
		rep := filepath.Join(dir, string(layer)+".json")
		if err := os.WriteFile(rep, []byte(direct), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "testdata/layer_networkx.py", path, rep, "1e-9").CombinedOutput()
		if err != nil {
			t.Fatalf("%s: networkx: %v\n%s", layer, err, out)
		}
		var res struct {
			Failures []string           `json:"failures"`
			Worst    map[string]float64 `json:"max_abs_diff"`
			HITS     bool               `json:"hits_compared"`
		}
		if err := json.Unmarshal(out, &res); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		for _, f := range res.Failures {
			t.Errorf("%s: %s", layer, f)
		}
		if len(res.Worst) < 10 {
			t.Errorf("%s: networkx compared only %v", layer, res.Worst)
		}
		t.Logf("%s: largest differences %v (HITS compared: %v)", layer, res.Worst, res.HITS)
	}
}
