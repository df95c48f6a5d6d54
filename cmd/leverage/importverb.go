package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/ingest"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/internal/jsonsafe"
	"github.com/leverage-project/leverage/internal/safeio"
)

type importOptions struct {
	dataOptions // the current dataset to compare with
	file        string
	out         string
	format      string
	link        string
	force       bool
	dateOrder   string
	report      string
	answerBack  string
	lang        string
}

func importMain(ctx context.Context, args []string, e env) error {
	var o importOptions
	fs := newFlags("import", "FILE.xlsx", `Reads the Countries, Relationships and Sources sheets of a workbook (for
example an NGO's corrected copy), checks every cell (errors name Sheet!Cell and
field), and reports added, removed and modified relationships against the
current dataset (default: embedded; or --data / --neo4j). --out DIR writes the
imported dataset as CSV files.`, e)
	o.dataOptions.register(fs)
	fs.StringVar(&o.out, "out", "", "write the imported dataset to `DIR`")
	fs.StringVar(&o.format, "format", "table", "report `FORMAT`: table or json")
	fs.StringVar(&o.link, "link", "auto", "added rows that may repeat existing claims: `auto` links decisive matches to their event and lists the rest in DIR/FILE.matches.csv, review only lists, none does neither")
	fs.BoolVar(&o.force, "force", false, "with --out: replace the dataset DIR holds if it is a different one")
	fs.StringVar(&o.dateOrder, "date-order", "", "read text dates with two readings (05/03/2025) day first, `dmy`, or month first, mdy; without it such a cell is refused naming both readings")
	fs.StringVar(&o.answerBack, "answer-back", "", "write the workbook read back to `FILE.xlsx` with every changed, refused or ignored cell highlighted, the reason in a comment, and a Review sheet linking to each (also when the import is refused)")
	fs.StringVar(&o.lang, "lang", "", "with --answer-back: write its Review sheet and comments in `LANG` (en, es, fr or pt); default: the language of the workbook's sheet names")
	fs.StringVar(&o.report, "report", "", "write every finding, one cell a row, to `FILE.csv` (default DIR/FILE.report.csv; written on failure only when given)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := ingest.ParseDateOrder(o.dateOrder); err != nil {
		return usagef("--date-order: %v", err)
	}
	if o.answerBack != "" && !strings.HasSuffix(strings.ToLower(o.answerBack), ".xlsx") {
		return usagef("--answer-back needs a FILE.xlsx")
	}
	if o.lang != "" {
		if o.answerBack == "" {
			return usagef("--lang says the language of --answer-back's workbook; give --answer-back too")
		}
		if _, err := workbook.ParseLang(o.lang); err != nil {
			return usagef("--lang: %v", err)
		}
	}
	if o.report != "" && !strings.HasSuffix(strings.ToLower(o.report), ".csv") {
		return usagef("--report needs a FILE.csv")
	}
	if fs.NArg() != 1 || !strings.HasSuffix(strings.ToLower(fs.Arg(0)), ".xlsx") {
		return usagef("import needs one FILE.xlsx")
	}
	o.file = fs.Arg(0)
	if err := checkFormat(o.format); err != nil {
		return err
	}
	if _, err := ingest.ParseLinkMode(o.link); err != nil {
		return usagef("--link: %v", err)
	}
	return runImport(ctx, o, e)
}

