// Package csvdir reads and writes a leverage dataset as a directory of CSV
// files: meta.csv, countries.csv (optional), sources.csv and
// relationships.csv. The column dictionary is in docs/dataset-format.md.
//
// Reading is all or nothing: every problem found is reported with file,
// line, column and field, and no dataset is returned. Writing is byte-stable:
// reading a directory this package wrote and writing it again gives the same
// bytes.
package csvdir

// File names inside a dataset directory.
const (
	MetaFile          = "meta.csv"
	CountriesFile     = "countries.csv"
	SourcesFile       = "sources.csv"
	RelationshipsFile = "relationships.csv"
)

// Column names, in the order written. Readers accept any order and require
// the columns marked required in the dictionary.
var (
	MetaColumns         = []string{"key", "value"}
	CountryColumns      = []string{"code", "name", "kind", "region", "alpha3", "aliases", "demonyms"}
	SourceColumns       = []string{"id", "publisher", "title", "published", "kind", "url", "domain", "republishes", "derived_from", "availability", "note"}
	RelationshipColumns = []string{"id", "event", "type", "from", "to", "date", "reported", "status", "stated_by", "instrument", "payment_tie", "count", "count_qualifier", "part_of", "amount", "currency", "amount_qualifier", "confidence", "sources", "note"}
	// relationshipColumns12 are the columns before dataset 1.3.0 added
	// part_of: WriteRelationships writes only these for a dataset that
	// sets no part_of, so a 1.2.0 dataset written back keeps its bytes.
	relationshipColumns12 = []string{"id", "event", "type", "from", "to", "date", "reported", "status", "stated_by", "instrument", "payment_tie", "count", "count_qualifier", "amount", "currency", "amount_qualifier", "confidence", "sources", "note"}
	// relationshipColumns11 are the columns before dataset 1.2.0 added
	// reported, stated_by and payment_tie: WriteRelationships writes only
	// these for a dataset that uses none of the three, so an older
	// dataset written back keeps its bytes.
	relationshipColumns11 = []string{"id", "event", "type", "from", "to", "date", "status", "instrument", "count", "count_qualifier", "amount", "currency", "amount_qualifier", "confidence", "sources", "note"}
	requiredCountry       = []string{"code"}
	requiredSource        = []string{"id", "publisher", "title", "published", "kind"}
	requiredRelationship  = []string{"id", "type", "from", "to", "date", "confidence", "sources", "note"}
)

// listSep separates the items of a list-valued cell (sources, aliases).
const listSep = ";"
