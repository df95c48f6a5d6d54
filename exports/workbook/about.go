package workbook

import (
	"fmt"
	"strings"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
)

// keyCiteSuffix is the aboutEN key of the sentence How to cite adds to
// the dataset's citation (import takes it off again, in any language).
const keyCiteSuffix = "cite suffix"

// aboutEN are the About sheet's texts of ours, in English, by the label
// of their row (a format where the row fills in a value); about_xx.go
// give each language's, by the same keys. Verdict phrases are keyed by
// network.VerdictText's kinds, null models by their name.
var aboutEN = map[string]string{
	"Title":                           "leverage workbook: %s",
	"What this is":                    "A leverage network of deportation diplomacy: which governments were pressed to accept deportees who are not their citizens, with what instrument, and what followed. Each row of Relationships is one dated claim with its sources.",
	"Language":                        "%s: sheet names, headers, labels, texts, vocabulary and country names (CLDR) in this language. leverage import reads it back as it is.",
	"Dataset content hash (SHA-256)":  "not computed for a streamed export; run leverage validate --data on the dataset",
	"Window's content hash (SHA-256)": "the same: the whole dataset",
	keyCiteSuffix:                     "Cite the underlying sources for the facts; each relationship lists them.",
	"Changes":                         "What changed in each dataset version: CHANGELOG.md beside the dataset's CSV files (fixtures/seed/CHANGELOG.md for the seed).",
	"Document date: why":              "The date above is the dataset's updated date, or SOURCE_DATE_EPOCH when set, not the time of writing: the same dataset always gives the same file, byte for byte.",
	"Analysis window":                 "all dates",
	"null samples":                    "%.4f ± %.4f over %d samples",
	"Placeholder actors":              "ZZ (unspecified nationalities) and GRP_… (unnamed groups of countries) keep their relationships and people in every sum and strength, but are not ranked as hubs, not nodes paths run through, not community members and not single receivers (leverage analyze --include-placeholders to treat them as countries).",
	"continues":                       " Continues on %s: Excel allows %d rows per sheet.",
	"How to read: directions":         "approached: pressing → pressed; received: nationality → receiving country (same code both ends: own citizens returned); paid: payer → payee; onward_return: first receiver → where people were sent on; transit: waypoint → destination; removal_blocked: deporting country → intended destination.",
	"How to read: dates":              "Date is when the event happened, never when it was reported: a date cell when the sources give one date (Date precision says day, month, quarter or year), else EDTF text (ISO 8601-2): ../2025-05 is \"by May 2025\", ../2023-12 \"before 2024\", 2025-01-20/2025-05 an interval, 2025-02/.. \"since February\", and ? ~ % after a date mark it uncertain, approximate or both. Reported gives the report date where it is not the sources' Published dates. A window counts a claim certainly in when its whole period lies inside, possibly in when the period only overlaps it.",
	"How to read: numbers":            "Count and Amount are numbers; the qualifier beside each (exact, about, at_least, up_to) says how to read it. Sums take numbers at face value.",
	"How to read: alternative claims": "Where sources disagree, each claim is its own row with its source, and the rows share an Event. Totals count each event once: the most confident claim, then the largest.",
	"Caveats":                         "The claims come from news reports, some citing documents not public; confidence grades each. Groups (GRP_…) stand for unnamed sets of countries; ZZ for people whose nationality the source does not give. migration_context rows are context a source weighs, not deportations.",
	"Correcting and sending back":     "Edit rows in Countries, Relationships or Sources (keep each ID; add rows with new IDs; delete rows to remove them) and run: leverage import FILE.xlsx. It checks every cell and reports added, removed and modified relationships. With --answer-back ANSWER.xlsx it gives this workbook back with every cell it has something to say about marked and explained, and a Review sheet listing them.",
}

func init() {
	// The verdict's phrases and the null models are the analysis'
	// English; the languages word them by the same keys.
	for k, v := range network.VerdictText {
		aboutEN[k] = v
	}
	for _, m := range []string{network.NullDirected, network.NullTypedDirected} {
		aboutEN[m] = m
	}
}

// aboutFixed are the aboutEN keys whose English is a whole sentence of
// ours that a translated About must not show.
func aboutFixed() []string {
	var out []string
	for k, v := range aboutEN {
		if strings.Contains(v, " ") && len(v) > 20 {
			out = append(out, k)
		}
	}
	return out
}

// verdict is the stability verdict in l.
func (l Lang) verdict(st network.Stability) string {
	p := st.VerdictPhrases()
	return l.aboutText(p[0].Kind, p[0].Args...) + "; " + l.aboutText(p[1].Kind, p[1].Args...)
}

