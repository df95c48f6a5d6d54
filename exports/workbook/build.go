package workbook

import (
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

func (b *builder) build() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", b.opt.Lang.T(aboutSpec.name)); err != nil {
		return err
	}
	// Sheets are created in reading order first; they are filled in the
	// order the data allows (relationships first: their pass counts what
	// Countries and Sources show).
	for _, s := range dataSpecs(!b.opt.SkipAnalysis)[1:] {
		if _, err := f.NewSheet(b.opt.Lang.T(s.name)); err != nil {
			return err
		}
	}
	steps := []func() error{b.relationships, b.countries, b.sources}
	var ctx *analysisResults
	if !b.opt.SkipAnalysis {
		ctx = b.analyze()
		steps = append(steps, func() error { return b.hubs(ctx) }, func() error { return b.patterns(ctx) },
			func() error { return b.profiles(ctx) }, func() error { return b.communities(ctx) },
			func() error { return b.timeline(ctx) }, func() error { return b.dependencies(ctx) },
			func() error { return b.metricSettings(ctx) })
	}
	steps = append(steps, b.dictionary, func() error { return b.about(ctx) })
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:       "leverage workbook: " + b.d.Meta.Name,
		Subject:     "Leverage network of third-country deportation diplomacy",
		Creator:     "leverage",
		Description: "Dataset " + b.describe() + "; generated " + b.opt.Generated.UTC().Format("2006-01-02T15:04:05Z"),
		Created:     b.opt.Generated.UTC().Format("2006-01-02T15:04:05Z"),
		Modified:    b.opt.Generated.UTC().Format("2006-01-02T15:04:05Z"),
		Language:    "en",
	})
}

// contentHash is the dataset's hash; a streamed export never holds the
// relationships, so it says how to get the hash instead.
func (b *builder) contentHash() string {
	if b.opt.Stream != nil {
		return "not computed for a streamed export; run leverage validate --data on the dataset"
	}
	// The whole dataset's hash, also when the export is cut to a window:
	// the part's own hash has its own row (subsetHash).
	return b.d.Provenance().ContentHash
}

// subsetHash is the content hash of the relationships in the window, ""
// when the export holds the whole dataset.
func (b *builder) subsetHash() string {
	if b.opt.Stream != nil {
		return ""
	}
	return b.d.Provenance().SubsetHash
}

func (b *builder) describe() string {
	s := b.d.Meta.Name
	if s == "" {
		s = "unnamed dataset"
	}
	if b.d.Meta.Version != "" {
		s += " " + b.d.Meta.Version
	}
	if b.opt.Stream != nil {
		return s
	}
	return s + " (sha256 " + b.d.ContentHash() + ")"
}

type analysisResults struct {
	summary     analysis.Summary
	hubs        map[analysis.Layer][]network.NodeMetrics
	runs        map[analysis.Layer][]network.MetricRun
	communities network.Communities
	stability   network.Stability
	patterns    []analysis.Match
	timeline    []analysis.Month
	deps        []analysis.Dependency
	profiles    []analysis.Profile
}

func (b *builder) analyze() *analysisResults {
	res := b.opt.Results
	if res == nil {
		res = analysis.NewResults(b.d, b.opt.Window, analysis.Options{}, b.opt.Seed)
	}
	r := &analysisResults{summary: res.Summary(), hubs: map[analysis.Layer][]network.NodeMetrics{},
		runs: map[analysis.Layer][]network.MetricRun{}}
	for _, l := range analysis.Layers {
		lr := res.Layer(l)
		ranked, _ := lr.Ranked("pagerank")
		r.hubs[l], r.runs[l] = ranked, lr.Runs
	}
	r.communities = res.Layer(analysis.LayerAll).Communities()
	r.stability = res.Stability()
	r.patterns = res.Patterns()
	r.timeline = res.Timeline()
	r.deps = res.Dependencies()
	r.profiles = res.Profiles()
	return r
}

// name is a country's name: its CLDR name in the workbook's language
// when the dataset keeps the reference name, its own name otherwise.
func (b *builder) name(c graphmodel.Code) string {
	n := b.d.Registry.Name(c)
	if b.opt.Lang == "" {
		return n
	}
	if l := b.opt.Lang.CountryName(c); l != "" && b.refName(c) == n {
		return l
	}
	return n
}

// refName is the name the reference table gives a code.
func (b *builder) refName(c graphmodel.Code) string {
	if b.ref == nil {
		b.ref = iso3166.Registry()
	}
	return b.ref.Name(c)
}

