package neostore_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The store receives the analysis's numbers as graphmodel values
// (graphmodel.NodeMetrics) and applies domain rules from graphmodel: it
// imports nothing under analysis/, the one arrow that once ran upward.
func TestImportsNoAnalysis(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "/leverage/analysis") {
			t.Errorf("graphmodel/neostore depends on %s", p)
		}
	}
}
