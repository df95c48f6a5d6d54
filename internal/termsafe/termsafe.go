// Package termsafe is the one place leverage makes text from its inputs
// safe to show on a terminal. A node name in a graph file, a cell of an
// ingested table or a value quoted in an error may hold escape sequences
// (ESC [ 2 J clears the screen, OSC sets the window title, some terminals
// answer queries with typed input) or bidirectional overrides that
// disguise what is shown. Such characters are shown as escapes, never
// passed on.
//
// The escapes are JSON's and Go's: a character below U+0100 becomes
// \u00XX, a bidirectional control \uXXXX, and a byte that is not UTF-8
// \xNN. Inside a JSON string \u00XX means the same character, so JSON
// output passed through Writer keeps its meaning; outside strings JSON
// holds no such characters.
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// unsafeRune reports whether a terminal would act on r or it would hide
// what follows: C0 controls but tab and line breaks, DEL, C1 controls
// (U+0080-U+009F: CSI is U+009B) and the bidirectional embeddings,
// overrides and isolates.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// safeByte reports whether b passes unchanged on its own: printable ASCII
// and tab and line breaks.
func safeByte(b byte) bool {
	return b >= 0x20 && b < 0x7f || b == '\t' || b == '\n' || b == '\r'
}

// String returns s with every unsafe character escaped; s itself when it
// has none (the common case costs one scan).
func String(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		escapeRune(&b, r, s[i:i+n])
		i += n
	}
	return b.String()
}

// IsSafe reports whether s would pass String unchanged.
func IsSafe(s string) bool { return isClean(s) }

func isClean(s string) bool {
	for i := 0; i < len(s); {
		if safeByte(s[i]) {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || unsafeRune(r) {
			return false
		}
		i += n
	}
	return true
}

func escapeRune(b *strings.Builder, r rune, raw string) {
	switch {
	case r == utf8.RuneError && len(raw) <= 1:
		fmt.Fprintf(b, `\x%02x`, raw[0])
	case unsafeRune(r):
		fmt.Fprintf(b, `\u%04x`, r)
	default:
		b.WriteString(raw)
	}
}

// Writer escapes what passes through it as String does. A character cut
// between two writes is held until the next; Flush writes what is held
// (escaped, as it cannot be completed).
type Writer struct {
	w     io.Writer
	carry []byte
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write escapes p onto the underlying writer. It reports len(p) on
// success: the escaped text is longer, but all of p was taken.
func (t *Writer) Write(p []byte) (int, error) {
	data := p
	if len(t.carry) > 0 {
		data = append(t.carry, p...)
		t.carry = nil
	}
	// Fast path: nothing to escape and no character cut at the end.
	clean := true
	for _, c := range data {
		if !safeByte(c) {
			clean = false
			break
		}
	}
	if clean {
		if _, err := t.w.Write(data); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	// Keep a cut character for the next write.
	end := len(data)
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		c := data[len(data)-k]
		if c < 0x80 {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(data[len(data)-k:]) {
				end = len(data) - k
			}
			break
		}
	}
	if end < len(data) {
		t.carry = append([]byte(nil), data[end:]...)
	}
	s := String(string(data[:end]))
	if _, err := io.WriteString(t.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a character still held from the last write, escaped.
func (t *Writer) Flush() error {
	if len(t.carry) == 0 {
		return nil
	}
	s := String(string(t.carry))
	t.carry = nil
	_, err := io.WriteString(t.w, s)
	return err
}

// excerptBytes is how much of a value a message quotes.
const excerptBytes = 64

// Excerpt returns s quoted (Go syntax, so escaped), cut to a short
// excerpt with its full length when longer: a message names the value at
// fault without copying a 600 MB field into the terminal or a log.
func Excerpt(s string) string {
	if len(s) <= excerptBytes {
		return fmt.Sprintf("%q", s)
	}
	cut := excerptBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q… (%d bytes)", s[:cut], len(s))
}
