package analysis

import (
	"slices"
	"testing"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/fixtures"
	"github.com/leverage-project/leverage/graphmodel"
)

// A dataset whose placeholders are not called ZZ or GRP_…: the rules must
// follow the actor's kind, not its code.
func placeholderDataset(t *testing.T) *graphmodel.Dataset {
	t.Helper()
	reg, err := graphmodel.NewRegistry([]graphmodel.Country{{Code: "US", Name: "United States"}, {Code: "PA", Name: "Panama"},
		{Code: "CR", Name: "Costa Rica"}, {Code: "AF", Name: "Afghanistan"}, {Code: "IN", Name: "India"},
		{Code: "XU", Name: "Unnamed people", Kind: graphmodel.KindUnspecified}, {Code: "XG", Name: "Unnamed countries", Kind: graphmodel.KindGroup}})
	if err != nil {
		t.Fatal(err)
	}
	recv := func(key string, from, to graphmodel.Code, n int64) graphmodel.Relationship {
		return graphmodel.Relationship{Key: key, Type: graphmodel.Received, FromCountry: from, ToCountry: to, Status: graphmodel.Completed,
			Count: graphmodel.Count{Value: n, Qualifier: graphmodel.Exact}, Confidence: graphmodel.Reported}
	}
	return &graphmodel.Dataset{Registry: reg, Relationships: []graphmodel.Relationship{
		recv("r1", "AF", "PA", 10), recv("r2", "XU", "PA", 300), recv("r3", "XU", "CR", 200), recv("r4", "IN", "CR", 5),
		recv("r5", "IN", "XG", 7),
		{Key: "o1", Type: graphmodel.OnwardReturn, FromCountry: "PA", ToCountry: "XU", Count: graphmodel.Count{Value: 80, Qualifier: graphmodel.Exact}, Confidence: graphmodel.Reported},
	}}
}

func TestPlaceholdersAreNotPathNodes(t *testing.T) {
	d := placeholderDataset(t)
	g := View(d, LayerFlow, Window{})
	if got := g.Placeholders(); !slices.Equal(got, []string{"XG", "XU"}) {
		t.Fatalf("placeholders %v, want [XG XU] (by kind, not code)", got)
	}
	ms := hubsOf(t, g)
	at := func(n string) network.NodeMetrics { i, _ := g.Index(n); return ms[i] }
	// By hand: PA takes 10 AF + 300 XU; CR takes 200 XU + 5 IN.
	if pa := at("PA"); pa.InStrength != 310 || pa.InDegree != 1 || pa.OutStrength != 80 || pa.OutDegree != 0 {
		t.Errorf("PA: in_strength %v in_degree %d out_strength %v out_degree %d; want 310, 1, 80, 0 (people kept, XU not a neighbour)",
			pa.InStrength, pa.InDegree, pa.OutStrength, pa.OutDegree)
	}
	// With XU a node, PA → XU → CR would be a path: CR reached from PA
	// and AF too (harmonic 1 + 1/2 + 1/3 + …). Without it, only IN reaches
	// CR, one hop: harmonic 1.
	if cr := at("CR"); cr.Harmonic != 1 {
		t.Errorf("CR harmonic %v, want 1 (IN only; no path PA→XU→CR)", cr.Harmonic)
	}
	ranked, _ := network.Rank(ms, "in_strength")
	for _, m := range ranked {
		if m.Node == "XU" || m.Node == "XG" {
			t.Errorf("placeholder %s ranked", m.Node)
		}
	}
	for _, c := range louvainOf(t, g, 1).Members {
		if slices.Contains(c, "XU") || slices.Contains(c, "XG") {
			t.Errorf("placeholder in community %v", c)
		}
	}
	// IN went to CR and to XG (which may be several countries): no single
	// receiver. AF went to PA only.
	deps := SingleReceiverDependenciesWith(d, Window{}, Options{})
	if len(deps) != 1 || deps[0].Nationality != "AF" || deps[0].Receiver != "PA" {
		t.Errorf("dependencies %+v, want AF→PA only", deps)
	}

	all := ViewWith(d, LayerFlow, Window{}, Options{IncludePlaceholders: true})
	ranked, _ = network.Rank(hubsOf(t, all), "in_strength")
	if len(ranked) != all.Len() || !slices.ContainsFunc(ranked, func(m network.NodeMetrics) bool { return m.Node == "XU" }) {
		t.Errorf("--include-placeholders: XU not ranked")
	}
	deps = SingleReceiverDependenciesWith(d, Window{}, Options{IncludePlaceholders: true})
	// XU went to PA and CR: two receivers, so still no dependency; IN's
	// only other receiver is now an ordinary node, so IN is not single either.
	if slices.ContainsFunc(deps, func(x Dependency) bool { return x.Nationality == "XU" || x.Nationality == "IN" }) {
		t.Errorf("XU or IN listed as single-receiver: %+v", deps)
	}
}

func TestChainReturnTestsKind(t *testing.T) {
	d := placeholderDataset(t)
	p, _ := PatternByName("chain_return")
	ms := p.Find(d, Window{})
	if len(ms) != 1 || ms[0].Country != "PA" || ms[0].Other != "XU" {
		t.Errorf("chain_return %+v, want PA sending on to the unspecified XU", ms)
	}
}

