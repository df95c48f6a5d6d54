package briefing_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/exports/briefing/collect"
	"github.com/leverage-project/leverage/fixtures"
)

func writeSeed(t *testing.T, seed uint64) []byte {
	t.Helper()
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := briefing.Write(&b, collect.Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, seed))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Same dataset, same seed: same bytes (the layout is seeded, maps are
// encoded in key order, the generation time is the dataset's).
func TestWriteIsByteStable(t *testing.T) {
	a, b := writeSeed(t, 1), writeSeed(t, 1)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the seed differ")
	}
	if c := writeSeed(t, 2); bytes.Equal(a, c) {
		t.Error("another layout seed gave the same file: the seed does not reach the layout")
	}
}

// The file must not reference anything outside itself: no script, style,
// image or font from a URL. Links to sources are plain anchors the reader
// may follow; they are written by the script from the data, never in markup.
func TestSelfContained(t *testing.T) {
	page := string(writeSeed(t, 1))
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`<script[^>]+src=`), regexp.MustCompile(`<link[^>]+href=`),
		regexp.MustCompile(`<img[^>]+src=`), regexp.MustCompile(`url\(\s*['"]?https?:`), regexp.MustCompile(`@import`),
	} {
		if loc := re.FindStringIndex(page); loc != nil {
			t.Errorf("external reference %q", page[loc[0]:min(loc[1]+40, len(page))])
		}
	}
	if !strings.Contains(page, `http-equiv="Content-Security-Policy" content="default-src 'none'`) {
		t.Error("no Content-Security-Policy forbidding fetches")
	}
	if len(page) > 1500*1000 {
		t.Errorf("seed briefing is %d bytes, the target is under 1.5 MB", len(page))
	}
}

// The embedded data is valid JSON and names the dataset by its full hash,
// as every output does.
func TestEmbeddedDataCarriesProvenance(t *testing.T) {
	page := string(writeSeed(t, 1))
	start := strings.Index(page, `<script type="application/json" id="data">`)
	end := strings.Index(page[start:], "</script>")
	if start < 0 || end < 0 {
		t.Fatal("no data script")
	}
	raw := page[start+len(`<script type="application/json" id="data">`) : start+end]
	var data struct {
		Meta struct {
			Dataset     string `json:"dataset"`
			ContentHash string `json:"content_hash"`
			Tool        string `json:"tool"`
			Generated   string `json:"generated"`
		} `json:"meta"`
		Rels []json.RawMessage `json:"rels"`
	}
	if err := json.Unmarshal([]byte(raw), &data); err != nil {
		t.Fatal(err)
	}
	d, _ := fixtures.Seed()
	if data.Meta.ContentHash != d.ContentHash() || len(data.Meta.ContentHash) != 64 {
		t.Errorf("content hash %q, want the full %q", data.Meta.ContentHash, d.ContentHash())
	}
	if data.Meta.Dataset != d.Meta.Name || !strings.HasPrefix(data.Meta.Tool, "leverage ") {
		t.Errorf("provenance %+v", data.Meta)
	}
	if want := d.Meta.Updated.Start().Format("2006-01-02"); !strings.HasPrefix(data.Meta.Generated, want) {
		t.Errorf("generated %q, want the dataset's date %s", data.Meta.Generated, want)
	}
	if len(data.Rels) != len(d.Relationships) {
		t.Errorf("%d claims embedded, the dataset has %d", len(data.Rels), len(d.Relationships))
	}
}

// A dataset cut to a window with no claims still gives a file: no months,
// the whole-window position only.
func TestWriteEmptyWindow(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	d.Relationships = nil
	var b bytes.Buffer
	if err := briefing.Write(&b, collect.Results(analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1))); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	start := strings.Index(page, `id="data">`)
	data := page[start : start+strings.Index(page[start:], "</script>")]
	if strings.Contains(data, `null`) || !strings.Contains(data, `"months":[]`) {
		t.Error("an empty dataset's data has a null list, or months")
	}
}

// Every claim shows from the first slider position whose window contains
// it: month claims in their month, a claim dated only to a year earlier
// than the first month from the first position, never only at the end.
func TestClaimsEnterTheSliderWhereAnalysisCountsThem(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	page := string(writeSeed(t, 1))
	start := strings.Index(page, `id="data">`) + len(`id="data">`)
	var data struct {
		Months []string `json:"months"`
		Rels   []struct {
			ID string `json:"id"`
			M  int    `json:"m"`
		} `json:"rels"`
	}
	if err := json.Unmarshal([]byte(page[start:start+strings.Index(page[start:], "</script>")]), &data); err != nil {
		t.Fatal(err)
	}
	for i, r := range d.Relationships {
		got := data.Rels[i].M
		want := len(data.Months)
		for j, m := range data.Months {
			mt, _ := time.Parse("2006-01", m)
			if analysis.AsOf(mt.AddDate(0, 1, -1)).Contains(&r) {
				want = j
				break
			}
		}
		if got != want {
			t.Errorf("%s (%s) enters the slider at %d, the analysis window first holds it at %d", r.Key, r.Date, got, want)
		}
	}
}