func runImport(ctx context.Context, o importOptions, e env) error {
	order, _ := ingest.ParseDateOrder(o.dateOrder)
	dir := o.out
	if dir == "" {
		dir = filepath.Dir(o.file)
	}
	stem := strings.TrimSuffix(filepath.Base(o.file), filepath.Ext(o.file))
	reportPath := o.report
	if reportPath == "" {
		reportPath = filepath.Join(dir, stem+".report.csv")
	}
	e.progress.Start("reading "+o.file, 0)
	res, err := readWorkbookReport(ctx, o.file, workbook.ReadOptions{DateOrder: order})
	e.progress.Done()
	var re *workbook.ReadError
	if errors.As(err, &re) {
		return importRefused(ctx, o, re, err)
	}
	if err != nil {
		return err
	}
	got := res.Dataset
	cur, err := o.load(ctx)
	if err != nil {
		return err
	}
	rep := &importReport{res: res, cur: cur, got: got}
	rep.keepMeta()
	rep.dropDuplicates()
	mode, _ := ingest.ParseLinkMode(o.link)
	matches := ingest.Link(got, rep.addedKeys(), mode)
	matchesPath := filepath.Join(dir, stem+".matches.csv")
	if err := writeMatches(ctx, matchesPath, matches); err != nil {
		return err
	}
	ch := graphmodel.Diff(cur, got)
	countries := describeCountryChanges(cur, got, ch.Countries)
	fs := rep.findings(ch, countries)
	if o.out != "" {
		release, err := (outDirCheck{dir: o.out, force: o.force, same: sameContent(got)}).lockAndRun(ctx, e)
		if err != nil {
			return err
		}
		defer release()
		if err := csvdir.WriteDirContext(ctx, o.out, got); err != nil {
			return err
		}
	}
	if err := writeReport(reportPath, fs, res.More); err != nil {
		return err
	}
	if o.answerBack != "" {
		if err := writeAnswerBack(ctx, o.file, o.answerBack, o.answerLang(), fs, res.More); err != nil {
			return err
		}
	}
	if o.format == "json" {
		warnings := make([]string, len(res.Warnings))
		for i, w := range res.Warnings {
			warnings[i] = w.Error()
		}
		return jsonsafe.Encode(e.stdout, struct {
			Imported   string             `json:"imported"`
			Against    string             `json:"against"`
			Changes    graphmodel.Changes `json:"changes"`
			Countries  []countryChange    `json:"country_changes"`
			About      []string           `json:"about_changes"`
			Duplicates []ingest.Duplicate `json:"duplicates"`
			Warnings   []string           `json:"warnings"`
			Unread     []string           `json:"sheets_not_read"`
			DateOrder  string             `json:"date_order"`
			Report     string             `json:"report"`
		}{describe(got), describe(cur), ch, countries, rep.about, rep.dups, warnings, res.Unread, string(order), reportPath}, "  ")
	}
	fmt.Fprintf(e.stdout, "imported %s: %s, valid\ncompared with %s\n", o.file, describe(got), describe(cur))
	fmt.Fprintf(e.stdout, "numeric dates (05/03/2025): %s\n", order.Describe())
	added, removed, modified := ch.Count()
	fmt.Fprintf(e.stdout, "relationships: %d added, %d removed, %d modified, %d unchanged, %d duplicates not added\n",
		added, removed, modified, len(got.Relationships)-added-modified, len(rep.dups))
	for _, d := range rep.dups {
		fmt.Fprintf(e.stdout, "  %-8s %s\n           %s\n", "duplicate", d.New, d.Why())
	}
	printChanges(e.stdout, ch.Relationships)
	sa, sr, sm := countKinds(ch.Sources)
	fmt.Fprintf(e.stdout, "sources: %d added, %d removed, %d modified, %d unchanged\n", sa, sr, sm, len(got.Sources)-sa-sm)
	printChanges(e.stdout, ch.Sources)
	fmt.Fprintf(e.stdout, "countries: %d changed\n", len(countries))
	for _, c := range countries {
		fmt.Fprintf(e.stdout, "  %-8s %s\n", c.Kind, c.Code)
		for _, f := range c.Fields {
			fmt.Fprintf(e.stdout, "           %s\n", f)
		}
	}
	if res.About == nil {
		fmt.Fprintf(e.stdout, "about: no About sheet; name, version, licence, citation and description kept from %s\n", describe(cur))
	} else {
		fmt.Fprintf(e.stdout, "about: %d changed\n", len(rep.about))
		for _, a := range rep.about {
			fmt.Fprintf(e.stdout, "  modified %s\n", a)
		}
	}
	if len(res.Unread) > 0 {
		fmt.Fprintf(e.stdout, "not read (computed from the data, or not ours): %s\n", strings.Join(res.Unread, ", "))
	}
	if n := rep.attention(); n > 0 {
		fmt.Fprintf(e.stdout, "%d cells not taken as typed, or to check:\n", n)
		printFindings(e.stdout, rep.notable, res.More, reportPath)
	}
	printMatches(e, matchesPath, matches)
	fmt.Fprintf(e.stdout, "every finding (%d) is in %s\n", len(fs)+res.More, reportPath)
	if o.answerBack != "" {
		fmt.Fprintf(e.stdout, "answered back in %s: each cell marked, its reason in a comment, all listed on its Review sheet\n", o.answerBack)
	}
	if o.out != "" {
		fmt.Fprintf(e.stdout, "wrote the imported dataset to %s\n", o.out)
	}
	return nil
}

