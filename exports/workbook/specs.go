package workbook

import "github.com/leverage-project/leverage/analysis/network"

var aboutSpec = sheetSpec{"About", "What this workbook is, where its data came from, how to read and cite it.", []column{
	{"Item", kText, 34, "what the row describes"},
	{"Value", kAny, 110, "its value: text, or a number or date where the value is one"},
}}

var countriesSpec = sheetSpec{"Countries", "Every actor the relationships use, and every actor the dataset defines.", []column{
	{"Code", kText, 10, "ISO 3166-1 alpha-2 code (Kosovo XK), ZZ for unspecified nationalities, or a dataset-defined group code"},
	{"Name", kText, 32, "display name"},
	{"Kind", kText, 12, "country, group (an unnamed set of countries a source speaks of) or unspecified"},
	{"Region", kText, 16, "continent or region"},
	{"Alpha-3", kText, 9, "ISO 3166-1 alpha-3 code"},
	{"Aliases", kText, 30, "other names, separated by ;"},
	{"Demonyms", kText, 30, "nationality words, separated by ;"},
	{"Record", kText, 11, "dataset: defined or changed by this dataset (read back on import); reference: from the ISO table"},
	{"Out", kInt, 7, "relationships starting at this actor"},
	{"In", kInt, 7, "relationships ending at this actor"},
	{"Total", kInt, 7, "Out + In"},
}}

var relationshipsSpec = sheetSpec{"Relationships", "Every relationship of the dataset, one row per dated, sourced claim.", []column{
	{"ID", kText, 26, "stable id of the claim; keep it when correcting a row, so the change is recognised"},
	{"Event", kText, 22, "claims sharing an event are alternative accounts of one event; their numbers are never added"},
	{"Type", kText, 18, "approached, received, paid, travel_ban_leverage, other_leverage, concession_sought, onward_return, transit, removal_blocked, migration_context"},
	{"From", kText, 8, "code of the tail (see the README's table of directions)"},
	{"From name", kText, 22, "name of the tail"},
	{"To", kText, 8, "code of the head"},
	{"To name", kText, 22, "name of the head"},
	{"Date", kDate, 12, "when the event happened: a date cell (its first day) when the sources give one date; else EDTF text, e.g. ../2025-05 for \"by May 2025\", 2025-01-20/2025-05 for an interval, 2025-02? for an uncertain date. Never the report's date (see Reported)"},
	{"Date precision", kText, 10, "day, month, quarter or year for one date; interval, before (open start) or after (open end) for a period"},
	{"Status", kText, 14, "outcome or state as reported"},
	{"Instrument", kText, 18, "leverage used or asked for"},
	{"Count", kInt, 10, "number of people"},
	{"Count qualifier", kText, 10, "exact, about, at_least or up_to: how to read Count"},
	{"Amount", kInt, 14, "money, in whole units of Currency"},
	{"Currency", kText, 9, "ISO 4217 code"},
	{"Amount qualifier", kText, 10, "exact, about, at_least or up_to: how to read Amount"},
	{"Confidence", kText, 11, "confirmed (official or independently corroborated), reported (one credible report), claimed (a party's unverified assertion)"},
	{"Sources", kText, 30, "ids of the sources (Sources sheet), separated by ;"},
	{"Note", kWrapped, 80, "the fact in our own words"},
	{"Independent sources", kInt, 11, "independent accounts among Sources: a republication or a restatement of a cited source is not another account (Sources sheet: Republishes, Derived from)"},
	{"Reported", kText, 12, "when the claim was reported (EDTF), where that is not its sources' Published dates, e.g. a tracker's scrape date; empty: the sources' dates"},
	{"Stated by", kText, 10, "approached only: pressed (the pressed country's own account; empty means this), presser (the pressing state's account) or observer; only pressed rows set a country's answer"},
	{"Payment tie", kText, 12, "paid only: tied (a source ties it to accepting deportees), coincident, other_purpose; empty: the sources do not say"},
	{"Part of", kText, 22, "the ID of another row, of the same type and receiver, whose Count includes this row's people (a nationality among a group of about 300); totals count the group once and never add this row, nor call it a reception of unknown size"},
}}

