package briefing_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/exports/briefing/collect"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/testgate"
)

// pageState is what the page's compute() returns for one slider position.
type pageState struct {
	Relationships int                         `json:"relationships"`
	People        int64                       `json:"people"`
	Nodes         map[string]int              `json:"nodes"`
	Edges         map[string]int              `json:"edges"`
	Countries     map[string]pageCountryState `json:"countries"`
}

type pageCountryState struct {
	Received   int64            `json:"received"`
	Approached int              `json:"approached"`
	Latest     string           `json:"latest"`
	PaidIn     map[string]int64 `json:"paid_in"`
}

func computeAt(t *testing.T, p *page, pos int) pageState {
	t.Helper()
	raw := eval[string](t, p, fmt.Sprintf(`JSON.stringify(leverageBriefing.compute(%d))`, pos))
	var s pageState
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func liveState(t *testing.T, p *page) pageState {
	t.Helper()
	var s pageState
	if err := json.Unmarshal([]byte(eval[string](t, p, `JSON.stringify(leverageBriefing.live())`)), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// compareWith checks the page's sums against a Go snapshot (the analysis
// of that window).
func compareWith(t *testing.T, where string, got pageState, want briefing.MonthResult) {
	t.Helper()
	if got.Relationships != want.Relationships || got.People != want.People {
		t.Errorf("%s: page has %d claims and %d people, analysis %d and %d", where, got.Relationships, got.People, want.Relationships, want.People)
	}
	for l, n := range want.Nodes {
		if got.Nodes[string(l)] != n || got.Edges[string(l)] != want.Edges[l] {
			t.Errorf("%s: layer %s has %d nodes and %d ties on the page, %d and %d in the analysis", where, l, got.Nodes[string(l)], got.Edges[string(l)], n, want.Edges[l])
		}
	}
	for code, c := range want.Countries {
		g := got.Countries[string(code)]
		if g.Received != c.Received || g.Approached != c.Approached || g.Latest != string(c.Latest) || fmt.Sprint(g.PaidIn) != fmt.Sprint(c.PaidIn) {
			t.Errorf("%s: %s is %+v on the page, %+v in the analysis", where, code, g, c)
		}
	}
}

func setControl(t *testing.T, p *page, id, value, event string) {
	t.Helper()
	eval[chromedp.Void](t, p, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event(%q)); })()`, id, value, event))
}

func TestBrowserOneState(t *testing.T) {
	d, file := seedBriefing(t)
	res := collect.Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))
	p := openBriefing(t, file)

	t.Run("unfiltered, the page adds up to the analysis at every slider position", func(t *testing.T) {
		for i, m := range res.Months {
			compareWith(t, "as of "+m.Month, computeAt(t, p, i), m)
		}
		compareWith(t, "all dates", computeAt(t, p, len(res.Months)), res.Whole)
	})

	t.Run("a status filter drives the counts, the map and the summary", func(t *testing.T) {
		// The analysis of the dataset without the filtered claims is the
		// independent expectation.
		kept := *d
		kept.Relationships = nil
		for _, r := range d.Relationships {
			if r.Status != graphmodel.Agreed {
				kept.Relationships = append(kept.Relationships, r)
			}
		}
		want := collect.Results(analysis.NewResults(&kept, analysis.Window{}, analysis.Options{}, 1)).Whole
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`details.filters summary`)), chromedp.Click(chromedp.CSS(`#fStatus-agreed`))); err != nil {
			t.Fatal(err)
		}
		compareWith(t, "without agreed claims", liveState(t, p), want)
		if got := eval[string](t, p, `document.querySelector('[data-count="relationships"] b').textContent`); got != briefing.Number(int64(want.Relationships)) {
			t.Errorf("counts bar shows %s claims with the filter, want %d", got, want.Relationships)
		}
		if fill := eval[string](t, p, `document.querySelector('#map [data-code="PA"]').style.fill`); fill == "" {
			t.Error("Panama has no fill")
		}
		summary := eval[string](t, p, `document.getElementById("summary").textContent`)
		if !strings.Contains(summary, "with filters") || !strings.Contains(summary, briefing.Number(want.People)) {
			t.Errorf("summary with the filter does not say so or lacks %s people: %q", briefing.Number(want.People), summary)
		}
		screenshot(t, p, "10-filter-agreed-off", "body")
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#fStatus-agreed`)), chromedp.Click(chromedp.CSS(`details.filters summary`))); err != nil {
			t.Fatal(err)
		}
		compareWith(t, "filter back on", liveState(t, p), res.Whole)
	})

	t.Run("the summary comes first and its numbers are the counts bar's", func(t *testing.T) {
		first := eval[string](t, p, `document.querySelector("body > section, body > main").id`)
		if first != "summary" {
			t.Errorf("the first section is %q, want the summary", first)
		}
		people := eval[string](t, p, `document.querySelector('#summary [data-summary="people"] b').textContent`)
		if people != briefing.Number(res.Whole.People) {
			t.Errorf("summary says %s people, the analysis %d", people, res.Whole.People)
		}
		for _, key := range []string{"pressed", "answers", "people", "money", "courts"} {
			if n := eval[int](t, p, fmt.Sprintf(`document.querySelectorAll('#summary [data-summary=%q] a.claims-link').length`, key)); n != 1 {
				t.Errorf("summary sentence %s has %d links to its claims, want 1", key, n)
			}
		}
		// Every answer state is counted, disputed and "no answer reported"
		// included: the counts add up to the countries with an answer label.
		answers := eval[string](t, p, `document.querySelector('#summary [data-summary="answers"] b').textContent`)
		sum, labelled := 0, 0
		for _, part := range strings.Split(answers, ", ") {
			var n int
			fmt.Sscan(part, &n)
			sum += n
		}
		for code, c := range res.Whole.Countries {
			if ct, ok := d.Registry.Country(code); c.Latest != "" && (!ok || ct.Kind == graphmodel.KindCountry) {
				labelled++
			}
		}
		if sum != labelled || !strings.Contains(answers, "no answer reported") {
			t.Errorf("summary's answers %q add up to %d; %d countries have an answer state", answers, sum, labelled)
		}
		eval[chromedp.Void](t, p, `document.querySelector('#summary [data-summary="money"] a').click()`)
		if n := eval[int](t, p, `document.querySelectorAll("#details .claim").length`); n == 0 {
			t.Error("the money sentence's link opened no claims")
		}
		screenshot(t, p, "11-summary", "#summary")
	})

	t.Run("the details panel follows the slider", func(t *testing.T) {
		// Rwanda was paid in April 2025: as of March the profile must not say so.
		var paidBy, paidAll int64
		for _, r := range d.Relationships {
			if r.Type == graphmodel.Paid && r.ToCountry == "RW" {
				paidAll += r.Money.Amount
				if !r.Date.Start().After(mustMonth("2025-03")) {
					paidBy += r.Money.Amount
				}
			}
		}
		if paidAll == 0 || paidBy != 0 {
			t.Skipf("the seed no longer has Rwanda's payment after March 2025 (%d by March, %d in all)", paidBy, paidAll)
		}
		setControl(t, p, "month", fmt.Sprint(len(res.Months)), "input")
		eval[chromedp.Void](t, p, `document.querySelector('#map [data-code="RW"]').dispatchEvent(new MouseEvent("click"))`)
		money := func() string {
			return eval[string](t, p, `document.querySelector('#details dd[data-field="Money received"]').textContent`)
		}
		if got := money(); !strings.Contains(got, briefing.Amount(paidAll, "USD")) {
			t.Errorf("all dates: Rwanda's money %q, want %s", got, briefing.Amount(paidAll, "USD"))
		}
		setControl(t, p, "month", fmt.Sprint(monthPos(res, "2025-03")), "input")
		if got := money(); got != "none recorded" {
			t.Errorf("as of 2025-03: Rwanda's money %q, want none recorded", got)
		}
		if got := eval[string](t, p, `document.querySelector("#details h3").textContent`); !strings.Contains(got, "2025-03") {
			t.Errorf("the claim list says %q, not as of 2025-03", got)
		}
		screenshot(t, p, "12-rwanda-2025-03", "#details")
	})

	t.Run("small states keep a clickable marker at world scale and get labels zoomed in", func(t *testing.T) {
		setControl(t, p, "month", fmt.Sprint(len(res.Months)), "input")
		setControl(t, p, "measure", "approached", "change")
		eval[chromedp.Void](t, p, `document.getElementById("zoomReset").click()`)
		for _, code := range []string{"PA", "CR", "SV", "XK", "SZ"} {
			w := eval[float64](t, p, fmt.Sprintf(`(() => { const m = document.querySelector('#map .mark[data-code=%q]'); return m ? m.getBoundingClientRect().width : 0; })()`, code))
			if w < 8 {
				t.Errorf("%s: marker %.1f px wide at world scale, want at least 8", code, w)
			}
		}
		screenshot(t, p, "13-map-world", "#mapSection")
		setControl(t, p, "zoomRegion", "Central America", "change")
		labels := eval[[]string](t, p, `Array.from(document.querySelectorAll("#map .label")).map(e => e.dataset.code)`)
		for _, code := range []string{"PA", "CR", "SV", "GT"} {
			if !strings.Contains(strings.Join(labels, " "), code) {
				t.Errorf("zoomed on Central America, %s has no label (labels: %v)", code, labels)
			}
		}
		screenshot(t, p, "14-map-central-america", "#mapSection")
		eval[chromedp.Void](t, p, `document.getElementById("zoomReset").click()`)
	})

	t.Run("answers have distinct colours and a legend in words", func(t *testing.T) {
		setControl(t, p, "measure", "latest", "change")
		items := eval[[]string](t, p, `Array.from(document.querySelectorAll("#mapLegend [data-answer]")).map(e => e.textContent + "=" + e.querySelector(".sw").style.background)`)
		colours := map[string]string{}
		for _, it := range items {
			word, colour, _ := strings.Cut(it, "=")
			if prev, ok := colours[colour]; ok && !(strings.HasPrefix(prev, "agreed") && strings.HasPrefix(word, "agreed")) {
				t.Errorf("answers %q and %q share the colour %s", prev, word, colour)
			}
			colours[colour] = word
			if strings.Contains(word, "_") {
				t.Errorf("legend word %q is a code", word)
			}
		}
		setControl(t, p, "measure", "received", "change")
	})

	t.Run("a link reopens the same view", func(t *testing.T) {
		setControl(t, p, "month", fmt.Sprint(monthPos(res, "2025-03")), "input")
		setControl(t, p, "measure", "latest", "change")
		eval[chromedp.Void](t, p, `document.querySelector('#map [data-code="RW"]').dispatchEvent(new MouseEvent("click"))`)
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`details.filters summary`)), chromedp.Click(chromedp.CSS(`#fConf-claimed`))); err != nil {
			t.Fatal(err)
		}
		href := eval[string](t, p, `location.href`)
		want := eval[string](t, p, `document.getElementById("counts").textContent + "|" + document.getElementById("details").textContent`)
		q := openURL(t, href)
		got := eval[string](t, q, `document.getElementById("counts").textContent + "|" + document.getElementById("details").textContent`)
		if got != want {
			t.Errorf("reopened %s:\n%s\nwant\n%s", href, got, want)
		}
		if m := eval[string](t, q, `document.getElementById("measure").value + " " + document.getElementById("monthLabel").textContent + " " + document.getElementById("fConf-claimed").checked`); m != "latest 2025-03 false" {
			t.Errorf("reopened view has %q", m)
		}
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#fConf-claimed`)), chromedp.Click(chromedp.CSS(`details.filters summary`))); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("the story steps through its views", func(t *testing.T) {
		if len(res.Story) < 3 {
			t.Fatalf("the default story has %d steps", len(res.Story))
		}
		eval[chromedp.Void](t, p, `document.getElementById("storyStart").click()`)
		for i, s := range res.Story {
			if i > 0 {
				eval[chromedp.Void](t, p, `document.getElementById("storyNext").click()`)
			}
			got := eval[string](t, p, `document.getElementById("storyText").textContent + "|" + document.getElementById("monthLabel").textContent + "|" + document.getElementById("measure").value`)
			month := s.Month
			if month == "" {
				month = "all dates"
			}
			if want := s.Text + "|" + month + "|" + s.Measure; got != want {
				t.Errorf("step %d shows %q, want %q", i+1, got, want)
			}
			if i == 1 {
				screenshot(t, p, "15-story-step-2", "body")
			}
		}
	})

	t.Run("prints the summary, the map and the key tables on at most four A4 pages", func(t *testing.T) {
		setControl(t, p, "month", fmt.Sprint(len(res.Months)), "input")
		pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join("..", "..", ".cache", "briefing-screenshots")
		os.MkdirAll(dir, 0o755)
		path := filepath.Join(dir, "briefing-print.pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
		if pages == 0 || pages > 4 {
			t.Errorf("printed %d pages, want 1 to 4", pages)
		}
		text, err := exec.Command(testgate.Program(t, "pdftotext (poppler-utils)", "pdftotext"), path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"What this shows", "World map", "Hubs", "Patterns", d.Provenance().ContentHash} {
			if !bytes.Contains(text, []byte(want)) {
				t.Errorf("the printout lacks %q", want)
			}
		}
		for _, bad := range []string{"e+0", "up_to", "currency units"} {
			if bytes.Contains(text, []byte(bad)) {
				t.Errorf("the printout writes a number as %q", bad)
			}
		}
	})

	t.Run("numbers are written one way, in Go and in the page", func(t *testing.T) {
		for _, v := range []int64{100_000, 1_500_000, 14_000_000, 1_234_567} {
			got := eval[string](t, p, fmt.Sprintf(`B.amount(%d, "USD")`, v))
			if want := briefing.Amount(v, "USD"); got != want {
				t.Errorf("page writes %d as %q, Go as %q", v, got, want)
			}
		}
		body := eval[string](t, p, `document.body.innerText`)
		for _, bad := range []string{"e+0", "up_to ", "(currency units)"} {
			if strings.Contains(body, bad) {
				t.Errorf("the page writes a number as %q", bad)
			}
		}
	})
}

func monthPos(res briefing.Results, month string) int {
	for i, m := range res.Months {
		if m.Month == month {
			return i
		}
	}
	return -1
}

// mustMonth is the last instant of a YYYY-MM month.
func mustMonth(m string) time.Time {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		panic(err)
	}
	return t.AddDate(0, 1, 0).Add(-time.Nanosecond)
}