// campaignText is meta's campaign as the About sheet shows it.
func campaignText(cs []graphmodel.Code) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, string(c))
	}
	return strings.Join(parts, "; ")
}

func (b *builder) about(a *analysisResults) error {
	// About is the first sheet; it is written last because it lists what
	// the others turned out to hold (continuation sheets, counts).
	d, l := b.d, b.opt.Lang
	hash := b.contentHash()
	if b.opt.Stream != nil {
		hash = l.aboutText("Dataset content hash (SHA-256)")
	}
	rows := []aboutRow{
		{l.label("Title"), l.aboutText("Title", nonEmpty(d.Meta.Name, "unnamed dataset"))},
		{l.label("What this is"), l.aboutText("What this is")},
		{l.label("Dataset"), nonEmpty(d.Meta.Name, "(unnamed)")},
		{l.label("Dataset version"), d.Meta.Version},
		{l.label("Dataset content hash (SHA-256)"), hash},
		{l.label("Window's content hash (SHA-256)"), nonEmpty(b.subsetHash(), l.aboutText("Window's content hash (SHA-256)"))},
		{l.label("Dataset description"), d.Meta.Description},
		{l.label("Dataset updated"), d.Meta.Updated.String()},
		{l.label("License"), d.Meta.License},
		{l.label("Campaign"), campaignText(d.Meta.Campaign)},
		{l.label("How to cite"), d.Meta.Citation + " " + l.aboutText(keyCiteSuffix)},
		{l.label("Changes"), l.aboutText("Changes")},
		{l.label("Document date (UTC)"), b.opt.Generated.UTC()},
		{l.label("Document date: why"), l.aboutText("Document date: why")},
		{l.label("Generated by"), "leverage " + graphmodel.ToolVersion() + " (leverage export)"},
		{l.label("Analysis window"), b.windowText()},
		{l.label("Relationships"), b.relCount()},
		{l.label("Sources"), len(d.Sources)},
	}
	if a != nil {
		st := a.stability
		rows = append(rows,
			aboutRow{l.label("Actors"), a.summary.Actors},
			aboutRow{l.label("Actors that are countries"), a.summary.Countries},
			aboutRow{l.label("Communities (Louvain, union layer)"), len(a.communities.Members)},
			aboutRow{l.label("Communities: modularity"), a.communities.Modularity},
			aboutRow{l.label("Communities: Louvain seed"), int64(a.communities.Seed)},
			aboutRow{l.label("Communities: stability (mean pairwise NMI)"), st.MeanNMI},
			aboutRow{l.label("Communities: stability runs"), len(st.Seeds)},
			aboutRow{l.label("Communities: null modularity (%s)", l.aboutText(st.NullModel)), l.aboutText("null samples", st.NullMean, st.NullSD, st.NullSamples)},
			aboutRow{l.label("Communities: empirical p-values (above, below)"), fmt.Sprintf("%.4g, %.4g", st.PAbove, st.PBelow)},
			aboutRow{l.label("Communities: verdict"), l.verdict(st)},
			aboutRow{l.label("Placeholder actors"), l.aboutText("Placeholder actors")},
			aboutRow{l.label("Pattern matches"), len(a.patterns)})
	}
	for _, s := range dataSpecs(!b.opt.SkipAnalysis)[1:] {
		sheets := b.written[s.name]
		v := l.sheetAbout(s)
		if len(sheets) > 1 {
			v += l.aboutText("continues", strings.Join(sheets[1:], ", "), ExcelMaxRows)
		}
		rows = append(rows, aboutRow{l.label("Sheet: %s", l.T(s.name)), v})
	}
	for _, k := range []string{"How to read: directions", "How to read: dates", "How to read: numbers",
		"How to read: alternative claims", "Caveats", "Correcting and sending back"} {
		rows = append(rows, aboutRow{l.label(k), l.aboutText(k)})
	}
	if l != "" {
		rows = append(rows[:3:3], append([]aboutRow{{l.label("Language"), l.aboutText("Language", string(l))}}, rows[3:]...)...)
	}
	t, err := b.table(aboutSpec, len(rows))
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := t.add(r.item, r.value); err != nil {
			return err
		}
	}
	return t.close()
}

// aboutRow is one line of About: a label and a value that is text, a
// number or a time, stored as what it is.
type aboutRow struct {
	item  string
	value any
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (b *builder) windowText() string {
	return windowText(b.opt.Window, b.opt.Lang)
}

func windowText(w analysis.Window, l Lang) string {
	if w.IsOpen() {
		return l.aboutText("Analysis window")
	}
	return w.String()
}
