// Command briefingtime opens briefing files in headless Chromium, offline,
// and prints for each the file size, the time from opening to the first
// full render (the page's data-rendered mark: performance.now() after the
// first frame that follows drawing) and the time of one slider step
// (re-draw of map, network and counts, with layout forced), median and
// maximum of several steps. Used by .ci/bench/briefing; not part of CI.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

func main() {
	exe := flag.String("chromium", "chromium", "browser executable")
	steps := flag.Int("steps", 9, "slider steps to time")
	flag.Parse()
	for _, f := range flag.Args() {
		if err := measure(*exe, f, *steps); err != nil {
			fmt.Fprintln(os.Stderr, "briefingtime:", f+":", err)
			os.Exit(1)
		}
	}
}

func measure(exe, file string, steps int) error {
	abs, err := filepath.Abs(file)
	if err != nil {
		return err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "briefingtime")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(exe), chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(dir),
		chromedp.WindowSize(1400, 1000))
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()
	// Start the browser on a blank page first, so its start-up is not timed.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+abs), chromedp.WaitReady(chromedp.CSS(`body[data-rendered]`))); err != nil {
		return err
	}
	rendered, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.rendered`))
	if err != nil {
		return err
	}
	first, _ := strconv.ParseFloat(rendered, 64)
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`+document.getElementById("month").max`))
	if err != nil {
		return err
	}
	var times []float64
	for i := 0; i < steps; i++ {
		pos := (i*7 + n/3) % (n + 1)
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`(() => {
			const s = document.getElementById("month"), t0 = performance.now();
			s.value = "%d"; s.dispatchEvent(new Event("input"));
			document.getElementById("net").getBoundingClientRect(); document.body.offsetHeight;
			return performance.now() - t0; })()`, pos)))
		if err != nil {
			return err
		}
		times = append(times, ms)
	}
	sort.Float64s(times)
	fmt.Printf("%s\t%.2f MB\tfirst render %.0f ms\tslider step median %.1f ms, max %.1f ms (%d steps, %d positions)\n",
		filepath.Base(file), float64(st.Size())/1e6, first, times[len(times)/2], times[len(times)-1], steps, n+1)
	return nil
}