// importRefused writes the full report when --report asks for it (a
// refused import writes nothing else) and returns the error listing the
// first problems.
func importRefused(ctx context.Context, o importOptions, re *workbook.ReadError, err error) error {
	fs := findingsOf(re)
	fail := &readFailure{n: len(re.List), more: re.More, err: err}
	for _, f := range fs[:min(len(re.List), shownFindings)] {
		fail.shown = append(fail.shown, f)
	}
	if o.report != "" {
		if werr := writeReport(o.report, fs, re.More); werr != nil {
			return werr
		}
		fail.path = o.report
	}
	if o.answerBack != "" {
		if werr := writeAnswerBack(ctx, o.file, o.answerBack, o.answerLang(), fs, re.More); werr != nil {
			return werr
		}
		fail.answer = o.answerBack
	}
	return fmt.Errorf("%s: %w", o.file, fail)
}

// answerLang is --lang, nil when not given (the workbook's own language).
func (o importOptions) answerLang() *workbook.Lang {
	if o.lang == "" {
		return nil
	}
	l, _ := workbook.ParseLang(o.lang)
	return &l
}

func printChanges(w io.Writer, ch []graphmodel.Change) {
	for _, c := range ch {
		fmt.Fprintf(w, "  %-8s %s\n", c.Kind, c.Key)
		for _, f := range c.Fields {
			fmt.Fprintf(w, "           %s\n", f)
		}
	}
}

// readWorkbookReport reads a workbook with its warnings.
func readWorkbookReport(ctx context.Context, path string, opt workbook.ReadOptions) (*workbook.Result, error) {
	f, err := safeio.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := workbook.ReadReportWith(ctx, f, iso3166.Registry(), opt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return res, nil
}

func countKinds(ch []graphmodel.Change) (added, removed, modified int) {
	for _, c := range ch {
		switch c.Kind {
		case "added":
			added++
		case "removed":
			removed++
		case "modified":
			modified++
		}
	}
	return
}

// countryChange is one actor whose record changed, said against what the
// current dataset shows for it (its own record, or the reference table).
type countryChange struct {
	Code   string            `json:"code"`
	Kind   string            `json:"kind"`
	Fields []string          `json:"fields,omitempty"`
	edits  []graphmodel.Edit // Fields as parts
}

// describeCountryChanges turns the record changes into what a reader of
// the Countries sheet sees: a reference country given a record is
// "modified", with the fields that changed, not "added".
func describeCountryChanges(cur, got *graphmodel.Dataset, ch []graphmodel.Change) []countryChange {
	var out []countryChange
	for _, c := range ch {
		code := graphmodel.Code(c.Key)
		cc := countryChange{Code: c.Key, Kind: c.Kind, Fields: c.Fields, edits: c.Edits}
		before, wasKnown := cur.Registry.Country(code)
		after, _ := got.Registry.Country(code)
		if c.Kind != "modified" && wasKnown {
			cc.Kind = "modified"
			cc.Fields, cc.edits = countryFields(before, after)
			if c.Kind == "removed" {
				cc.Kind = "reverted"
			}
			if len(cc.Fields) == 0 {
				continue
			}
		}
		out = append(out, cc)
	}
	return out
}

func countryFields(a, b graphmodel.Country) ([]string, []graphmodel.Edit) {
	var out []string
	var edits []graphmodel.Edit
	add := func(name, x, y string) {
		if x != y {
			e := graphmodel.Edit{Field: name, Old: fmt.Sprintf("%q", x), New: fmt.Sprintf("%q", y)}
			out = append(out, e.String())
			edits = append(edits, e)
		}
	}
	add("Name", a.Name, b.Name)
	add("Kind", string(a.Kind), string(b.Kind))
	add("Region", a.Region, b.Region)
	add("Alpha3", a.Alpha3, b.Alpha3)
	add("Aliases", strings.Join(a.Aliases, "; "), strings.Join(b.Aliases, "; "))
	add("Demonyms", strings.Join(a.Demonyms, "; "), strings.Join(b.Demonyms, "; "))
	return out, edits
}
