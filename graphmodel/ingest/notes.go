package ingest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// noteNumber finds a number of people in free text: an optional qualifier,
// the number, and a word saying whom it counts ("people", "deportees", or a
// demonym such as "Eritreans"), so dates and flight numbers are not read.
var noteNumber = regexp.MustCompile(`(?i)((?:approximately|approx\.?|about|around|roughly|some|nearly|almost|estimated|circa|at least|more than|over|in excess of|no fewer than|up to|as many as|at most|no more than|fewer than|less than)\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+([\p{L}-]+)`)

var peopleWords = map[string]bool{"people": true, "persons": true, "person": true, "deportees": true,
	"migrants": true, "individuals": true, "men": true, "women": true, "children": true, "nationals": true,
	"detainees": true, "passengers": true, "adults": true, "families": true, "asylum": true}

// noteCounts returns the counts of people the note states, with the text
// each was read from.
func noteCounts(reg *graphmodel.Registry, note string) (counts []graphmodel.Count, texts []string) {
	for _, m := range noteNumber.FindAllStringSubmatch(note, -1) {
		word := strings.ToLower(m[3])
		if !peopleWords[word] {
			if _, ok := reg.Resolve(word); !ok {
				if _, ok := reg.Resolve(strings.TrimSuffix(word, "s")); !ok {
					continue
				}
			}
		}
		c, err := ParseCount(m[0])
		if err != nil {
			continue
		}
		counts = append(counts, c)
		texts = append(texts, strings.TrimSpace(m[0]))
	}
	return counts, texts
}

// reconcileNoteCount checks the number column against the numbers of
// people in the row's notes (trackers scraped from web pages put one in
// each). It returns the count to import, or a problem when the column
// contradicts every number the notes give, so the row is rejected rather
// than imported as exact. When the column gives a bare number and the
// notes give the same number with a qualifier ("roughly 40 Eritreans"),
// the notes' qualifier is used.
func reconcileNoteCount(reg *graphmodel.Registry, raw string, c graphmodel.Count, note string) (graphmodel.Count, string) {
	counts, texts := noteCounts(reg, note)
	if len(counts) == 0 || c.IsZero() {
		return c, ""
	}
	if !hasQualifierWord(raw) {
		for _, nc := range counts {
			if nc.Value == c.Value && nc.Qualifier != graphmodel.Exact {
				return graphmodel.Count{Value: c.Value, Qualifier: nc.Qualifier}, ""
			}
		}
	}
	for _, nc := range counts {
		if CountsCompatible(c, nc) {
			return c, ""
		}
	}
	return c, fmt.Sprintf("number %q contradicts the notes (%q); correct one of them", raw, strings.Join(texts, "; "))
}

var exactWord = regexp.MustCompile(`(?i)\b(exactly|precisely)\b`)

// hasQualifierWord reports whether the number column says how to read its
// number itself ("about", "at least", or "exactly"), so notes do not override it.
func hasQualifierWord(s string) bool {
	if exactWord.MatchString(s) {
		return true
	}
	for _, qt := range qualText {
		if qt.re.MatchString(s) {
			return true
		}
	}
	return false
}
