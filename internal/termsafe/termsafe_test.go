package termsafe

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\twith tab\n", "plain text\twith tab\n"},
		{"Côte d’Ivoire", "Côte d’Ivoire"},
		{"\x1b[2Jclear", `\u001b[2Jclear`},
		{"\x1b]0;title\x07", `\u001b]0;title\u0007`},
		{"csi\u009b31m", `csi\u009b31m`},
		{"del\x7f", `del\u007f`},
		{"bidi\u202egnp.exe", `bidi\u202egnp.exe`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"nul\x00", `nul\u0000`},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The Writer gives what String gives, however the text is cut into
// writes (a character split across two writes included), and JSON passed
// through it decodes to the same value.
func TestWriterSplitsAndJSON(t *testing.T) {
	in := "a\x1b[31mé€\u009b😀\xff\u202e z"
	want := String(in)
	for cut := range len(in) + 1 {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		w.Write([]byte(in[:cut]))
		w.Write([]byte(in[cut:]))
		w.Flush()
		if buf.String() != want {
			t.Errorf("cut at %d: %q, want %q", cut, buf.String(), want)
		}
	}
	valid := strings.ToValidUTF8(in, "")
	js, _ := json.Marshal(map[string]string{"name": valid})
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Write(js)
	w.Flush()
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back["name"] != valid {
		t.Errorf("JSON through the writer: %v, %q, want %q", err, back["name"], valid)
	}
	for _, r := range buf.String() {
		if r < 0x20 && r != '\n' || r >= 0x80 && r <= 0x9f {
			t.Errorf("unsafe %U left in JSON output", r)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("a\x1b[2J\u009b\xff")
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s)
		if !utf8.ValidString(out) {
			t.Fatalf("String(%q) = %q is not UTF-8", s, out)
		}
		for _, r := range out {
			if unsafeRune(r) {
				t.Fatalf("String(%q) = %q keeps %U", s, out, r)
			}
		}
		var buf bytes.Buffer
		w := NewWriter(&buf)
		for i := 0; i < len(s); i += 3 {
			w.Write([]byte(s[i:min(i+3, len(s))]))
		}
		w.Flush()
		if buf.String() != out {
			t.Fatalf("Writer %q, String %q", buf.String(), out)
		}
	})
}
