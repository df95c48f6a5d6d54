package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hasTerminalControl reports whether s holds a character a terminal acts
// on: ESC, BEL, a C1 control (CSI is U+009B) or a bidirectional override.
func hasTerminalControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r == 0x1b || r == 0x07 || r >= 0x80 && r <= 0x9f || r == 0x202e
	})
}

// Issue 22: a node name in a graph file reached the terminal raw (ESC ]
// sets the window title, ESC [ 2 J clears the screen). Every verb's text
// on standard output and every message on standard error is escaped, the
// JSON output keeping its meaning.
func TestTerminalOutputEscaped(t *testing.T) {
	dir := t.TempDir()
	graph := filepath.Join(dir, "g.csv")
	os.WriteFile(graph, []byte("source,target\n\x1b]0;PWNED\x07evil\x1b[2J,b\nb,c\u009b31m\nc,\u202egnp\n"), 0o644)
	badName := filepath.Join(dir, "\x1b[2Jmissing.csv")
	badWeight := filepath.Join(dir, "w.csv")
	os.WriteFile(badWeight, []byte("source,target,weight\na,b,\x1b[31m1\n"), 0o644)
	for _, tt := range []struct {
		args []string
		code int
		want string // an escaped form that must appear
	}{
		{[]string{"analyze", "--graph", graph}, 0, `\u001b]0;PWNED\u0007evil`},
		{[]string{"analyze", "--graph", graph, "--format", "json"}, 0, `\u001b]0;PWNED\u0007evil`},
		{[]string{"analyze", "--graph", badName}, exitUsage, `\u001b[2Jmissing`},
		{[]string{"analyze", "--graph", badWeight}, exitInvalid, `\x1b[31m1`},
	} {
		out, errs, code := runCLI(t, tt.args...)
		if code != tt.code && !(tt.code == exitUsage && code == exitFailure) {
			t.Errorf("%q: exit %d, want %d: %s", tt.args, code, tt.code, errs)
		}
		if hasTerminalControl(out) || hasTerminalControl(errs) {
			t.Errorf("%q: a terminal control reached the output:\n%q\n%q", tt.args, out, errs)
		}
		if !strings.Contains(out+errs, tt.want) {
			t.Errorf("%q: %q not shown escaped in\n%s\n%s", tt.args, tt.want, out, errs)
		}
	}
}
