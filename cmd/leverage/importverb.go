package main

import (
	"context"
	"fmt"
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
	if err := parse(fs, args); err != nil {
		return err
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
	e.progress.Start("reading "+o.file, 0)
	res, err := readWorkbookReport(ctx, o.file)
	e.progress.Done()
	if err != nil {
		return err
	}
	got := res.Dataset
	cur, err := o.load(ctx)
	if err != nil {
		return err
	}
	addedKeys := map[string]bool{}
	for _, c := range graphmodel.Diff(cur, got).Relationships {
		if c.Kind == "added" {
			addedKeys[c.Key] = true
		}
	}
	mode, _ := ingest.ParseLinkMode(o.link)
	matches := ingest.Link(got, addedKeys, mode)
	dir := o.out
	if dir == "" {
		dir = filepath.Dir(o.file)
	}
	stem := strings.TrimSuffix(filepath.Base(o.file), filepath.Ext(o.file))
	matchesPath := filepath.Join(dir, stem+".matches.csv")
	if err := writeMatches(ctx, matchesPath, matches); err != nil {
		return err
	}
	ch := graphmodel.Diff(cur, got)
	countries := describeCountryChanges(cur, got, ch.Countries)
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
	if o.format == "json" {
		warnings := make([]string, len(res.Warnings))
		for i, w := range res.Warnings {
			warnings[i] = w.Error()
		}
		return jsonsafe.Encode(e.stdout, struct {
			Imported  string             `json:"imported"`
			Against   string             `json:"against"`
			Changes   graphmodel.Changes `json:"changes"`
			Countries []countryChange    `json:"country_changes"`
			Warnings  []string           `json:"warnings"`
			Unread    []string           `json:"sheets_not_read"`
		}{describe(got), describe(cur), ch, countries, warnings, res.Unread}, "  ")
	}
	fmt.Fprintf(e.stdout, "imported %s: %s, valid\ncompared with %s\n", o.file, describe(got), describe(cur))
	added, removed, modified := ch.Count()
	fmt.Fprintf(e.stdout, "relationships: %d added, %d removed, %d modified, %d unchanged\n",
		added, removed, modified, len(got.Relationships)-added-modified)
	for _, c := range ch.Relationships {
		fmt.Fprintf(e.stdout, "  %-8s %s\n", c.Kind, c.Key)
		for _, f := range c.Fields {
			fmt.Fprintf(e.stdout, "           %s\n", f)
		}
	}
	sa, sr, sm := countKinds(ch.Sources)
	fmt.Fprintf(e.stdout, "sources: %d added, %d removed, %d modified, %d unchanged\n", sa, sr, sm, len(got.Sources)-sa-sm)
	for _, c := range ch.Sources {
		fmt.Fprintf(e.stdout, "  %-8s %s\n", c.Kind, c.Key)
		for _, f := range c.Fields {
			fmt.Fprintf(e.stdout, "           %s\n", f)
		}
	}
	fmt.Fprintf(e.stdout, "countries: %d changed\n", len(countries))
	for _, c := range countries {
		fmt.Fprintf(e.stdout, "  %-8s %s\n", c.Kind, c.Code)
		for _, f := range c.Fields {
			fmt.Fprintf(e.stdout, "           %s\n", f)
		}
	}
	if len(res.Unread) > 0 {
		fmt.Fprintf(e.stdout, "not read (computed from the data, or not ours): %s\n", strings.Join(res.Unread, ", "))
	}
	if len(res.Warnings) > 0 {
		fmt.Fprintf(e.stdout, "%d cells not taken as typed:\n", len(res.Warnings))
		for _, w := range res.Warnings {
			fmt.Fprintf(e.stdout, "  warning: %s\n", w)
		}
	}
	printMatches(e, matchesPath, matches)
	if o.out != "" {
		fmt.Fprintf(e.stdout, "wrote the imported dataset to %s\n", o.out)
	}
	return nil
}

// readWorkbookReport reads a workbook with its warnings.
func readWorkbookReport(ctx context.Context, path string) (*workbook.Result, error) {
	f, err := safeio.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := workbook.ReadReportContext(ctx, f, iso3166.Registry())
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
	Code   string   `json:"code"`
	Kind   string   `json:"kind"`
	Fields []string `json:"fields,omitempty"`
}

// describeCountryChanges turns the record changes into what a reader of
// the Countries sheet sees: a reference country given a record is
// "modified", with the fields that changed, not "added".
func describeCountryChanges(cur, got *graphmodel.Dataset, ch []graphmodel.Change) []countryChange {
	var out []countryChange
	for _, c := range ch {
		code := graphmodel.Code(c.Key)
		cc := countryChange{Code: c.Key, Kind: c.Kind, Fields: c.Fields}
		before, wasKnown := cur.Registry.Country(code)
		after, _ := got.Registry.Country(code)
		if c.Kind != "modified" && wasKnown {
			cc.Kind = "modified"
			cc.Fields = countryFields(before, after)
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

func countryFields(a, b graphmodel.Country) []string {
	var out []string
	add := func(name, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf("%s: %q → %q", name, x, y))
		}
	}
	add("Name", a.Name, b.Name)
	add("Kind", string(a.Kind), string(b.Kind))
	add("Region", a.Region, b.Region)
	add("Alpha3", a.Alpha3, b.Alpha3)
	add("Aliases", strings.Join(a.Aliases, "; "), strings.Join(b.Aliases, "; "))
	add("Demonyms", strings.Join(a.Demonyms, "; "), strings.Join(b.Demonyms, "; "))
	return out
}
