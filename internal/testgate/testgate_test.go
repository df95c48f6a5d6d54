package testgate

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The gate skips outside CI and fails under it: run in a child test
// process so the outcome can be read.
func TestRequireSkipsOrFails(t *testing.T) {
	if os.Getenv("TESTGATE_CHILD") == "1" {
		Require(t, false, "the missing part")
		return
	}
	for _, tc := range []struct{ ci, want string }{{"", "SKIP"}, {"true", "FAIL"}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRequireSkipsOrFails$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTGATE_CHILD=1", "CI="+tc.ci)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), "--- "+tc.want) || !strings.Contains(string(out), "the missing part") {
			t.Errorf("CI=%q: want %s naming the part, got\n%s", tc.ci, tc.want, out)
		}
	}
}