var sourcesSpec = sheetSpec{"Sources", "The documents the claims rest on.", []column{
	{"ID", kText, 28, "stable id cited in Relationships!Sources"},
	{"Publisher", kText, 30, "publisher"},
	{"Title", kText, 50, "title as the document gives it"},
	{"Published", kDate, 12, "first day of the publication period"},
	{"Published precision", kText, 10, "day, month, quarter or year"},
	{"Kind", kText, 10, "news, cable, memo, statement, court, dataset or tracker"},
	{"URL", kURL, 40, "link, where one exists"},
	{"Note", kWrapped, 60, "what the document is, and caveats"},
	{"Cited by", kInt, 9, "number of relationships citing it"},
	{"Domain", kText, 18, "the publisher's web domain, where known"},
	{"Republishes", kText, 24, "id of the source this one republishes: the same report, not an independent one"},
	{"Derived from", kText, 24, "ids of the sources this one restates or reaches us through, separated by ;"},
	{"Availability", kText, 40, "what the stored copy lacks (headline, URL, outlet), so Title never has to say it"},
	{"Account", kText, 24, "the independent account it belongs to: sources sharing an account count once"},
}}

var hubsSpec = sheetSpec{"Hubs", "Hub metrics per country and layer; ranked by PageRank within each layer. Placeholder actors (ZZ, GRP_…) are not ranked: they keep their people in strengths only. Settings on the Metric settings sheet.", append([]column{
	{"Layer", kText, 10, "all, approach, flow, money, leverage or onward (see README: weights)"},
	{"Rank", kInt, 6, "rank by PageRank in the layer; ties broken by code"},
	{"Code", kText, 8, "actor code"},
	{"Name", kText, 26, "actor name"},
	{"Kind", kText, 11, "country, group or unspecified"},
}, metricColumns()...)}

// metricColumns are the Hubs sheet's columns of network.MetricTable, in
// its order, formatted by kind: integers plain, strengths as decimals
// (dollars in the money layer, see builder.hubs), scores to scoreDigits
// significant digits.
func metricColumns() []column {
	var out []column
	for _, s := range network.MetricTable {
		c := column{s.Label, kInt, 9, s.Reading}
		switch s.Kind {
		case network.Strength:
			c.kind, c.width = kFloat, 12
		case network.Score:
			c.kind, c.width = kScore, 11
		}
		if s.Name == "core" {
			c.width = 7 // a one- or two-digit number under a short heading
		}
		out = append(out, c)
	}
	return out
}

var patternsSpec = sheetSpec{"Patterns", "Leverage pattern matches, one row per piece of evidence.", []column{
	{"Match", kInt, 7, "match number; rows with the same number are one match"},
	{"Pattern", kText, 24, "pattern name (see the README and leverage patterns --list)"},
	{"Country", kText, 9, "the country the match is about"},
	{"Country name", kText, 20, "its name"},
	{"Counterpart", kText, 12, "the other actor (presser, payer, origin, destination)"},
	{"Summary", kWrapped, 60, "the match in plain words"},
	{"Evidence ID", kText, 26, "id of a relationship that makes the match"},
	{"Evidence type", kText, 16, "its type"},
	{"From", kText, 8, "its tail"},
	{"To", kText, 8, "its head"},
	{"Date", kModelDate, 11, "its date: the first day of the period, shown to the precision the source gives (a quarter shows its first month)"},
	{"Status", kText, 13, "its status"},
	{"Sources", kText, 30, "its sources"},
	{"Note", kWrapped, 70, "its note"},
}}

var profilesSpec = sheetSpec{"Profiles", "One row per actor: the leverage applied to it and how it answered.", []column{
	{"Code", kText, 8, "actor code"},
	{"Name", kText, 24, "actor name"},
	{"Region", kText, 14, "region"},
	{"Latest answer", kText, 13, "its answer in force: the latest of its own statements by event time; disputed when those in force disagree; no_answer when none of its own is reported"},
	{"Instruments", kText, 30, "instruments applied to it or asked for by it"},
	{"Approaches", kInt, 10, "approaches to it"},
	{"Leverage and payments", kInt, 10, "payments, travel-ban and other leverage aimed at it"},
	{"Concessions sought", kInt, 10, "concessions it asked for"},
	{"People received", kInt, 10, "at least this many people received from other nationalities (face value; each event once); empty when no size is given"},
	{"Paid to it (USD)", kUSD, 14, "money paid to it in USD (each event once)"},
	{"First", kModelDate, 10, "earliest date, shown to its precision"},
	{"Last", kModelDate, 10, "latest date, shown to its precision"},
	{"Patterns", kText, 40, "patterns it appears in"},
	{"Receptions of unknown size", kInt, 10, "its receptions no source gives a number for: they add an unknown number to People received"},
}}

