package xlsxguard

import (
	"context"
	"os"
	"testing"
)

// BenchmarkCheckFile measures the guard on the workbook named by
// LEVERAGE_GUARD_BENCH (e.g. a 100k-row export), so its cost beside
// excelize's own read can be stated.
func BenchmarkCheckFile(b *testing.B) {
	path := os.Getenv("LEVERAGE_GUARD_BENCH")
	if path == "" {
		b.Skip("set LEVERAGE_GUARD_BENCH to an xlsx file")
	}
	for b.Loop() {
		if err := CheckFile(context.Background(), path, Default); err != nil {
			b.Fatal(err)
		}
	}
}
