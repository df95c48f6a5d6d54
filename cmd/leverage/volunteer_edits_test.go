package main

import (
	"strconv"
	"strings"
	"testing"
)

// volunteerEdits are fifteen edits a new volunteer makes, knowing only
// the README and the workbook's About and Data dictionary, each with the
// report line that says it was taken. The expected lines are read off the
// seed's CSV rows by hand.
var volunteerEdits = []struct {
	what string
	want []string
}{
	{"1. correct a status (Honduras: agreed → refused)", []string{"Status: agreed → refused"}},
	{`2. type "No response" as a status, with a space and capitals`, []string{"Status: agreed → no_response"}},
	{"3. correct a count (Costa Rica received 200 → 210)", []string{"Count: exact 200 → exact 210"}},
	{`4. type "At least" as the count qualifier`, []string{"Count: at_least 200 → about 200"}},
	{"5. add a sentence to a note", []string{"modified paid-us-pa-2025-05", "Note: "}},
	{"6. give a day on a month row (read as that day, said so)", []string{"Date: 2025-02 → 2025-02-20", "is finer than the row's precision"}},
	// The row's period (2025-02/2025-05-06 since seed 1.2.0) is replaced
	// by the day typed; the stale "interval" precision is said, not refused.
	{`7. type a date as text ("12 March 2025")`, []string{"modified onw-pa-zz-2025-05-06", "→ 2025-03-12"}},
	{"8. add a relationship row with a new id", []string{"added    ngo-2025-07-hn"}},
	{"9. delete a relationship row", []string{"removed  lev-pa-canal-2025-02"}},
	{"10. add a source row", []string{"added    ngo-field-notes-2025-07"}},
	{"11. correct a source's publisher", []string{`Publisher: "CBS News" → "CBS News (US)"`}},
	{"12. rename a country", []string{`Name: "Panama" → "Panamá"`}},
	{"13. add an alias to a country", []string{"modified CR", "Aliases:"}},
	{"14. lower a claim's confidence (reported → claimed)", []string{"Confidence: reported → claimed"}},
	{"15. cite a second source (Sources: a; b)", []string{"Sources: [explainer-2025-05-cbc] → [explainer-2025-05-cbc; nyt-2025-06-deal-making]"}},
}

// The fifteen edits, made in one workbook saved through LibreOffice,
// import without an error and each shows in the report.
func TestFifteenVolunteerEditsSucceed(t *testing.T) {
	path := edit(t, func(ix sheetIndex) [][4]any {
		r := func(id, col string) string { return ix.cell("Relationships", id, col) }
		nr := strconv.Itoa(ix.n["Relationships"] + 1)
		ns := strconv.Itoa(ix.n["Sources"] + 1)
		rc := func(col string) string { return ix.cols["Relationships"][col] + nr }
		sc := func(col string) string { return ix.cols["Sources"][col] + ns }
		return [][4]any{
			{"Relationships", r("appr-hn-2025-06", "Status"), "text", "refused"},
			{"Relationships", r("appr-cr-2025-02", "Status"), "text", "No Response"},
			{"Relationships", r("recv-zz-cr-2025-02", "Count"), "number", 210},
			{"Relationships", r("recv-ve-sv-2025-nyt", "Count qualifier"), "text", "About"},
			{"Relationships", r("paid-us-pa-2025-05", "Note"), "text", "The embassy figure is for the programme as a whole. Checked again by our volunteer."},
			{"Relationships", r("recv-af-pa-2025-02", "Date"), "date", "2025-02-20"},
			{"Relationships", r("onw-pa-zz-2025-05-06", "Date"), "text", "12 March 2025"},
			{"Relationships", rc("ID"), "text", "ngo-2025-07-hn"},
			{"Relationships", rc("Type"), "text", "approached"},
			{"Relationships", rc("From"), "text", "US"},
			{"Relationships", rc("To"), "text", "HN"},
			{"Relationships", rc("Date"), "date", "2025-07-01"},
			{"Relationships", rc("Date precision"), "text", "month"},
			{"Relationships", rc("Status"), "text", "in talks"},
			{"Relationships", rc("Confidence"), "text", "claimed"},
			{"Relationships", rc("Sources"), "text", "ngo-field-notes-2025-07"},
			{"Relationships", rc("Note"), "text", "Our field contact reports renewed talks in July."},
			{"Sources", sc("ID"), "text", "ngo-field-notes-2025-07"},
			{"Sources", sc("Publisher"), "text", "Our NGO"},
			{"Sources", sc("Title"), "text", "Field notes, July 2025"},
			{"Sources", sc("Published"), "date", "2025-07-01"},
			{"Sources", sc("Published precision"), "text", "month"},
			{"Sources", sc("Kind"), "text", "memo"},
			{"Sources", sc("Availability"), "text", "Internal notes, not published."},
			{"Sources", ix.cell("Sources", "cbs-2025-02-panama", "Publisher"), "text", "CBS News (US)"},
			{"Countries", ix.cell("Countries", "PA", "Name"), "text", "Panamá"},
			{"Countries", ix.cell("Countries", "CR", "Aliases"), "text", "Republic of Costa Rica; Tiquicia"},
			{"Relationships", r("recv-bd-pa-2025-02", "Confidence"), "text", "claimed"},
			{"Relationships", r("onw-pa-bd-2025-05-06", "Sources"), "text", "explainer-2025-05-cbc; nyt-2025-06-deal-making"},
			{"Relationships", r("lev-pa-canal-2025-02", "ID"), "delrow", ""},
		}
	})
	out, errs, code := runCLI(t, "import", path)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	t.Log(out)
	for _, e := range volunteerEdits {
		for _, w := range e.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: report lacks %q", e.what, w)
			}
		}
	}
	mustContain(t, out, "relationships: 1 added, 1 removed, ")
}
