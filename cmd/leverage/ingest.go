package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/ingest"
	"github.com/leverage-project/leverage/internal/safeio"
)

type ingestOptions struct {
	dataOptions
	shape      ingest.ShapeSpec
	file       string
	out        string
	rejects    string
	dryRun     bool
	strict     bool
	sheet      string
	columns    paramList
	mapping    string
	source     graphmodel.Source
	published  string
	confidence string
	link       string
	force      bool
	dateOrder  string
}

func ingestMain(ctx context.Context, args []string, e env) error {
	var o ingestOptions
	fs := newFlags("ingest", strings.Join(ingest.Shapes(), "|")+" FILE", `Reads a CSV or xlsx table and merges it into the dataset (default: embedded; or
--data DIR). removals: person-level removal records (Citizenship Country,
Departure Country, Departed Date, …), aggregated per receiving country,
nationality and month, third-country removals apart from returns home.
tracker: one row per destination or flight (Destination, Date, Number Removed,
Nationalities, Source, Notes); "approximately 120" is about 120, demonyms
resolve to countries. Every row is accounted for; rejected rows go to a
rejects CSV with their row number and reason. Columns are found by their
usual headers; --column FIELD=HEADER or --mapping FILE overrides them.
Exit 3 if nothing could be imported, or with --strict if any row was rejected.`, e)
	o.dataOptions.register(fs)
	fs.StringVar(&o.out, "out", "", "write the merged dataset to `DIR` (its rejects CSV goes beside the data)")
	fs.StringVar(&o.rejects, "rejects", "", "rejects CSV `FILE` (default DIR/SOURCE-ID.rejects.csv)")
	fs.BoolVar(&o.dryRun, "dry-run", false, "only report the accounting; write nothing but the rejects file")
	fs.BoolVar(&o.strict, "strict", false, "exit non-zero if any row is rejected")
	fs.StringVar(&o.sheet, "sheet", "", "xlsx `SHEET` to read (default: the first)")
	fs.Var(&o.columns, "column", "column header of a field, `FIELD=HEADER` (repeatable)")
	fs.StringVar(&o.mapping, "mapping", "", "`FILE` of FIELD=HEADER lines")
	fs.StringVar(&o.source.Key, "source-id", "", "id of the file as a source (default: from the file name)")
	fs.StringVar(&o.source.Publisher, "publisher", "", "who published the file")
	fs.StringVar(&o.source.Title, "title", "", "title of the file (default: its name)")
	fs.StringVar(&o.published, "published", "", "publication `DATE` of the file: its scrape or export day for a tracker, so rows dated that day are read as reported by it (default: the latest month in it)")
	fs.StringVar(&o.source.URL, "url", "", "where the file comes from")
	fs.BoolVar(&o.force, "force", false, "replace the dataset --out DIR holds if it is neither --data nor this result")
	fs.StringVar(&o.confidence, "confidence", "reported", "confidence of the relationships made: confirmed, reported or claimed")
	fs.StringVar(&o.link, "link", "auto", "claims that may repeat existing ones: `auto` links decisive matches to their event and lists the rest in DIR/SOURCE.matches.csv, review only lists, none does neither")
	fs.StringVar(&o.dateOrder, "date-order", "", "read numeric dates with two readings (05/03/2025) day first, `dmy`, or month first, mdy; without it such a row is rejected naming both readings")
	if err := parse(fs, args); err != nil {
		return err
	}
	if _, err := ingest.ParseDateOrder(o.dateOrder); err != nil {
		return usagef("--date-order: %v", err)
	}
	if fs.NArg() != 2 {
		return usagef("ingest needs %s and one FILE", strings.Join(ingest.Shapes(), "|"))
	}
	shape, err := ingest.LookupShape(ingest.Shape(fs.Arg(0)))
	if err != nil {
		return usagef("ingest needs %s and one FILE: %v", strings.Join(ingest.Shapes(), "|"), err)
	}
	o.shape, o.file = shape, fs.Arg(1)
	if o.out == "" && !o.dryRun {
		return usagef("give --out DIR (or --dry-run)")
	}
	if !graphmodel.Confidence(o.confidence).Valid() {
		return usagef("--confidence must be confirmed, reported or claimed")
	}
	if _, err := ingest.ParseLinkMode(o.link); err != nil {
		return usagef("--link: %v", err)
	}
	return runIngest(ctx, o, e)
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// runIngest reads the file into relationships, merges and links them
// with the dataset, writes the result, the rejects and the review file,
// and reports where every row went.
func runIngest(ctx context.Context, o ingestOptions, e env) error {
	columns, err := ingestColumns(o)
	if err != nil {
		return err
	}
	base, err := o.load(ctx)
	if err != nil {
		return err
	}
	src, err := ingestSource(o)
	if err != nil {
		return err
	}
	order, _ := ingest.ParseDateOrder(o.dateOrder)
	res, err := ingest.RunFile(ctx, o.file, o.sheet, ingest.Options{Shape: o.shape.Name, Columns: columns, Source: src, Registry: base.Registry,
		Confidence: graphmodel.Confidence(o.confidence), DateOrder: order, Progress: e.progress})
	if err != nil {
		return fmt.Errorf("%s: %w", o.file, err)
	}
	if o.published == "" {
		res.Source.Published = latestMonth(res.Relationships)
	}
	a := res.Accounting
	rejectsPath := o.rejects
	if rejectsPath == "" {
		dir := o.out
		if dir == "" {
			dir = filepath.Dir(o.file)
		}
		rejectsPath = filepath.Join(dir, src.Key+".rejects.csv")
	}
	var merged *graphmodel.Dataset
	var matches []ingest.Match
	if len(res.Relationships) > 0 {
		if merged, matches, err = mergeIngested(base, res, o.link); err != nil {
			return err
		}
	}
	matchesPath := filepath.Join(filepath.Dir(rejectsPath), src.Key+".matches.csv")
	if err := ctx.Err(); err != nil {
		return err
	}
	// --strict is all or nothing: with a rejected row the dataset is not
	// written (the rejects file still is, to say why).
	strictRefused := o.strict && a.Rejected > 0
	written := !o.dryRun && merged != nil && !strictRefused
	if written {
		release, err := (outDirCheck{dir: o.out, force: o.force, sameAs: o.data, same: sameContent(merged)}).lockAndRun(ctx, e)
		if err != nil {
			return err
		}
		defer release()
		if err := csvdir.WriteDirContext(ctx, o.out, merged); err != nil {
			return err
		}
	}
	if err := writeMatches(ctx, matchesPath, matches); err != nil {
		return err
	}
	if err := writeRejects(ctx, rejectsPath, res); err != nil {
		return err
	}
	printIngest(e, o, res, rejectsPath)
	printMatches(e, matchesPath, matches)
	if written {
		ch := graphmodel.Diff(base, merged)
		added, _, modified := ch.Count()
		fmt.Fprintf(e.stdout, "wrote %s: %s; %d relationships added, %d changed\n", o.out, describe(merged), added, modified)
	}
	switch {
	case a.Used == 0:
		return fmt.Errorf("%s: nothing could be imported (%d rows rejected): %w", o.file, a.Rejected, graphmodel.ErrInvalid)
	case strictRefused:
		return fmt.Errorf("%s: %d rows rejected (--strict), so nothing was written to %s: %w", o.file, a.Rejected, o.out, graphmodel.ErrInvalid)
	}
	return nil
}

// ingestColumns are the field headers --mapping and --column give (a
// --column wins), checked against the shape's fields.
func ingestColumns(o ingestOptions) (map[string]string, error) {
	columns := map[string]string{}
	if o.mapping != "" {
		b, err := safeio.ReadFile(o.mapping, 1<<20)
		if err != nil {
			return nil, err
		}
		for i, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				return nil, &graphmodel.FieldError{File: o.mapping, Line: i + 1, Err: fmt.Errorf("want FIELD=HEADER, got %q", line)}
			}
			columns[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	fromMapping := map[string]int{}
	for k := range columns {
		fromMapping[k] = 0
	}
	for _, c := range o.columns {
		k, v, ok := strings.Cut(c, "=")
		if !ok {
			return nil, usagef("--column %q: want FIELD=HEADER", c)
		}
		columns[k] = v
		delete(fromMapping, k)
	}
	err := checkIngestColumns(o.shape, columns, func(field string) string {
		if _, ok := fromMapping[field]; ok {
			return "--mapping " + o.mapping
		}
		return "--column " + field + "=" + columns[field]
	})
	return columns, err
}

// ingestSource describes the file as a source: its id (from the file name
// unless --source-id), title, publisher and kind.
func ingestSource(o ingestOptions) (graphmodel.Source, error) {
	src := o.source
	stem := strings.TrimSuffix(filepath.Base(o.file), filepath.Ext(o.file))
	if src.Key == "" {
		src.Key = strings.Trim(nonID.ReplaceAllString(strings.ToLower(stem), "-"), "-")
	}
	if err := graphmodel.CheckID(src.Key); err != nil {
		// The id names the rejects file: it must not climb out of --out.
		return src, usagef("--source-id %q: %v", src.Key, err)
	}
	if src.Title == "" {
		src.Title = filepath.Base(o.file)
	}
	if src.Publisher == "" {
		src.Publisher = "unknown (ingested file)"
	}
	src.Kind = o.shape.SourceKind
	src.Note = fmt.Sprintf("Ingested with leverage ingest %s from %s.", o.shape.Name, filepath.Base(o.file))
	if order, _ := ingest.ParseDateOrder(o.dateOrder); order != ingest.DateOrderUnset {
		src.Note += fmt.Sprintf(" Numeric dates read %s (--date-order %s).", order.Describe(), order)
	}
	if o.published != "" {
		// Known before the rows are read: a tracker row dated on the
		// file's own day is dated by its report (ingest.Accounting.ReportDated).
		var err error
		if src.Published, err = graphmodel.ParseDate(o.published); err != nil {
			return src, usagef("--published: %v", err)
		}
	}
	return src, nil
}

// mergeIngested merges res into base and links its claims that may repeat
// existing ones (--link).
func mergeIngested(base *graphmodel.Dataset, res *ingest.Result, link string) (*graphmodel.Dataset, []ingest.Match, error) {
	merged, err := ingest.Merge(base, res)
	if err != nil {
		return nil, nil, err
	}
	added := make(map[string]bool, len(res.Relationships))
	for _, r := range res.Relationships {
		added[r.Key] = true
	}
	mode, _ := ingest.ParseLinkMode(link)
	return merged, ingest.Link(merged, added, mode), nil
}

// writeRejects writes the rejected rows, if any, with their row numbers
// and reasons.
func writeRejects(ctx context.Context, path string, res *ingest.Result) error {
	if len(res.Rejects) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return safeio.WriteFile(ctx, path, buffered(func(w io.Writer) error {
		return ingest.WriteRejects(w, res.Header, res.Rejects)
	}))
}

// printIngest reports where every row went.
func printIngest(e env, o ingestOptions, res *ingest.Result, rejectsPath string) {
	a := res.Accounting
	fmt.Fprintf(e.stdout, "%s: rows read %d = %d header + %d before the header + %d blank + %d %s + %d rejected\n",
		o.file, a.Read, a.Header, a.Preamble, a.Blank, a.Used, o.shape.Used, a.Rejected)
	fmt.Fprintf(e.stdout, "relationships made: %d (source %s)\n", a.Relationships, res.Source.Key)
	order, _ := ingest.ParseDateOrder(o.dateOrder)
	fmt.Fprintf(e.stdout, "numeric dates (05/03/2025): %s\n", order.Describe())
	if o.shape.Name == ingest.Removals {
		fmt.Fprintf(e.stdout, "third-country removals: %d people; returns to the country of citizenship: %d people\n", a.ThirdCountry, a.OwnCountry)
	}
	if a.ReportDated > 0 {
		fmt.Fprintf(e.stdout, "%d of %d rows are dated on the file's own date (%s): read as reported by then (date ../DAY, reported DAY), not as when the removals happened\n",
			a.ReportDated, a.Used, res.Source.Published)
		if a.MostlyReportDated() {
			fmt.Fprintf(e.stdout, "warning: most rows carry the file's export date, so the file says little about when its removals happened; merges link them by report date\n")
		}
	}
	if len(a.Unresolved) > 0 {
		var words []string
		for w, n := range a.Unresolved {
			words = append(words, fmt.Sprintf("%q×%d", w, n))
		}
		sort.Strings(words)
		fmt.Fprintf(e.stdout, "nationality words not resolved (kept in notes): %s\n", strings.Join(words, ", "))
	}
	if len(res.Rejects) > 0 {
		reasons := map[string]int{}
		for _, r := range res.Rejects {
			reasons[strings.SplitN(r.Reason, " \"", 2)[0]]++
		}
		var rs []string
		for k, n := range reasons {
			rs = append(rs, fmt.Sprintf("%s: %d", k, n))
		}
		sort.Strings(rs)
		fmt.Fprintf(e.stdout, "rejected rows written to %s (%s)\n", rejectsPath, strings.Join(rs, "; "))
	}
}

func latestMonth(rels []graphmodel.Relationship) graphmodel.Date {
	var best graphmodel.Date
	for _, r := range rels {
		d := r.Date.From
		if d.IsZero() {
			d = r.Date.To // "by" a date: the latest it names
		}
		if best.IsZero() || best.Before(d) {
			best = d
		}
	}
	if best.IsZero() {
		return graphmodel.YearDate(2025)
	}
	return graphmodel.MonthDate(best.Year, max(best.Month, 1))
}

// writeMatches writes the review file of candidate matches, if any.
func writeMatches(ctx context.Context, path string, matches []ingest.Match) error {
	if len(matches) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return safeio.WriteFile(ctx, path, buffered(func(w io.Writer) error { return ingest.WriteMatches(w, matches) }))
}

func printMatches(e env, path string, matches []ingest.Match) {
	if len(matches) == 0 {
		return
	}
	linked := 0
	for _, m := range matches {
		if m.Linked {
			linked++
		}
	}
	fmt.Fprintf(e.stdout, "claims that may repeat existing ones: %d linked to an existing event, %d for review; written to %s\n",
		linked, len(matches)-linked, path)
}
