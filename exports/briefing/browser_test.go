package briefing_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/exports/briefing/atlas"
	"github.com/leverage-project/leverage/exports/briefing/collect"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

func TestBrowserSeedBriefing(t *testing.T) {
	d, file := seedBriefing(t)
	p := openBriefing(t, file)
	screenshot(t, p, "1-opened", "body")
	screenshot(t, p, "0-whole-page", "")

	t.Run("one map shape per country", func(t *testing.T) {
		world, _ := atlas.World()
		want := map[string]bool{}
		for code := range world.Shapes {
			want[code] = code != "AQ" // Antarctica only when a claim names it
		}
		for _, r := range d.Relationships {
			for _, c := range []graphmodel.Code{r.FromCountry, r.ToCountry} {
				if ct, ok := d.Registry.Country(c); ok && ct.Kind == graphmodel.KindCountry {
					want[string(c)] = true // a shape, or a stand-in dot
				}
			}
		}
		got := eval[[]string](t, p, `Array.from(document.querySelectorAll("#map .country")).map(e => e.dataset.code)`)
		seen := map[string]int{}
		for _, c := range got {
			seen[c]++
		}
		for c, drawn := range want {
			if !drawn {
				if seen[c] != 0 {
					t.Errorf("map draws %s, which no claim names", c)
				}
				delete(want, c)
				continue
			}
			if seen[c] != 1 {
				t.Errorf("map has %d shapes for %s, want 1", seen[c], c)
			}
		}
		if len(got) != len(want) {
			t.Errorf("map has %d shapes, want %d (one per country)", len(got), len(want))
		}
	})

	t.Run("one network node per actor of each layer, and a layer switch changes the graph", func(t *testing.T) {
		var previous string
		for i, l := range analysis.Layers {
			eval[chromedp.Void](t, p, fmt.Sprintf(`(() => { const s = document.getElementById("layer"); s.value = "%d"; s.dispatchEvent(new Event("change")); })()`, i))
			got := eval[[]string](t, p, `Array.from(document.querySelectorAll("#net .node")).map(e => e.dataset.code).sort()`)
			g := analysis.View(d, l, analysis.Window{})
			want := make([]string, g.Len())
			for j := range want {
				want[j] = g.Name(j)
			}
			if strings.Join(got, " ") != strings.Join(sorted(want), " ") {
				t.Errorf("layer %s: nodes %v, want the view's %v", l, got, sorted(want))
			}
			edges := eval[int](t, p, `document.querySelectorAll("#net .edge").length`)
			if edges == 0 && g.Edges() > 0 {
				t.Errorf("layer %s: no edges drawn, the view has %d", l, g.Edges())
			}
			if i > 0 && strings.Join(got, " ") == previous {
				t.Errorf("switching to layer %s left the same graph", l)
			}
			previous = strings.Join(got, " ")
			if l == analysis.LayerMoney {
				screenshot(t, p, "2-layer-money", "#netSection")
			}
		}
		eval[chromedp.Void](t, p, `(() => { const s = document.getElementById("layer"); s.value = "0"; s.dispatchEvent(new Event("change")); })()`)
	})

	t.Run("clicking a country shows its claims with their sources", func(t *testing.T) {
		const code = "MX"
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#map path[data-code="MX"]`))); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, p, `document.getElementById("details").dataset.code || ""`); got != code {
			t.Fatalf("details show %q after clicking Mexico", got)
		}
		var want []string
		for _, r := range d.Relationships {
			if r.FromCountry == code || r.ToCountry == code {
				want = append(want, r.Key)
			}
		}
		got := eval[[]string](t, p, `Array.from(document.querySelectorAll("#details .claim")).map(e => e.dataset.rel)`)
		if strings.Join(sorted(got), " ") != strings.Join(sorted(want), " ") {
			t.Errorf("claims shown %v, want %v", got, want)
		}
		// Each claim lists its sources by title and publisher.
		for _, key := range want {
			r := find(d, key)
			text := eval[string](t, p, fmt.Sprintf(`document.querySelector('#details .claim[data-rel=%q]').textContent`, key))
			for _, sk := range r.Sources {
				s, _ := d.SourceByKey(sk)
				if !strings.Contains(text, s.Title) || !strings.Contains(text, s.Publisher) {
					t.Errorf("claim %s: source %s (%q, %s) not shown", key, sk, s.Title, s.Publisher)
				}
			}
			if !strings.Contains(text, r.Date.String()) {
				t.Errorf("claim %s: date %s not shown", key, r.Date)
			}
		}
		screenshot(t, p, "3-country-mexico", "body")
	})

	t.Run("an edge opens its claims, alternatives side by side", func(t *testing.T) {
		// El Salvador's payment is reported by two sources with two amounts.
		sel := `#net .edge[aria-label^="paid: United States to El Salvador"]`
		eval[chromedp.Void](t, p, fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new MouseEvent("click"))`, sel))
		alts := eval[int](t, p, `document.querySelectorAll("#details .alts .claim").length`)
		counted := eval[int](t, p, `document.querySelectorAll("#details .alts .counts").length`)
		var want int
		for _, r := range d.Relationships {
			if r.Type == graphmodel.Paid && r.FromCountry == "US" && r.ToCountry == "SV" && r.Event != "" {
				want++
			}
		}
		if want < 2 {
			t.Skip("the seed has no alternative accounts of the El Salvador payment any more")
		}
		if alts != want || counted != 1 {
			t.Errorf("alternatives shown %d (want %d), marked as counting %d (want 1)", alts, want, counted)
		}
		screenshot(t, p, "4-edge-alternatives", "#netSection")
	})

	t.Run("slider to March 2025 gives the analysis as of 2025-03", func(t *testing.T) {
		w := analysis.AsOf(time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC))
		months := collect.Months(d, analysis.Window{})
		pos := -1
		for i, m := range months {
			if m.Format("2006-01") == "2025-03" {
				pos = i
			}
		}
		if pos < 0 {
			t.Fatal("no slider position for 2025-03")
		}
		before := eval[string](t, p, `document.querySelector('[data-count="relationships"] b').textContent`)
		eval[chromedp.Void](t, p, fmt.Sprintf(`(() => { const s = document.getElementById("month"); s.value = "%d"; s.dispatchEvent(new Event("input")); })()`, pos))
		if got := eval[string](t, p, `document.getElementById("monthLabel").textContent`); got != "2025-03" {
			t.Errorf("slider label %q, want 2025-03", got)
		}
		g := analysis.View(d, analysis.LayerAll, w)
		sg := g.Structural() // what analyze counts: placeholders left out
		want := map[string]int{"relationships": len(analysis.Select(d, w)), "nodes": sg.Len(), "edges": sg.Edges(), "matches": len(analysis.FindAll(d, w))}
		for k, v := range want {
			got := eval[string](t, p, fmt.Sprintf(`document.querySelector('[data-count=%q] b').textContent`, k))
			if got != fmt.Sprint(v) {
				t.Errorf("as of 2025-03, %s shows %s, analysis says %d", k, got, v)
			}
		}
		if before == fmt.Sprint(want["relationships"]) {
			t.Errorf("the slider did not change the claim count (%s)", before)
		}
		nodes := eval[int](t, p, `document.querySelectorAll("#net .node:not(.off)").length`)
		if nodes != g.Len() {
			t.Errorf("as of 2025-03 the network shows %d live nodes, the view has %d", nodes, g.Len())
		}
		screenshot(t, p, "5-slider-2025-03", "body")
	})

	t.Run("filters hide what they exclude and bring it back", func(t *testing.T) {
		eval[chromedp.Void](t, p, `(() => { const s = document.getElementById("month"); s.value = s.max; s.dispatchEvent(new Event("input")); })()`)
		visible := func(typ string) int {
			return eval[int](t, p, fmt.Sprintf(`Array.from(document.querySelectorAll("#net .edge")).filter(e => e.getAttribute("visibility") !== "hidden" && e.dataset.type === %q).length`, typ))
		}
		arcs := func() int {
			return eval[int](t, p, `Array.from(document.querySelectorAll("#map .arc")).filter(e => e.getAttribute("visibility") !== "hidden").length`)
		}
		before, arcsBefore := visible("approached"), arcs()
		if before == 0 || arcsBefore == 0 {
			t.Fatalf("no approach lines (%d) or arcs (%d) to filter", before, arcsBefore)
		}
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`details.filters summary`)), chromedp.Click(chromedp.CSS(`#fType-approached`))); err != nil {
			t.Fatal(err)
		}
		if n := visible("approached"); n != 0 {
			t.Errorf("type filter off: %d approach lines still shown", n)
		}
		if n := arcs(); n != 0 {
			t.Errorf("type filter off: %d approach arcs still on the map", n)
		}
		if visible("received") == 0 {
			t.Error("hiding approaches hid receptions too")
		}
		screenshot(t, p, "6-filter-no-approaches", "body")
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#fType-approached`))); err != nil {
			t.Fatal(err)
		}
		if visible("approached") != before || arcs() != arcsBefore {
			t.Error("turning the filter back on did not restore the lines and arcs")
		}
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`details.filters summary`))); err != nil {
			t.Fatal(err)
		}
		// Latest answer: a categorical shading, with a legend of answers.
		eval[chromedp.Void](t, p, `(() => { const s = document.getElementById("measure"); s.value = "latest"; s.dispatchEvent(new Event("change")); })()`)
		if got := eval[string](t, p, `document.getElementById("mapLegend").textContent`); !strings.Contains(got, "refused") {
			t.Errorf("latest-answer legend %q", got)
		}
		screenshot(t, p, "7-latest-answer", "#mapSection")
		eval[chromedp.Void](t, p, `(() => { const s = document.getElementById("measure"); s.value = "received"; s.dispatchEvent(new Event("change")); })()`)
	})

	t.Run("prints with map, legend, hubs and patterns, without the controls", func(t *testing.T) {
		pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 20000 {
			t.Fatalf("PDF of %d bytes", len(pdf))
		}
		os.WriteFile(filepath.Join("..", "..", ".cache", "briefing-screenshots", "briefing.pdf"), pdf, 0o644)
	})

	t.Run("keyboard: Tab reaches a country and Enter opens it", func(t *testing.T) {
		eval[chromedp.Void](t, p, `document.querySelector('#map [data-code="CR"]').focus()`)
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent("\r")); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, p, `document.getElementById("details").dataset.code || ""`); got != "CR" {
			t.Errorf("Enter on Costa Rica opened %q", got)
		}
		if n := eval[int](t, p, `document.querySelectorAll('#map [tabindex="0"]').length`); n == 0 {
			t.Error("no map shape is focusable")
		}
	})

	t.Run("patterns, dependencies and About carry the analysis and provenance", func(t *testing.T) {
		if n := eval[int](t, p, `document.querySelectorAll("#patterns h3").length`); n != len(analysis.Patterns) {
			t.Errorf("%d patterns in the catalogue, analysis has %d", n, len(analysis.Patterns))
		}
		if n, want := eval[int](t, p, `document.querySelectorAll("#patterns details.match").length`), len(analysis.FindAll(d, analysis.Window{})); n != want {
			t.Errorf("%d pattern matches shown, analysis finds %d", n, want)
		}
		if n, want := eval[int](t, p, `document.querySelectorAll("#deps tbody tr").length`), len(analysis.SingleReceiverDependenciesWith(d, analysis.Window{}, analysis.Options{})); n != want {
			t.Errorf("%d dependencies shown, analysis finds %d", n, want)
		}
		about := eval[string](t, p, `document.getElementById("about").textContent`)
		prov := d.Provenance()
		for _, want := range []string{prov.DatasetName, prov.DatasetVersion, prov.ContentHash, prov.Tool, d.Meta.Citation, d.Meta.Updated.String()} {
			if !strings.Contains(about, want) {
				t.Errorf("About lacks %q", want)
			}
		}
	})

	t.Run("hubs sort by a clicked column", func(t *testing.T) {
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#hubs th:nth-child(2) button`))); err != nil {
			t.Fatal(err)
		}
		col := eval[[]string](t, p, `Array.from(document.querySelectorAll("#hubs tbody tr td:nth-child(2)")).map(td => td.textContent)`)
		g := analysis.View(d, analysis.LayerAll, analysis.Window{}).Structural()
		if len(col) != g.Len() {
			t.Fatalf("hubs table has %d rows, the view without placeholders %d nodes", len(col), g.Len())
		}
		asc := eval[string](t, p, `document.querySelector("#hubs th:nth-child(2)").getAttribute("aria-sort")`)
		for i := 1; i < len(col); i++ {
			a, b := atoi(col[i-1]), atoi(col[i])
			if (asc == "descending" && a < b) || (asc == "ascending" && a > b) {
				t.Fatalf("in-degree column not sorted %s at row %d: %v", asc, i, col)
			}
		}
		screenshot(t, p, "8-hubs", "#hubs")
		screenshot(t, p, "9-about", "#about")
	})

	t.Run("Play steps through the months and Pause stops it", func(t *testing.T) {
		eval[chromedp.Void](t, p, `(() => { const s = document.getElementById("month"); s.value = "0"; s.dispatchEvent(new Event("input")); })()`)
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#play`)), chromedp.Sleep(2*time.Second), chromedp.Click(chromedp.CSS(`#play`))); err != nil {
			t.Fatal(err)
		}
		at := eval[int](t, p, `+document.getElementById("month").value`)
		if at < 1 {
			t.Errorf("after two seconds of Play the slider is at %d", at)
		}
		label := eval[string](t, p, `document.getElementById("monthLabel").textContent`)
		if months := collect.Months(d, analysis.Window{}); at < len(months) && label != months[at].Format("2006-01") {
			t.Errorf("slider at %d shows %q", at, label)
		}
		if err := chromedp.Do(p.ctx, chromedp.Sleep(time.Second)); err != nil {
			t.Fatal(err)
		}
		if again := eval[int](t, p, `+document.getElementById("month").value`); again != at {
			t.Errorf("after Pause the slider moved on from %d to %d", at, again)
		}
	})

	t.Run("no request left the page", func(t *testing.T) {
		if out := p.outside(); len(out) > 0 {
			t.Errorf("the page requested %v", out)
		}
		// The listener must have seen the file's own load, or it heard nothing.
		p.mu.Lock()
		heard := len(p.requests)
		p.mu.Unlock()
		if heard == 0 {
			t.Error("no request event at all: the network listener is not working")
		}
	})
}

