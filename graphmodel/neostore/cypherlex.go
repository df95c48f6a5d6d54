package neostore

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one lexical unit of a Cypher statement, as far as the checks in
// this package need to tell them apart. Comments and whitespace are
// dropped; string literals and quoted identifiers are single tokens, so
// nothing inside them is mistaken for a keyword or a parameter.
type token struct {
	kind  tokenKind
	text  string // the token as written (for a parameter: its name, unquoted)
	start int    // byte offset in the statement
	end   int
}

type tokenKind int

const (
	tokWord   tokenKind = iota // keyword or identifier
	tokQuoted                  // `quoted identifier`
	tokString                  // 'string' or "string"
	tokNumber
	tokParam // $name or $`name`
	tokPunct
)

// lexCypher splits a statement into tokens. It follows the Cypher 5 lexical
// rules for comments (// to the end of the line, /* … */), string literals
// (single or double quotes, backslash escapes), quoted identifiers (a
// doubled backtick escapes one) and parameters. It does not parse; a
// statement it cannot lex (an unterminated string or comment) is an error,
// because the server would refuse it too.
func lexCypher(s string) ([]token, error) {
	var out []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			i += size
		case strings.HasPrefix(s[i:], "//"):
			j := strings.IndexAny(s[i:], "\n\r")
			if j < 0 {
				return out, nil
			}
			i += j
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return nil, fmt.Errorf("unterminated /* comment at offset %d", i)
			}
			i += 2 + j + 2
		case r == '\'' || r == '"':
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == '\\' {
					j++
					continue
				}
				if rune(s[j]) == r {
					break
				}
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unterminated string starting at offset %d", i)
			}
			out = append(out, token{tokString, s[i : j+1], i, j + 1})
			i = j + 1
		case r == '`':
			name, end, err := quotedName(s, i)
			if err != nil {
				return nil, err
			}
			out = append(out, token{tokQuoted, name, i, end})
			i = end
		case r == '$':
			j := i + 1
			if j < len(s) && s[j] == '`' {
				name, end, err := quotedName(s, j)
				if err != nil {
					return nil, err
				}
				out = append(out, token{tokParam, name, i, end})
				i = end
				continue
			}
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !isIdentRune(r2) {
					break
				}
				j += sz
			}
			if j == i+1 {
				return nil, fmt.Errorf("a $ without a parameter name at offset %d", i)
			}
			out = append(out, token{tokParam, s[i+1 : j], i, j})
			i = j
		case unicode.IsDigit(r):
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !isIdentRune(r2) && r2 != '.' {
					break
				}
				j += sz
			}
			out = append(out, token{tokNumber, s[i:j], i, j})
			i = j
		case isIdentRune(r):
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !isIdentRune(r2) {
					break
				}
				j += sz
			}
			out = append(out, token{tokWord, s[i:j], i, j})
			i = j
		default:
			out = append(out, token{tokPunct, s[i : i+size], i, i + size})
			i += size
		}
	}
	return out, nil
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// quotedName reads a backtick-quoted name starting at s[i] == '`'.
func quotedName(s string, i int) (name string, end int, err error) {
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		if s[j] != '`' {
			b.WriteByte(s[j])
			continue
		}
		if j+1 < len(s) && s[j+1] == '`' {
			b.WriteByte('`')
			j++
			continue
		}
		return b.String(), j + 1, nil
	}
	return "", 0, fmt.Errorf("unterminated `quoted name` starting at offset %d", i)
}

// ParameterNames returns the names of the parameters ($name) a statement
// uses, sorted and without repeats. Text inside comments, strings and
// quoted identifiers is not a parameter.
func ParameterNames(cypher string) ([]string, error) {
	toks, err := lexCypher(cypher)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var names []string
	for _, t := range toks {
		if t.kind == tokParam && !seen[t.text] {
			seen[t.text] = true
			names = append(names, t.text)
		}
	}
	sort.Strings(names)
	return names, nil
}

// statementHead describes the start of a statement: where its own
// EXPLAIN or PROFILE keyword is (if it has one) and its first clause
// keyword, after any CYPHER options.
type statementHead struct {
	mode      *token // EXPLAIN or PROFILE written by the user
	firstWord string // upper case; "" if the statement starts otherwise
	tokens    []token
}

func headOf(cypher string) (statementHead, error) {
	toks, err := lexCypher(cypher)
	if err != nil {
		return statementHead{}, err
	}
	h := statementHead{tokens: toks}
	i := 0
	for i < len(toks) {
		t := toks[i]
		if t.kind != tokWord {
			break
		}
		switch strings.ToUpper(t.text) {
		case "CYPHER":
			// CYPHER [version] [option=value]…
			i++
			if i < len(toks) && toks[i].kind == tokNumber {
				i++
			}
			for i+2 < len(toks) && toks[i].kind == tokWord && toks[i+1].text == "=" {
				i += 3
			}
			continue
		case "EXPLAIN", "PROFILE":
			if h.mode == nil {
				h.mode = &toks[i]
			}
			i++
			continue
		}
		h.firstWord = strings.ToUpper(t.text)
		break
	}
	return h, nil
}

// hasWord reports whether the statement has the keyword (outside strings,
// comments and quoted names), ignoring case.
func (h statementHead) hasWord(words ...string) bool {
	for _, t := range h.tokens {
		if t.kind != tokWord {
			continue
		}
		for _, w := range words {
			if strings.EqualFold(t.text, w) {
				return true
			}
		}
	}
	return false
}

// hasSequence reports whether two keywords follow each other.
func (h statementHead) hasSequence(a, b string) bool {
	for i := 0; i+1 < len(h.tokens); i++ {
		if h.tokens[i].kind == tokWord && h.tokens[i+1].kind == tokWord &&
			strings.EqualFold(h.tokens[i].text, a) && strings.EqualFold(h.tokens[i+1].text, b) {
			return true
		}
	}
	return false
}

// dottedNames returns every name written as identifiers joined by dots
// (db.clearQueryCaches, `db`.`clearQueryCaches`, `db.clearQueryCaches`),
// with the quoting taken off, so a procedure name can be found in the
// text however it is quoted.
func (h statementHead) dottedNames() []string {
	var out []string
	part := func(t token) (string, bool) {
		switch t.kind {
		case tokWord:
			return t.text, true
		case tokQuoted:
			return strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(t.text, "`"), "`"), "``", "`"), true
		}
		return "", false
	}
	for i := 0; i < len(h.tokens); i++ {
		name, ok := part(h.tokens[i])
		if !ok {
			continue
		}
		j := i
		for j+2 < len(h.tokens) && h.tokens[j+1].text == "." {
			p, ok := part(h.tokens[j+2])
			if !ok {
				break
			}
			name += "." + p
			j += 2
		}
		out = append(out, name)
		i = j
	}
	return out
}
