package dot_test

import (
	"bytes"
	"context"
	"html"
	"os"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/dot"
	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/internal/testgate"
)

func seed(t *testing.T) graphdata.Graph {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return graphdata.From(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
}

// The DOT names the dataset in its title and has a legend row for every
// relationship type its edges use, and for nothing else.
func TestTitleAndLegend(t *testing.T) {
	g := seed(t)
	var b bytes.Buffer
	if err := dot.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	p := g.Provenance
	if !strings.Contains(text, `label="Leverage network: `+p.DatasetName+" "+p.DatasetVersion+" (sha256 "+p.ContentHash[:12]) {
		t.Errorf("no title naming %s %s", p.DatasetName, p.DatasetVersion)
	}
	used := map[string]bool{}
	for _, e := range g.Edges {
		used[e.Type] = true
	}
	for _, typ := range []string{"approached", "received", "paid", "travel_ban_leverage", "other_leverage",
		"concession_sought", "onward_return", "transit", "removal_blocked", "migration_context"} {
		row := `<td align="left">` + typ + ": "
		if got := strings.Contains(text, row); got != used[typ] {
			t.Errorf("legend row for %s: %v, but the edges use it: %v", typ, got, used[typ])
		}
	}
	if !strings.Contains(text, "subgraph cluster_legend") {
		t.Error("no legend cluster")
	}
}

// Graphviz must accept the legend's HTML-like label and draw title and legend.
func TestRenderedPictureHasTitleAndLegend(t *testing.T) {
	testgate.Program(t, "Graphviz (dot)", "dot")
	g := seed(t)
	var text, svg bytes.Buffer
	if err := dot.Write(&text, g); err != nil {
		t.Fatal(err)
	}
	if err := dot.Render(context.Background(), text.Bytes(), "svg", &svg); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Leverage network: " + g.Provenance.DatasetName, ">Legend<", "approached: pressing "} {
		// Graphviz writes '-' as &#45; in SVG text.
		if !strings.Contains(html.UnescapeString(svg.String()), want) {
			t.Errorf("rendered SVG lacks %q", want)
		}
	}
	if os.Getenv("LEVERAGE_KEEP_PICTURES") != "" {
		os.WriteFile(os.Getenv("LEVERAGE_KEEP_PICTURES"), svg.Bytes(), 0o644)
	}
}

// A layer graph's title names the layer and its legend says what the
// edge labels (weights) mean, since its edges have no relationship type.
func TestLayerTitleAndLegend(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	g := graphdata.FromLayer(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1), analysis.LayerFlow)
	var b bytes.Buffer
	if err := dot.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	if !strings.Contains(text, "layer flow: ") || !strings.Contains(text, "edge weight: "+html.EscapeString(g.WeightDefinition)) {
		t.Errorf("layer DOT lacks the layer in its title or the weight in its legend")
	}
	if strings.Contains(text, `<td align="left">received: `) {
		t.Error("a layer graph's legend lists relationship types its edges do not carry")
	}
}
