package textdiff

import "testing"

func TestLines(t *testing.T) {
	tests := []struct {
		name, want, got, diff string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"one line changed", "a\nb\nc\nd\ne\nf\n", "a\nb\nc\nX\ne\nf\n",
			"@@ want line 4, got line 4 @@\n a\n b\n c\n-d\n+X\n e\n f\n \n"},
		{"line added at the end", "a\n", "a\nb\n", "@@ want line 2, got line 2 @@\n a\n+b\n \n"},
		{"line removed at the start", "x\na\n", "a\n", "@@ want line 1, got line 1 @@\n-x\n a\n \n"},
	}
	for _, tt := range tests {
		if got := Lines(tt.want, tt.got); got != tt.diff {
			t.Errorf("%s: got\n%q\nwant\n%q", tt.name, got, tt.diff)
		}
	}
}