// A briefing of no claims must still open and draw its map.
func TestBrowserEmptyDataset(t *testing.T) {
	chromiumPath(t)
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	d.Relationships = nil
	var b bytes.Buffer
	if err := briefing.Write(&b, collect.Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "empty.html")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := openBriefing(t, file)
	if n := eval[int](t, p, `document.querySelectorAll("#map .country").length`); n == 0 {
		t.Error("no map drawn for an empty dataset")
	}
	if got := eval[string](t, p, `document.querySelector('[data-count="relationships"] b').textContent`); got != "0" {
		t.Errorf("empty dataset shows %s claims", got)
	}
}

// Text from a data file is shown as text: a note with markup and a source
// whose address is javascript: neither add elements nor become a link.
func TestBrowserDataIsText(t *testing.T) {
	chromiumPath(t)
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	r := &d.Relationships[0]
	r.Note = `<img src=x onerror="document.body.dataset.pwned=1"></script><b>bold</b>`
	for i := range d.Sources {
		if d.Sources[i].Key == r.Sources[0] {
			d.Sources[i].URL = "javascript:document.body.dataset.pwned=1"
		}
	}
	var b bytes.Buffer
	if err := briefing.Write(&b, collect.Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "hostile.html")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := openBriefing(t, file)
	eval[chromedp.Void](t, p, fmt.Sprintf(`(() => { const s = document.getElementById("country"); s.value = %q; s.dispatchEvent(new Event("change")); })()`, r.ToCountry))
	text := eval[string](t, p, fmt.Sprintf(`document.querySelector('#details .claim[data-rel=%q]').textContent`, r.Key))
	if !strings.Contains(text, "<b>bold</b>") {
		t.Errorf("the note's markup is not shown as text: %q", text)
	}
	if n := eval[int](t, p, `document.querySelectorAll('#details img, #details b, a[href^="javascript"]').length`); n != 0 {
		t.Errorf("%d elements made from data text", n)
	}
	if got := eval[string](t, p, `document.body.dataset.pwned || ""`); got != "" {
		t.Error("data text ran as script")
	}
}
