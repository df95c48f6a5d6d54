package graphmodel

// Text that a spreadsheet would evaluate is neutralised on write by a leading
// apostrophe, following OWASP's CSV-injection guidance. The apostrophe is
// also added before text that already starts with one, so the escaping is
// reversible and a dataset round-trips byte for byte.

func formulaTrigger(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r', '\n', '\'':
		return true
	}
	return false
}

// NeedsFormulaEscape reports whether s would be read as a formula (or starts
// with the escape character itself).
func NeedsFormulaEscape(s string) bool { return s != "" && formulaTrigger(s[0]) }

// EscapeFormula prefixes an apostrophe to text a spreadsheet would evaluate.
func EscapeFormula(s string) string {
	if NeedsFormulaEscape(s) {
		return "'" + s
	}
	return s
}

// UnescapeFormula undoes EscapeFormula.
func UnescapeFormula(s string) string {
	if len(s) >= 2 && s[0] == '\'' && formulaTrigger(s[1]) {
		return s[1:]
	}
	return s
}
