// Package graphmodel is the domain of leverage: countries (and the few
// non-country actors a dataset needs), sources, and dated, sourced
// relationships between them, forming a directed multigraph.
//
// A Country satisfies gonum's graph.Node and a Relationship satisfies
// graph.Line, so a Dataset can be handed to gonum's multigraph algorithms
// without copying. The package depends on the standard library, gonum's
// graph interfaces and golang.org/x/text's Unicode normalisation (names are
// looked up with accents removed, NormalizeName) only; readers and writers for concrete formats, and
// the ISO 3166 reference table, live in subpackages. The analysis hands its
// per-node metrics to a store as NodeMetrics, declared here, so no store
// imports the analysis. Its one file access is ContentHasher's spill file
// in the temporary directory.
//
// Direction conventions, chosen so that the questions analysts ask first are
// one hop in Go and in Cypher:
//
//	approached          pressing country  -> pressed country
//	received            nationality       -> receiving country
//	paid                payer             -> payee
//	travel_ban_leverage pressing country  -> target (country or group)
//	other_leverage      pressing country  -> target
//	concession_sought   asking country    -> asked country
//	onward_return       first receiver    -> country the people were sent on to
//	transit             waypoint country  -> destination country
//	removal_blocked     deporting country -> intended destination
//	migration_context   nationality       -> host (context, not deportation)
//
// "Where did nationals of N end up" is N's outgoing received lines; "whom did
// R receive" is R's incoming received lines.
package graphmodel
