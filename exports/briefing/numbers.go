package briefing

import (
	"sort"
	"strconv"
	"strings"
)

// The briefing writes every number one way, in Go (story sentences) and in
// the page's script (numbers.js mirrors these rules; a browser test holds
// them together): whole numbers with thousands separators, amounts as
// "USD 14 million" from a million up, qualifiers as words before the number.

// Number writes n with comma thousands separators: 5400 → "5,400".
func Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Amount writes an amount in its currency: "USD 14 million" from a million
// up when a tenth of a million writes it exactly ("USD 1.5 million"), else
// in full: "USD 250,000", "USD 1,234,567".
func Amount(v int64, currency string) string {
	// Only amounts that a tenth of a million writes exactly are shortened,
	// so the short form never rounds what the source said.
	if v >= 1_000_000 && v%100_000 == 0 {
		text := strconv.FormatFloat(float64(v)/1e6, 'f', 1, 64)
		return currency + " " + strings.TrimSuffix(text, ".0") + " million"
	}
	return currency + " " + Number(v)
}

// QualifierWord is the word a qualifier is read as before a number.
func QualifierWord(q string) string {
	switch q {
	case "about":
		return "about "
	case "at_least":
		return "at least "
	case "up_to":
		return "up to "
	}
	return ""
}

// moneyText writes sums per currency, largest currency code first in
// alphabetical order: "USD 14 million and EUR 2 million" never adds them.
func moneyText(byCurrency map[string]int64) string {
	var cs []string
	for c := range byCurrency {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = Amount(byCurrency[c], c)
	}
	return strings.Join(parts, " and ")
}

// MoneyText is moneyText for callers outside the package.
func MoneyText(byCurrency map[string]int64) string { return moneyText(byCurrency) }
