package graphmodel

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Issue 12: ids with '/', '\', '..' or control characters passed validate,
// and an ingest's --source-id ../../evil wrote outside its directory.
func TestCheckIDRefusesPathsAndControls(t *testing.T) {
	for _, bad := range []string{"", "../../evil", "a/b", `a\b`, "..", ".", "a..b", "a\x00b", "a\x1bb", "a\u200bb", "a\u2028b",
		"a b", "a;b", "tab\tid", "bad\xffutf8", strings.Repeat("x", MaxIDLength+1)} {
		if CheckID(bad) == nil {
			t.Errorf("CheckID(%q) accepted", bad)
		}
	}
	for _, good := range []string{"paid-us-rw-2025-04", "cbs-2025-02-panama", "a.b", "évènement-1", "x"} {
		if err := CheckID(good); err != nil {
			t.Errorf("CheckID(%q): %v", good, err)
		}
	}
}

func TestCheckTextRefusesWhatAWorkbookCannotHold(t *testing.T) {
	for _, bad := range []string{"nul\x00here", "bad\xc3", "bell\x07", "\uffff"} {
		if CheckText(bad) == nil {
			t.Errorf("CheckText(%q) accepted", bad)
		}
	}
	for _, good := range []string{"", "line\nbreak\ttab", "São Tomé", "emoji 🙂"} {
		if err := CheckText(good); err != nil {
			t.Errorf("CheckText(%q): %v", good, err)
		}
	}
	if err := CheckText("ok\x00"); err == nil || !strings.Contains(err.Error(), "byte 2") {
		t.Errorf("NUL position not named: %v", err)
	}
}

func TestCountAndAmountBounds(t *testing.T) {
	if _, err := ParseCount("9223372036854775807", ""); err == nil {
		t.Errorf("count of MaxInt64 accepted")
	}
	if _, err := ParseCount("10000000000", ""); err != nil {
		t.Errorf("count at the bound refused: %v", err)
	}
	if _, err := ParseMoney("1000000000000001", "USD", ""); err == nil {
		t.Errorf("amount past the bound accepted")
	}
	if got := AddSaturating(MaxCount*900_000_000, MaxCount*900_000_000); got < 0 {
		t.Errorf("saturating sum wrapped to %d", got)
	}
}

// FuzzCheckID: whatever CheckID accepts can name a file inside a directory
// and be printed without a terminal acting on it.
func FuzzCheckID(f *testing.F) {
	for _, s := range []string{"paid-us-rw-2025-04", "../x", "a\x00", "é", "a.b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckID(s) != nil {
			return
		}
		if strings.ContainsAny(s, "/\\; \x00") || strings.Contains(s, "..") || !utf8.ValidString(s) || s == "." {
			t.Fatalf("CheckID accepted %q", s)
		}
		for _, r := range s {
			if unicode.IsControl(r) || unicode.IsSpace(r) {
				t.Fatalf("CheckID accepted %q with %U", s, r)
			}
		}
		if CheckText(s) != nil {
			t.Fatalf("an id that is not valid text: %q", s)
		}
	})
}
