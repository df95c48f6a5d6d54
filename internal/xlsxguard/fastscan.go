package xlsxguard

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// errUnsure is the fast scanner giving up: the part holds something it
// does not judge (a comment, CDATA, a DOCTYPE, an unusual entity, a CR, a
// visitor's complaint, a token past its buffer), so the strict
// encoding/xml scan decides, with its own message and position.
var errUnsure = errors.New("fast scan unsure")

// fastBufBytes holds the longest token the fast scan takes: a text run is
// at most CellChars*8 bytes and a tag maxTagBytes before runLimiter
// stops the read, both well under this with the default limits.
const fastBufBytes = 1 << 20

// fastScan tokenizes a part the way encoding/xml's strict RawToken does
// for the plain XML that workbook writers produce, about five times
// faster, and feeds the same tokens to v. It accepts only a subset of
// what the strict decoder accepts (no comments, CDATA, directives, CR,
// entities beyond the five predefined and character references, one
// <?xml?> declaration); for anything else, and for any error v reports,
// it returns errUnsure and the caller rescans strictly, so a refusal is
// always the strict scan's. A non-nil error other than errUnsure is the
// context's.
//
// It bounds tokens itself, as runLimiter does for the strict scan: every
// run runLimiter measures lies inside one token, so a text longer than
// maxText or a tag longer than maxTag (or maxText, if smaller) is
// unsure, and the strict scan reports the bound.
func fastScan(ctx context.Context, r io.Reader, lim Limits, v visitor) error {
	s := fastScanner{r: r, buf: make([]byte, 0, fastBufBytes), names: map[string]string{}, recent: make([]string, 0, 16), values: map[string]string{},
		maxText: lim.CellChars * 8, maxTag: min(maxTagBytes, lim.CellChars*8)}
	return s.run(ctx, v)
}

type fastScanner struct {
	r       io.Reader
	buf     []byte // unread input is buf[pos:]
	pos     int
	eof     bool
	names   map[string]string // interned element and attribute names
	recent  []string          // some of them, searched before the map
	evict   int
	values  map[string]string // interned short attribute values
	attrs   []xml.Attr
	scratch []byte
	maxText int // longest text run, in bytes
	maxTag  int // longest tag, '<' to '>'
}

