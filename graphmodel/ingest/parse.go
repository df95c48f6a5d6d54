package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/termsafe"
)

var monthNames = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

var (
	reISO      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$`)
	reISOMonth = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	reSlash    = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})$`)
	reDayMonY  = regexp.MustCompile(`^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$`)
	reMonDayY  = regexp.MustCompile(`^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$`)
	reMonY     = regexp.MustCompile(`^([A-Za-z]+)\.?,?\s+(\d{4})$`)
	reYear     = regexp.MustCompile(`^(\d{4})$`)
	reSerial   = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
)

// DateOrder says how a numeric day-month-year date (05/03/2025) is read:
// day first (dmy, as in most of Europe and Latin America) or month first
// (mdy, as in US agency data). Unset, only a date with one possible
// reading is taken.
type DateOrder string

const (
	DateOrderUnset DateOrder = ""
	DayFirst       DateOrder = "dmy"
	MonthFirst     DateOrder = "mdy"
)

// ParseDateOrder reads the --date-order option.
func ParseDateOrder(s string) (DateOrder, error) {
	switch o := DateOrder(strings.ToLower(s)); o {
	case DateOrderUnset, DayFirst, MonthFirst:
		return o, nil
	}
	return "", fmt.Errorf("%q is not dmy or mdy", s)
}

// Describe says the order in words, for reports.
func (o DateOrder) Describe() string {
	switch o {
	case DayFirst:
		return "day first (dmy)"
	case MonthFirst:
		return "month first (mdy)"
	}
	return "not given: a date with two readings is refused"
}

// AmbiguousDateError is a numeric date both of whose readings are real
// days (05/03/2025), given without a DateOrder.
type AmbiguousDateError struct {
	Text                 string
	DayFirst, MonthFirst graphmodel.Date
}

func (e *AmbiguousDateError) Error() string {
	df, mf := e.DayFirst.Start(), e.MonthFirst.Start()
	return fmt.Sprintf("ambiguous date %q: %s (day first) or %s (month first); say which with --date-order dmy or mdy",
		e.Text, df.Format("2 January 2006"), mf.Format("2 January 2006"))
}

// ParseDate reads the date forms found in removal records and trackers:
// 2025-03-15 (also with a time), 2025-03, 15 March 2025, March 15, 2025,
// Mar 2025, 2025, Excel serial numbers, and numeric dates with /, . or -
// (15/03/2025, 3/15/2025) when only one reading is a real day; see
// ParseDateIn. The precision is what the text gives.
func ParseDate(s string) (graphmodel.Date, error) { return ParseDateIn(s, DateOrderUnset) }

