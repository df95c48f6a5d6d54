package graphmodel

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxIDLength bounds an id; ids name files (an ingest's rejects CSV) and
// Neo4j keys, and no real one comes near it.
const MaxIDLength = 200

// CheckID reports whether s may be a record id (relationship, source or
// event id). Ids travel into file names, Cypher parameters and URLs, so
// beyond the rule of no spaces and no ';' they hold no path separators, no
// "..", no control characters and only valid UTF-8: an id can never climb
// out of a directory or hide characters a reader cannot see.
func CheckID(s string) error {
	switch {
	case s == "":
		return errors.New("empty")
	case len(s) > MaxIDLength:
		return fmt.Errorf("%d bytes long; at most %d", len(s), MaxIDLength)
	case !utf8.ValidString(s):
		return fmt.Errorf("invalid UTF-8 at byte %d", invalidUTF8At(s))
	case strings.ContainsAny(s, "; "):
		return errors.New("must not contain spaces or ';'")
	case strings.ContainsAny(s, `/\`):
		return errors.New(`must not contain '/' or '\'`)
	case strings.Contains(s, ".."):
		return errors.New("must not contain '..'")
	case s == ".":
		return errors.New("must not be '.'")
	}
	for i, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) {
			return fmt.Errorf("control, format or space character %U at byte %d", r, i)
		}
	}
	return nil
}

// CheckText reports whether s may be a text field: valid UTF-8 without NUL.
// Anything else would be changed silently by the workbook (which cannot
// store it), so a re-import of one's own export would report edits.
func CheckText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("invalid UTF-8 at byte %d", invalidUTF8At(s))
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Errorf("NUL character at byte %d", i)
	}
	for i, r := range s {
		// XML 1.0, and so xlsx, has no way to hold the other C0 controls.
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return fmt.Errorf("control character %U at byte %d (a spreadsheet cannot hold it)", r, i)
		}
		if r == 0xFFFE || r == 0xFFFF {
			return fmt.Errorf("non-character %U at byte %d", r, i)
		}
	}
	return nil
}

func invalidUTF8At(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// CheckText checks a country record's free text (name, region, aliases,
// demonyms) with CheckText, for readers to place.
func (c *Country) CheckText() []*FieldError {
	var out []*FieldError
	check := func(field, s string) {
		if err := CheckText(s); err != nil {
			out = append(out, &FieldError{Record: string(c.Code), Field: field, Err: err})
		}
	}
	check("name", c.Name)
	check("region", c.Region)
	check("alpha3", c.Alpha3)
	for _, a := range c.Aliases {
		check("aliases", a)
	}
	for _, d := range c.Demonyms {
		check("demonyms", d)
	}
	return out
}