// fill reads more input, keeping buf[pos:]; false once nothing more comes.
func (s *fastScanner) fill() (bool, error) {
	if s.eof {
		return false, nil
	}
	if s.pos > 0 {
		n := copy(s.buf[:cap(s.buf)], s.buf[s.pos:])
		s.buf, s.pos = s.buf[:n], 0
	}
	if len(s.buf) == cap(s.buf) {
		return false, errUnsure // a token longer than the buffer
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err == io.EOF {
		s.eof = true
	} else if err != nil {
		return false, errUnsure // a damaged zip: the strict scan names it
	}
	return true, nil
}

func (s *fastScanner) run(ctx context.Context, v visitor) error {
	var open []string // raw names of the open elements; ends must match exactly
	sawRoot, sawDecl := false, false
	for n := 0; ; n++ {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rest := s.buf[s.pos:]
		lt := bytes.IndexByte(rest, '<')
		if lt < 0 && !s.eof {
			more, err := s.fill()
			if err != nil {
				return err
			}
			if more {
				n--
				continue
			}
			rest = s.buf[s.pos:]
		}
		if lt < 0 {
			lt = len(rest)
		}
		if lt > s.maxText {
			return errUnsure
		}
		if lt > 0 {
			text, err := s.text(rest[:lt])
			if err != nil {
				return err
			}
			if len(open) == 0 {
				if len(bytes.Trim(text, " \t\n")) != 0 {
					return errUnsure
				}
			} else if err := v.text(text); err != nil {
				return errUnsure
			}
			s.pos += lt
			continue
		}
		if len(rest) == 0 {
			break // end of input
		}
		size, err := s.tag(rest, v, &open, &sawRoot, &sawDecl)
		if err == errNeedMore {
			more, ferr := s.fill()
			if ferr != nil {
				return ferr
			}
			if !more {
				return errUnsure // truncated inside a tag
			}
			n--
			continue
		}
		if err != nil {
			return err
		}
		if size > s.maxTag {
			return errUnsure
		}
		s.pos += size
	}
	if len(open) != 0 || !sawRoot {
		return errUnsure
	}
	return nil
}

var errNeedMore = errors.New("need more input")

// tag reads one tag at the start of b ('<' first) and reports it to v,
// returning its length. It is longer than this project's ~100 lines on
// purpose: it is the fast scan's per-tag step, one branch per kind of tag
// (declaration, comment or doctype, end tag, start tag with attributes)
// over the same cursor into b, and split into calls it would pass that
// cursor and the open-element stack back and forth for every tag of
// sheets that run to millions of tags.
func (s *fastScanner) tag(b []byte, v visitor, open *[]string, sawRoot, sawDecl *bool) (int, error) {
	if len(b) < 2 {
		return 0, errNeedMore
	}
	switch b[1] {
	case '/':
		i, name, err := s.name(b, 2)
		if err != nil {
			return 0, err
		}
		i, err = skipSpace(b, i)
		if err != nil {
			return 0, err
		}
		if b[i] != '>' {
			return 0, errUnsure
		}
		o := *open
		if len(o) == 0 || o[len(o)-1] != name {
			return 0, errUnsure
		}
		*open = o[:len(o)-1]
		if v.end(xml.EndElement{Name: split(name)}) != nil {
			return 0, errUnsure
		}
		return i + 1, nil
	case '?':
		end := bytes.Index(b[2:], []byte("?>"))
		if end < 0 {
			return 0, errNeedMore
		}
		end += 2
		if *sawRoot || *sawDecl || !plainDeclaration(b[2:end]) {
			return 0, errUnsure
		}
		*sawDecl = true
		return end + 2, nil
	case '!':
		return 0, errUnsure
	}
	i, name, err := s.name(b, 1)
	if err != nil {
		return 0, err
	}
	s.attrs = s.attrs[:0]
	empty := false
	for {
		if i, err = skipSpace(b, i); err != nil {
			return 0, err
		}
		if b[i] == '/' {
			if i+1 >= len(b) {
				return 0, errNeedMore
			}
			if b[i+1] != '>' {
				return 0, errUnsure
			}
			empty, i = true, i+2
			break
		}
		if b[i] == '>' {
			i++
			break
		}
		var key string
		if i, key, err = s.name(b, i); err != nil {
			return 0, err
		}
		if i, err = skipSpace(b, i); err != nil {
			return 0, err
		}
		if b[i] != '=' {
			return 0, errUnsure
		}
		if i, err = skipSpace(b, i+1); err != nil {
			return 0, err
		}
		q := b[i]
		if q != '"' && q != '\'' {
			return 0, errUnsure
		}
		end := bytes.IndexByte(b[i+1:], q)
		if end < 0 {
			return 0, errNeedMore
		}
		raw := b[i+1 : i+1+end]
		if bytes.IndexByte(raw, '<') >= 0 {
			return 0, errUnsure
		}
		val, err := s.text(raw)
		if err != nil {
			return 0, err
		}
		s.attrs = append(s.attrs, xml.Attr{Name: split(key), Value: s.value(val)})
		i += end + 2
	}
	if len(*open) >= maxDepth {
		return 0, errUnsure
	}
	if len(*open) == 0 && *sawRoot {
		return 0, errUnsure // a second root: legal for RawToken, never in a workbook
	}
	*sawRoot = true
	el := split(name)
	if v.start(xml.StartElement{Name: el, Attr: s.attrs}) != nil {
		return 0, errUnsure
	}
	if empty {
		if v.end(xml.EndElement{Name: el}) != nil {
			return 0, errUnsure
		}
	} else {
		*open = append(*open, name)
	}
	return i, nil
}

// name reads an ASCII XML name at b[i:] with at most one inner colon and
// returns it interned: a part uses a handful of names millions of times.
func (s *fastScanner) name(b []byte, i int) (int, string, error) {
	start := i
	for i < len(b) && nameByte[b[i]] && (i > start || firstNameByte[b[i]]) {
		i++
	}
	if i == len(b) {
		return 0, "", errNeedMore
	}
	name := b[start:i]
	if len(name) == 0 || b[i] >= utf8.RuneSelf || name[len(name)-1] == ':' || bytes.Count(name, []byte(":")) > 1 {
		return 0, "", errUnsure
	}
	for _, known := range s.recent {
		if known == string(name) {
			return i, known, nil
		}
	}
	full, ok := s.names[string(name)]
	if !ok {
		full = string(name)
		s.names[full] = full
	}
	// The recent names are searched first; the root's many namespace
	// declarations must not keep the names of rows and cells out.
	if len(s.recent) < cap(s.recent) {
		s.recent = append(s.recent, full)
	} else {
		s.recent[s.evict%len(s.recent)] = full
		s.evict++
	}
	return i, full, nil
}

// value interns short attribute values (styles, types, spans: a few
// dozen distinct ones a sheet), keeping a string per cell for the rest.
func (s *fastScanner) value(b []byte) string {
	if len(b) > 12 {
		return string(b)
	}
	if v, ok := s.values[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.values) < 256 {
		s.values[v] = v
	}
	return v
}

var nameByte, firstNameByte [256]bool

func init() {
	for c := 0; c < 256; c++ {
		first := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
		firstNameByte[c] = first
		nameByte[c] = first || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':'
	}
}

// split gives name as encoding/xml's RawToken does: prefix and local part.
func split(name string) xml.Name {
	if i := strings.IndexByte(name, ':'); i > 0 {
		return xml.Name{Space: name[:i], Local: name[i+1:]}
	}
	return xml.Name{Local: name}
}

func skipSpace(b []byte, i int) (int, error) {
	for ; i < len(b); i++ {
		if c := b[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return i, nil
		}
	}
	return 0, errNeedMore
}

// text checks raw character data (no '<' in it) and returns it with the
// predefined entities and character references replaced.
func (s *fastScanner) text(raw []byte) ([]byte, error) {
	plain := true
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			plain = false
			i++
		case c == '>':
			if i >= 2 && raw[i-1] == ']' && raw[i-2] == ']' {
				return nil, errUnsure
			}
			i++
		case c >= 0x20 && c < utf8.RuneSelf || c == '\t' || c == '\n':
			i++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 || !isInCharacterRange(r) {
				return nil, errUnsure
			}
			i += size
		default:
			return nil, errUnsure // CR (rewritten by the strict decoder) and control characters
		}
	}
	if plain {
		return raw, nil
	}
	out := s.scratch[:0]
	for len(raw) > 0 {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			out = append(out, raw...)
			break
		}
		out = append(out, raw[:amp]...)
		raw = raw[amp:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 {
			return nil, errUnsure
		}
		r, ok := entityRune(raw[1:semi])
		if !ok {
			return nil, errUnsure
		}
		out = utf8.AppendRune(out, r)
		raw = raw[semi+1:]
	}
	s.scratch = out
	return out, nil
}

// entityRune resolves a predefined entity or a character reference.
func entityRune(e []byte) (rune, bool) {
	switch string(e) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(e) < 2 || e[0] != '#' {
		return 0, false
	}
	digits, base := e[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 6 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*base + d
	}
	if !isInCharacterRange(r) {
		return 0, false
	}
	return r, true
}

// plainDeclaration accepts an <?xml ...?> body declaring version 1.0 and
// UTF-8 (or neither), the only ones the strict decoder takes without a
// charset reader.
func plainDeclaration(body []byte) bool {
	rest, ok := bytes.CutPrefix(body, []byte("xml"))
	if !ok || len(rest) == 0 || rest[0] != ' ' {
		return false
	}
	for _, f := range bytes.Fields(rest) {
		switch string(f) {
		case `version="1.0"`, `encoding="UTF-8"`, `encoding="utf-8"`, `standalone="yes"`, `standalone="no"`:
		default:
			return false
		}
	}
	return true
}

// isInCharacterRange is XML 1.0's Char production, as encoding/xml has it.
func isInCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