func (b *builder) countries() error {
	var order []graphmodel.Code
	seen := map[graphmodel.Code]bool{}
	add := func(c graphmodel.Code) {
		if !seen[c] {
			seen[c] = true
			order = append(order, c)
		}
	}
	record := map[graphmodel.Code]bool{}
	for _, c := range b.d.Countries {
		add(c.Code)
		record[c.Code] = true
	}
	for c := range b.out {
		add(c)
	}
	for c := range b.in {
		add(c)
	}
	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	t, err := b.table(countriesSpec, len(order))
	if err != nil {
		return err
	}
	for _, code := range order {
		c, _ := b.d.Registry.Country(code)
		rec := "reference"
		if record[code] {
			rec = "dataset"
		}
		if err := t.add(string(code), b.name(code), string(c.Kind), c.Region, c.Alpha3, strings.Join(c.Aliases, "; "),
			strings.Join(c.Demonyms, "; "), rec, b.out[code], b.in[code], b.out[code]+b.in[code]); err != nil {
			return err
		}
	}
	return t.close()
}

func intOrNil(present bool, v int64) any {
	if !present {
		return nil
	}
	return v
}

// each yields the relationships, from the dataset or the stream.
func (b *builder) each(fn func(*graphmodel.Relationship) error) error {
	if b.opt.Stream != nil {
		return b.opt.Stream(fn)
	}
	for i := range b.d.Relationships {
		if err := fn(&b.d.Relationships[i]); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) relCount() int {
	if b.opt.Stream != nil {
		return b.opt.StreamCount
	}
	return len(b.d.Relationships)
}

func (b *builder) relationships() error {
	n := b.relCount()
	t, err := b.tableWith(relationshipsSpec, n, b.relationshipDecor)
	if err != nil {
		return err
	}
	p := b.opt.Progress
	p.Start("writing relationships", int64(n))
	defer p.Done()
	b.out, b.in, b.cited = map[graphmodel.Code]int{}, map[graphmodel.Code]int{}, map[string]int{}
	i := 0
	err = b.each(func(r *graphmodel.Relationship) error {
		b.out[r.FromCountry]++
		b.in[r.ToCountry]++
		for _, s := range r.Sources {
			b.cited[s]++
		}
		var prec, date any
		if !r.Date.IsZero() {
			prec = r.Date.Kind()
			// One date is a date cell at its precision; a period wider than
			// one date (an interval, "by", "since") or a qualified one is
			// EDTF text, which the reader takes back as it is.
			date = r.Date.String()
			if d, ok := r.Date.Single(); ok && !r.Date.Qualified() {
				date = d.Start()
			}
		}
		if err := t.add(r.Key, r.Event, string(r.Type), string(r.FromCountry), b.name(r.FromCountry),
			string(r.ToCountry), b.name(r.ToCountry), date, prec, string(r.Status), string(r.Instrument),
			intOrNil(!r.Count.IsZero(), r.Count.Value), string(r.Count.Qualifier),
			intOrNil(!r.Money.IsZero(), r.Money.Amount), r.Money.Currency, string(r.Money.Qualifier),
			string(r.Confidence), strings.Join(r.Sources, "; "), r.Note, b.lineage().Independent(r.Sources),
			r.Reported.String(), string(r.StatedBy), string(r.PaymentTie), r.PartOf); err != nil {
			return err
		}
		i++
		if i%10000 == 0 {
			p.Add(10000)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return t.close()
}

func (b *builder) sources() error {
	urlCol := sourcesSpec.index("URL") + 1
	t, err := b.tableWith(sourcesSpec, len(b.d.Sources), func(sheet string, first, rows int) error {
		for i := 0; i < rows; i++ {
			if u := b.d.Sources[first+i].URL; u != "" {
				cell, _ := excelize.CoordinatesToCellName(urlCol, i+2)
				if err := b.f.SetCellHyperLink(sheet, cell, u, "External"); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cited := b.cited
	for _, s := range b.d.Sources {
		if err := t.add(s.Key, s.Publisher, s.Title, s.Published.Start(), s.Published.Precision.String(),
			string(s.Kind), s.URL, s.Note, cited[s.Key], s.Domain, s.Republishes, strings.Join(s.DerivedFrom, "; "),
			s.Availability, b.lineage().Account(s.Key)); err != nil {
			return err
		}
	}
	return t.close()
}

func (b *builder) hubs(a *analysisResults) error {
	n := 0
	for _, l := range analysis.Layers {
		n += len(a.hubs[l])
	}
	t, err := b.tableWith(hubsSpec, n, b.hubsDecor(a))
	if err != nil {
		return err
	}
	for _, l := range analysis.Layers {
		for i, m := range a.hubs[l] {
			c, _ := b.d.Registry.Country(graphmodel.Code(m.Node))
			row := append(make([]any, 0, len(hubsSpec.columns)), string(l), i+1, m.Node, b.name(graphmodel.Code(m.Node)), string(c.Kind))
			for _, s := range network.MetricTable {
				v := s.Value(&m)
				switch {
				case s.Kind == network.Integer:
					row = append(row, int(v))
				case s.Kind == network.Strength && l == analysis.LayerMoney:
					// The money view weighs payments by amount: dollars.
					row = append(row, excelize.Cell{StyleID: b.st.usd, Value: v})
				default:
					row = append(row, v)
				}
			}
			if err := t.add(row...); err != nil {
				return err
			}
		}
	}
	return t.close()
}

func (b *builder) patterns(a *analysisResults) error {
	n := 0
	for _, m := range a.patterns {
		n += len(m.Evidence)
	}
	t, err := b.table(patternsSpec, n)
	if err != nil {
		return err
	}
	for i, m := range a.patterns {
		for _, ev := range m.Evidence {
			if err := t.add(i+1, m.Pattern, string(m.Country), b.name(m.Country), string(m.Other), m.Summary,
				ev.Key, string(ev.Type), string(ev.From), string(ev.To), ev.Date, string(ev.Status),
				strings.Join(ev.Sources, "; "), ev.Note); err != nil {
				return err
			}
		}
	}
	return t.close()
}

func (b *builder) profiles(a *analysisResults) error {
	t, err := b.table(profilesSpec, len(a.profiles))
	if err != nil {
		return err
	}
	for _, p := range a.profiles {
		var pats []string
		for _, m := range p.Patterns {
			if !contains(pats, m.Pattern) {
				pats = append(pats, m.Pattern)
			}
		}
		answer := string(p.Outcome)
		if p.Answer != "" && p.Answer != analysis.Answered {
			answer = string(p.Answer)
		}
		if err := t.add(string(p.Country), p.Name, p.Region, answer, strings.Join(p.Instruments, "; "),
			len(p.Approaches), len(p.Leverage), len(p.Concessions), knownPeople(p.PeopleIn, p.UnknownIn), p.MoneyIn["USD"], p.First, p.Last,
			strings.Join(pats, "; "), p.UnknownIn); err != nil {
			return err
		}
	}
	return t.close()
}

func contains(s []string, x string) bool {
	for _, e := range s {
		if e == x {
			return true
		}
	}
	return false
}

func (b *builder) communities(a *analysisResults) error {
	c := a.communities
	n := 0
	for _, m := range c.Members {
		n += len(m)
	}
	t, err := b.table(communitiesSpec, n)
	if err != nil {
		return err
	}
	for i, members := range c.Members {
		for _, m := range members {
			k, _ := b.d.Registry.Country(graphmodel.Code(m))
			st := a.stability
			if err := t.add(string(analysis.LayerAll), i+1, len(members), m, b.name(graphmodel.Code(m)), k.Region,
				c.Modularity, int64(c.Seed), st.MeanNMI, st.NullMean, st.NullSD); err != nil {
				return err
			}
		}
	}
	return t.close()
}

func (b *builder) timeline(a *analysisResults) error {
	t, err := b.tableWith(timelineSpec, len(a.timeline), b.timelineDecor)
	if err != nil {
		return err
	}
	for _, m := range a.timeline {
		if err := t.add(m.Label, m.Precision, m.Approaches, m.Agreements, m.Receptions, knownPeople(m.People, m.UnknownSize), m.Payments, m.Leverage, m.Blocks,
			m.UnknownSize, m.Lifts); err != nil {
			return err
		}
	}
	return t.close()
}

// knownPeople is a people cell: empty, not 0, when the only receptions
// have no size a source gives (unknown is not zero).
func knownPeople(n int64, unknown int) any {
	if n == 0 && unknown > 0 {
		return nil
	}
	return n
}

func (b *builder) dependencies(a *analysisResults) error {
	t, err := b.table(dependenciesSpec, len(a.deps))
	if err != nil {
		return err
	}
	for _, dep := range a.deps {
		var ids, srcs []string
		for _, ev := range dep.Evidence {
			ids = append(ids, ev.Key)
			for _, s := range ev.Sources {
				if !contains(srcs, s) {
					srcs = append(srcs, s)
				}
			}
		}
		if err := t.add(string(dep.Nationality), b.name(dep.Nationality), string(dep.Receiver), b.name(dep.Receiver),
			knownPeople(dep.People, dep.UnknownSize), strings.Join(ids, "; "), strings.Join(srcs, "; "), dep.UnknownSize); err != nil {
			return err
		}
	}
	return t.close()
}

func (b *builder) dictionary() error {
	n := 0
	for _, s := range dataSpecs(!b.opt.SkipAnalysis) {
		n += len(s.columns)
	}
	t, err := b.table(dictionarySpec, n)
	if err != nil {
		return err
	}
	for _, s := range dataSpecs(!b.opt.SkipAnalysis) {
		for _, c := range s.columns {
			l := b.opt.Lang
			if err := t.add(l.T(s.name), l.T(c.name), l.T(importRole(s.name, c.name)), l.meaning(s.name, c)); err != nil {
				return err
			}
		}
	}
	return t.close()
}