var communitiesSpec = sheetSpec{"Communities", "Louvain communities of the union layer (placeholders left out), with how stable they are and how they compare with random graphs.", []column{
	{"Layer", kText, 8, "layer the communities were found in"},
	{"Community", kInt, 10, "community number, 1 = largest"},
	{"Size", kInt, 7, "members"},
	{"Code", kText, 8, "member code"},
	{"Name", kText, 26, "member name"},
	{"Region", kText, 14, "member region"},
	{"Modularity", kScore, 11, "Newman modularity of the whole partition"},
	{"Seed", kInt, 6, "Louvain seed"},
	{"Stability (NMI)", kFloat, 11, "mean pairwise normalised mutual information of the partitions of 10 seeded Louvain runs (1 = always the same)"},
	{"Null modularity mean", kFloat, 11, "mean modularity Louvain finds on randomisations of the layer that keep each relationship type's in- and out-degrees (at least 100; About has the p-values and verdict)"},
	{"Null modularity SD", kFloat, 11, "their standard deviation; the verdict rests on the empirical p-values on the About sheet, not on this"},
}}

var timelineSpec = sheetSpec{"Timeline", "Events per month; claims dated only to a quarter or year in their own rows, never in a month.", []column{
	{"Period", kText, 22, "YYYY-MM for a month; \"YYYY, month unknown\" or \"YYYY-Qn, month unknown\" for claims dated only to a year or quarter, after the period's last month"},
	{"Precision", kText, 9, "month, quarter or year"},
	{"Approaches", kInt, 10, "approach events dated in the period (alternative accounts once; the campaign's)"},
	{"Agreements", kInt, 10, "approaches the pressed country answered agreed or conditional in its own account"},
	{"Receptions", kInt, 10, "reception events of other nationalities that happened (planned ones and own citizens' returns are not receptions)"},
	{"People", kInt, 10, "at least this many people in those receptions (face value, each event once)"},
	{"Payments", kInt, 10, "payment events made"},
	{"Leverage", kInt, 10, "travel-ban and other leverage events"},
	{"Court blocks", kInt, 10, "removals blocked by courts (a lifting is not a block)"},
	{"Receptions of unknown size", kInt, 10, "receptions no source gives a number for: they add an unknown number to People"},
	{"Blocks lifted", kInt, 10, "court blocks a higher court lifted"},
}}

var dependenciesSpec = sheetSpec{"Dependencies", "Nationalities received by a single third country.", []column{
	{"Nationality", kText, 11, "nationality code"},
	{"Nationality name", kText, 20, "its name"},
	{"Only receiver", kText, 10, "the one third country that received them"},
	{"Receiver name", kText, 20, "its name"},
	{"People", kInt, 9, "at least this many people (face value, each event once); empty when no source gives a size"},
	{"Evidence", kText, 40, "relationship ids"},
	{"Sources", kText, 40, "their sources"},
	{"Receptions of unknown size", kInt, 10, "receptions no source gives a number for"},
}}

var metricSettingsSpec = sheetSpec{"Metric settings", "How every number on Hubs and Communities was computed, per layer, so it can be reproduced.", []column{
	{"Layer", kText, 10, "layer"},
	{"Metric", kText, 26, "metric (column of Hubs or Communities)"},
	{"Definition", kText, 70, "what it computes, with the networkx function it follows"},
	{"Weighted", kText, 9, "yes if edge weights enter"},
	{"Damping", kFloat, 9, "PageRank damping"},
	{"Tolerance", kFloat, 10, "convergence tolerance"},
	{"Iterations", kInt, 10, "iterations (PageRank) or products with A·Aᵀ (HITS) run"},
	{"Converged", kText, 10, "yes if the tolerance was met"},
	{"Seeds", kText, 30, "seeds of the community runs"},
	{"Resolution", kFloat, 10, "modularity resolution"},
	{"Nodes", kInt, 8, "nodes of the graph it ran on"},
	{"Edges", kInt, 8, "edges of the graph it ran on (directed pairs; undirected for communities)"},
	{"Dataset hash", kText, 20, "full SHA-256 content hash of the dataset"},
}}

var dictionarySpec = sheetSpec{"Data dictionary", "Every column of every sheet explained.", []column{
	{"Sheet", kText, 16, "sheet name"},
	{"Column", kText, 22, "column header"},
	{"On import", kWrapped, 34, "what leverage import does with the column: read, derived (computed from other columns, not read) or not read"},
	{"Meaning", kWrapped, 110, "what the column holds"},
}}

// dataSpecs are the sheets in workbook order (About first, dictionary last).
func dataSpecs(withAnalysis bool) []sheetSpec {
	s := []sheetSpec{aboutSpec, countriesSpec, relationshipsSpec, sourcesSpec}
	if withAnalysis {
		s = append(s, hubsSpec, patternsSpec, profilesSpec, communitiesSpec, timelineSpec, dependenciesSpec, metricSettingsSpec)
	}
	return append(s, dictionarySpec)
}