// A planned reception is no reception: not in patterns, the timeline, the
// flow layer, profiles or dependencies.
func TestPlannedIsNoReception(t *testing.T) {
	reg, _ := graphmodel.NewRegistry([]graphmodel.Country{{Code: "US"}, {Code: "SS"}, {Code: "VN"}})
	d := &graphmodel.Dataset{Registry: reg, Relationships: []graphmodel.Relationship{
		{Key: "a", Type: graphmodel.Approached, FromCountry: "US", ToCountry: "SS", Status: graphmodel.Agreed, Date: graphmodel.On(graphmodel.MonthDate(2025, 5)), Confidence: graphmodel.Reported},
		{Key: "p", Type: graphmodel.Paid, FromCountry: "US", ToCountry: "SS", Status: graphmodel.Completed, Date: graphmodel.On(graphmodel.MonthDate(2025, 5)),
			Money: graphmodel.Money{Amount: 1, Currency: "USD", Qualifier: graphmodel.Exact}, Confidence: graphmodel.Reported},
		{Key: "r", Type: graphmodel.Received, FromCountry: "VN", ToCountry: "SS", Status: graphmodel.Planned, Date: graphmodel.On(graphmodel.MonthDate(2025, 5)),
			Count: graphmodel.Count{Value: 1, Qualifier: graphmodel.Exact}, Confidence: graphmodel.Reported},
	}}
	nothing, _ := PatternByName("agreed_nothing_received")
	if ms := nothing.Find(d, Window{}); len(ms) != 1 || ms[0].Country != "SS" {
		t.Errorf("agreed_nothing_received %+v, want SS: its only reception is planned", ms)
	}
	pay, _ := PatternByName("payment_acceptance")
	for _, m := range pay.Find(d, Window{}) {
		for _, e := range m.Evidence {
			if e.Key == "r" {
				t.Errorf("payment_acceptance cites the planned reception")
			}
		}
	}
	for _, m := range Timeline(d, Window{}) {
		if m.Receptions != 0 || m.People != 0 {
			t.Errorf("timeline %s: %d receptions, %d people; want 0", m.Month, m.Receptions, m.People)
		}
	}
	if g := View(d, LayerFlow, Window{}); g.Edges() != 0 {
		t.Errorf("flow layer has %d edges, want 0", g.Edges())
	}
	if p := ProfileOf(d, "SS", Window{}); len(p.Received) != 0 || p.PeopleIn != 0 {
		t.Errorf("SS profile: received %v, people %d", p.Received, p.PeopleIn)
	}
	if deps := SingleReceiverDependenciesWith(d, Window{}, Options{}); len(deps) != 0 {
		t.Errorf("dependencies %+v", deps)
	}
}

// On the seed, no placeholder is ranked, joins a community or makes a
// dependency in any layer by default; with IncludePlaceholders ZZ returns.
func TestSeedPlaceholdersLeftOut(t *testing.T) {
	d, err := fixtures.Seed()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range Layers {
		g := View(d, l, Window{})
		ranked, _ := network.Rank(hubsOf(t, g), "pagerank")
		for _, m := range ranked {
			if IsPlaceholder(d.Registry, graphmodel.Code(m.Node)) {
				t.Errorf("%s: %s ranked", l, m.Node)
			}
		}
		for _, c := range louvainOf(t, g, 1).Members {
			for _, m := range c {
				if IsPlaceholder(d.Registry, graphmodel.Code(m)) {
					t.Errorf("%s: %s in a community", l, m)
				}
			}
		}
	}
	for _, dep := range SingleReceiverDependenciesWith(d, Window{}, Options{}) {
		if IsPlaceholder(d.Registry, dep.Nationality) || IsPlaceholder(d.Registry, dep.Receiver) {
			t.Errorf("dependency %+v", dep)
		}
	}
	g := ViewWith(d, LayerAll, Window{}, Options{IncludePlaceholders: true})
	ranked, _ := network.Rank(hubsOf(t, g), "pagerank")
	if !slices.ContainsFunc(ranked, func(m network.NodeMetrics) bool { return m.Node == "ZZ" }) {
		t.Error("with placeholders included, ZZ is not ranked")
	}
}

// Two accounts of one payment ($5M reported, $15M claimed): one edge of
// the more confident claim's weight, one relationship behind it, and the
// other claim adds nothing, weight or degree.
func TestAlternativeClaimsEnterOnce(t *testing.T) {
	reg, _ := graphmodel.NewRegistry([]graphmodel.Country{{Code: "US"}, {Code: "SV"}})
	pay := func(key string, amount int64, c graphmodel.Confidence) graphmodel.Relationship {
		return graphmodel.Relationship{Key: key, Event: "ev", Type: graphmodel.Paid, FromCountry: "US", ToCountry: "SV", Status: graphmodel.Completed,
			Money: graphmodel.Money{Amount: amount, Currency: "USD", Qualifier: graphmodel.About}, Confidence: c}
	}
	d := &graphmodel.Dataset{Registry: reg, Relationships: []graphmodel.Relationship{pay("a", 5_000_000, graphmodel.Reported), pay("b", 15_000_000, graphmodel.Claimed)}}
	if rs := LayerRelationships(d, LayerMoney, Window{}); len(rs) != 1 || rs[0].Key != "a" {
		t.Errorf("layer relationships %v, want only the reported claim", rs)
	}
	g := View(d, LayerMoney, Window{})
	if el := g.EdgeList(); len(el) != 1 || el[0].Weight != 5_000_000 {
		t.Errorf("edges %v, want one of $5M", el)
	}
}
