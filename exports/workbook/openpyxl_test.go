package workbook

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/internal/testgate"
)

// python returns the interpreter with openpyxl that the test command set
// up (LEVERAGE_PYTHON); under CI the check may not be skipped.
func python(t *testing.T) string {
	py := testgate.Python(t, "openpyxl")
	return py
}

// openpyxl, an independent reader, opens the workbook and checks its cells
// against facts computed here from the model.
func TestOpenpyxlReadsWorkbook(t *testing.T) {
	py := python(t)
	d, _ := fixtures.Seed()
	d.Relationships[0].Note = "=HYPERLINK(\"http://evil\",\"x\")"
	d.Relationships[1].Note = "-1 and @me"
	d.Sources[0].URL = "https://example.org/cbs?a=1&b=2"
	dir := t.TempDir()
	path := filepath.Join(dir, "seed.xlsx")
	if err := WriteFile(path, d, Options{Generated: fixed, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var counts, amounts int64
	dates := map[string]string{}
	for _, r := range d.Relationships {
		counts += r.Count.Value
		amounts += r.Money.Amount
		if len(dates) < 8 {
			// One unqualified date is a date cell (its first day); a
			// period or a qualified date is EDTF text.
			dates[r.Key] = r.Date.String()
			if one, ok := r.Date.Single(); ok && !r.Date.Qualified() {
				dates[r.Key] = one.Start().Format("2006-01-02")
			}
		}
	}
	ranked, _ := analysis.NewResults(d, analysis.Window{}, analysis.Options{}, 1).Layer(analysis.LayerAll).Ranked("pagerank")
	exp := map[string]any{
		"sheets":        []string{"About", "Countries", "Relationships", "Sources", "Hubs", "Patterns", "Profiles", "Communities", "Timeline", "Dependencies", "Metric settings", "Data dictionary"},
		"relationships": len(d.Relationships),
		"count_sum":     counts,
		"amount_sum":    amounts,
		"dates":         dates,
		"notes":         map[string]string{d.Relationships[0].Key: d.Relationships[0].Note, d.Relationships[1].Key: d.Relationships[1].Note},
		"links":         map[string]string{d.Sources[0].Key: d.Sources[0].URL},
		"top_hub":       ranked[0].Node,
	}
	b, _ := json.Marshal(exp)
	expPath := filepath.Join(dir, "expected.json")
	os.WriteFile(expPath, b, 0o644)
	out, err := exec.Command(py, "testdata/check_workbook.py", path, expPath).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl check failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
