// Package textdiff shows how two texts differ, for tests that compare
// output with a golden file.
package textdiff

import (
	"fmt"
	"strings"
)

// maxLines bounds each side of the hunk shown.
const maxLines = 40

// Lines returns a one-hunk line diff of want and got: the lines both share
// at the start and the end are dropped (three of them kept as context),
// and the rest is shown as "-" lines of want and "+" lines of got, each
// side cut at maxLines. It returns "" when the texts are equal.
func Lines(want, got string) string {
	if want == got {
		return ""
	}
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out strings.Builder
	from := max(0, pre-3)
	fmt.Fprintf(&out, "@@ want line %d, got line %d @@\n", pre+1, pre+1)
	for _, l := range a[from:pre] {
		fmt.Fprintf(&out, " %s\n", l)
	}
	side := func(sign string, lines []string) {
		for i, l := range lines {
			if i == maxLines {
				fmt.Fprintf(&out, "%s… %d more lines\n", sign, len(lines)-maxLines)
				break
			}
			fmt.Fprintf(&out, "%s%s\n", sign, l)
		}
	}
	side("-", a[pre:len(a)-suf])
	side("+", b[pre:len(b)-suf])
	for _, l := range a[len(a)-suf : min(len(a), len(a)-suf+3)] {
		fmt.Fprintf(&out, " %s\n", l)
	}
	return out.String()
}