// ParseDateIn is ParseDate with the order of numeric dates given. Without
// an order, 13/03/2025 is read day first and 03/13/2025 month first (no
// other reading exists), and 05/03/2025 is an *AmbiguousDateError naming
// both readings: guessing would shift every day from 1 to 12 of a file
// written in the other order, silently.
func ParseDateIn(s string, order DateOrder) (graphmodel.Date, error) {
	s = strings.TrimSpace(s)
	bad := func() (graphmodel.Date, error) {
		return graphmodel.Date{}, fmt.Errorf("unrecognised date %s", termsafe.Excerpt(s))
	}
	day := func(y, m, d int) (graphmodel.Date, error) {
		if m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() || y < 1900 || y > 2200 {
			return bad()
		}
		return graphmodel.DayDate(y, m, d), nil
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	if d, ok := fastISO(s); ok {
		return d, nil
	}
	switch {
	case s == "":
		return graphmodel.Date{}, fmt.Errorf("empty date")
	case reISO.MatchString(s):
		m := reISO.FindStringSubmatch(s)
		return day(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	case reISOMonth.MatchString(s):
		m := reISOMonth.FindStringSubmatch(s)
		// The year in the range every other form keeps to: "0000-01"
		// was taken and then refused by the dataset's own reader.
		if y, mo := atoi(m[1]), atoi(m[2]); mo >= 1 && mo <= 12 && y >= 1900 && y <= 2200 {
			return graphmodel.MonthDate(y, mo), nil
		}
	case reSlash.MatchString(s):
		m := reSlash.FindStringSubmatch(s)
		if m[2] != m[4] {
			return bad()
		}
		a, b, y := atoi(m[1]), atoi(m[3]), atoi(m[5])
		switch {
		case order == DayFirst:
			return day(y, b, a)
		case order == MonthFirst:
			return day(y, a, b)
		case a == b || a > 12:
			return day(y, b, a)
		case b > 12:
			return day(y, a, b)
		}
		df, err1 := day(y, b, a)
		mf, err2 := day(y, a, b)
		if err1 != nil || err2 != nil {
			return bad()
		}
		return graphmodel.Date{}, &AmbiguousDateError{Text: s, DayFirst: df, MonthFirst: mf}
	case reDayMonY.MatchString(s):
		m := reDayMonY.FindStringSubmatch(s)
		if mo, ok := monthNames[strings.ToLower(m[2])]; ok {
			return day(atoi(m[3]), mo, atoi(m[1]))
		}
	case reMonDayY.MatchString(s):
		m := reMonDayY.FindStringSubmatch(s)
		if mo, ok := monthNames[strings.ToLower(m[1])]; ok {
			return day(atoi(m[3]), mo, atoi(m[2]))
		}
	case reMonY.MatchString(s):
		m := reMonY.FindStringSubmatch(s)
		if mo, ok := monthNames[strings.ToLower(m[1])]; ok {
			if y := atoi(m[2]); y >= 1900 && y <= 2200 {
				return graphmodel.MonthDate(y, mo), nil
			}
		}
	case reYear.MatchString(s):
		if y := atoi(s); y >= 1900 && y <= 2200 {
			return graphmodel.YearDate(y), nil
		}
	case reSerial.MatchString(s):
		f, _ := strconv.ParseFloat(s, 64)
		t, err := excelize.ExcelDateToTime(f, false)
		if err == nil {
			return day(t.Year(), int(t.Month()), t.Day())
		}
	}
	return bad()
}

var (
	reNumber = regexp.MustCompile(`\d[\d,.]*`)
	qualText = []struct {
		re *regexp.Regexp
		q  graphmodel.Qualifier
	}{
		{regexp.MustCompile(`(?i)\b(approximately|approx\.?|about|around|roughly|some|nearly|almost|estimated|est\.?|circa|ca\.?)\b|~`), graphmodel.About},
		{regexp.MustCompile(`(?i)\b(at least|more than|over|over|in excess of|no fewer than|minimum of)\b|\+\s*$|>`), graphmodel.AtLeast},
		{regexp.MustCompile(`(?i)\b(up to|as many as|at most|no more than|fewer than|less than|maximum of|under)\b|<`), graphmodel.UpTo},
	}
)

// Counts a tracker row may not hold: they reject the row, where text
// without a number only goes to the note.
var (
	ErrNegativeCount = errors.New("a negative number of people")
	ErrCountTooLarge = errors.New("more people than the largest count accepted")
)

// negativeBefore reports whether the text before a number ends in a minus
// sign (ASCII, U+2212 or an en dash) that starts a word: "-5" and
// "approximately -3" are negative, "COVID-19" is not.
func negativeBefore(prefix string) bool {
	for _, minus := range []string{"-", "\u2212", "\u2013"} {
		rest, ok := strings.CutSuffix(prefix, minus)
		if !ok {
			continue
		}
		if rest == "" {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(rest)
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return false
}

// ParseCount reads a count as trackers write it: "120", "1,100",
// "approximately 120" (about), "at least 6,500" / "more than 200" / "200+"
// (at least), "up to 50" (up to). Text without a number is an error the
// caller keeps in the note.
func ParseCount(s string) (graphmodel.Count, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return graphmodel.Count{}, nil
	}
	locs := reNumber.FindAllStringIndex(s, -1)
	if len(locs) != 1 {
		return graphmodel.Count{}, fmt.Errorf("no single number in %s", termsafe.Excerpt(s))
	}
	nums := []string{s[locs[0][0]:locs[0][1]]}
	if negativeBefore(s[:locs[0][0]]) {
		return graphmodel.Count{}, fmt.Errorf("%s: %w", termsafe.Excerpt(s), ErrNegativeCount)
	}
	digits := strings.ReplaceAll(nums[0], ",", "")
	if strings.Contains(digits, ".") {
		f, err := strconv.ParseFloat(digits, 64)
		if err != nil || f != float64(int64(f)) {
			return graphmodel.Count{}, fmt.Errorf("%q is not a whole number", nums[0])
		}
		digits = strconv.FormatInt(int64(f), 10)
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if errors.Is(err, strconv.ErrRange) || err == nil && n > graphmodel.MaxCount {
		return graphmodel.Count{}, fmt.Errorf("%q: %w (%d)", nums[0], ErrCountTooLarge, graphmodel.MaxCount)
	}
	if err != nil {
		return graphmodel.Count{}, fmt.Errorf("%q is not a whole number", nums[0])
	}
	q := graphmodel.Exact
	for _, qt := range qualText {
		if qt.re.MatchString(s) {
			q = qt.q
			break
		}
	}
	return graphmodel.Count{Value: n, Qualifier: q}, nil
}

var listSplit = regexp.MustCompile(`\s*(?:,|;|/|\band\b|&|\+|\n)\s*`)

// Nationalities splits free text of demonyms or country names ("Iranian,
// Afghan and Chinese", "Venezuelans; Cubans") and resolves each against
// reg. Words it cannot resolve ("Various", "others") are returned apart,
// so the caller can keep them in the note.
func Nationalities(reg *graphmodel.Registry, s string) (codes []graphmodel.Code, unresolved []string) {
	seen := map[graphmodel.Code]bool{}
	for _, part := range listSplit.Split(strings.TrimSpace(s), -1) {
		part = strings.TrimSpace(strings.Trim(part, ".()"))
		if part == "" {
			continue
		}
		c, ok := resolve(reg, part)
		if !ok {
			// "Iranian nationals", "citizens of Iran"
			for _, strip := range []string{" nationals", " citizens", " migrants", " people", "citizens of ", "nationals of "} {
				part2 := strings.TrimSpace(strings.Replace(strings.ToLower(part), strip, "", 1))
				if c, ok = resolve(reg, part2); ok {
					break
				}
			}
		}
		if !ok {
			unresolved = append(unresolved, part)
			continue
		}
		if !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	return codes, unresolved
}

// fastISO parses exactly YYYY-MM-DD without regular expressions: the form
// of most person-level exports, read millions of times. Anything else, or
// an impossible date, goes through the general path.
func fastISO[T string | []byte](s T) (graphmodel.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return graphmodel.Date{}, false
	}
	num := func(b T) (int, bool) {
		n := 0
		for i := 0; i < len(b); i++ {
			c := b[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 28 && d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return graphmodel.Date{}, false
	}
	return graphmodel.DayDate(y, m, d), true
}
