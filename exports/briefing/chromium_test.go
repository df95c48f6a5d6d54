package briefing_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/exports/briefing/collect"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/testgate"
)

// chromiumPath finds the browser the tests drive: LEVERAGE_CHROMIUM, else
// chromium on PATH. Under CI=true a missing browser fails the test, since
// .ci/run installs it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("LEVERAGE_CHROMIUM"); p != "" {
		return p
	}
	return testgate.Program(t, "Chromium (or set LEVERAGE_CHROMIUM)", "chromium", "chromium-browser")
}

// page is one briefing opened from disk in a headless Chromium whose
// network is off, with every request the page tried recorded.
type page struct {
	ctx      context.Context
	url      string
	mu       sync.Mutex
	requests []string
}

func openBriefing(t *testing.T, file string) *page {
	t.Helper()
	return openURL(t, "file://"+file)
}

// openURL opens a briefing by its address, fragment included, in a new browser.
func openURL(t *testing.T, url string) *page {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	p := &page{ctx: ctx, url: url}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			p.mu.Lock()
			p.requests = append(p.requests, e.Request.URL)
			p.mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("network off: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url), chromedp.WaitReady(chromedp.CSS(`body[data-ready="1"]`))); err != nil {
		t.Fatalf("open %s: %v", p.url, err)
	}
	return p
}

// outside lists the requests other than the file itself.
func (p *page) outside() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, u := range p.requests {
		if u != p.url {
			out = append(out, u)
		}
	}
	return out
}

func eval[T any](t *testing.T, p *page, js string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// screenshot saves the viewport after scrolling the element sel into view
// (the whole page when sel is empty) under .cache/, for a person to look at.
func screenshot(t *testing.T, p *page, name, sel string) {
	t.Helper()
	shot := chromedp.FullScreenshot(100)
	if sel != "" {
		eval[chromedp.Void](t, p, fmt.Sprintf(`document.querySelector(%q).scrollIntoView()`, sel))
		shot = chromedp.CaptureScreenshot()
	}
	buf, err := chromedp.Run(p.ctx, shot)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := filepath.Join("..", "..", ".cache", "briefing-screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

func seedBriefing(t *testing.T) (*graphmodel.Dataset, string) {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := briefing.Write(&b, collect.Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "briefing.html")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return d, file
}

func atoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func find(d *graphmodel.Dataset, key string) graphmodel.Relationship {
	for _, r := range d.Relationships {
		if r.Key == key {
			return r
		}
	}
	return graphmodel.Relationship{}
}
