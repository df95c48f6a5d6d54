package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// Shape is the kind of table being ingested.
type Shape string

const (
	Removals Shape = "removals" // person-level removal records
	Tracker  Shape = "tracker"  // one row per destination or flight
)

// ShapeSpec is one kind of table ingest reads: its fields and the column
// headers they default to, the fields a header row must have, and the
// converter of its rows.
type ShapeSpec struct {
	Name Shape
	// SourceKind is the kind of source a file of this shape is.
	SourceKind graphmodel.SourceKind
	// Used says what became of a used row: "aggregated" or "imported".
	Used string
	// columns are the field names and the column headers they default
	// to, in preference order; matching ignores case, spaces, underscores
	// and punctuation.
	columns  map[string][]string
	required []string
	convert  func(Options, *Result) converter
}

// shapes are every shape, registered here only; an unknown shape is an
// error everywhere (LookupShape).
var shapes = []ShapeSpec{
	{Name: Removals, SourceKind: "dataset", Used: "aggregated",
		columns: map[string][]string{
			"citizenship": {"Citizenship Country", "Citizenship", "Country of Citizenship", "Nationality"},
			"departure":   {"Departure Country", "Removal Country", "Destination Country", "Country of Removal", "Removed To"},
			"date":        {"Departed Date", "Departure Date", "Removal Date", "Date"},
			"id":          {"Unique Identifier", "Anonymized Identifier", "Anonymized ID", "Person ID", "ID"},
		},
		required: []string{"citizenship", "departure", "date"},
		convert:  func(opt Options, res *Result) converter { return newRemovals(opt, res) }},
	{Name: Tracker, SourceKind: "tracker", Used: "imported",
		columns: map[string][]string{
			// After the English headers, their Spanish, French and
			// Portuguese equivalents, as trackers kept in those languages
			// head them.
			"destination": {"Destination", "Destination Country", "Country", "Receiving Country", "Removed To",
				"Destino", "País de destino", "Pays de destination", "País"},
			"date":     {"Date", "Start Date", "Date Start", "Flight Date", "Date of Removal", "Fecha", "Data"},
			"date_end": {"Date Range End", "End Date", "Date End", "To Date", "Fecha final", "Date de fin", "Data final"},
			"number": {"Number Removed", "Number", "Count", "People", "Number of People", "Deportees",
				"Número", "Cantidad", "Personas", "Nombre", "Personnes", "Quantidade", "Pessoas"},
			"nationalities": {"Origin Nationalities", "Nationalities", "Nationality", "Origin", "Citizenship",
				"Nacionalidades", "Nacionalidad", "Nationalités", "Nationalité"},
			"source_url": {"Source URL", "Source", "Sources", "URL", "Link", "Fuente", "Enlace", "Fonte", "Lien"},
			"notes":      {"Notes", "Note", "Details", "Comments", "Notas", "Nota", "Remarques", "Observaciones", "Observações"},
		},
		required: []string{"destination"},
		convert:  func(opt Options, res *Result) converter { return newTracker(opt, res) }},
}

// removalsSpec is the removals entry, for the parallel fast path.
var removalsSpec, _ = LookupShape(Removals)

// Shapes lists every shape's name, in registration order.
func Shapes() []string {
	out := make([]string, len(shapes))
	for i, s := range shapes {
		out[i] = string(s.Name)
	}
	return out
}

// LookupShape returns the shape called s.
func LookupShape(s Shape) (ShapeSpec, error) {
	for _, spec := range shapes {
		if spec.Name == s {
			return spec, nil
		}
	}
	return ShapeSpec{}, fmt.Errorf("ingest: unknown shape %q (%s)", s, strings.Join(Shapes(), " or "))
}

// Fields lists the shape's fields in a stable order.
func (spec ShapeSpec) Fields() []string {
	var out []string
	for f := range spec.columns {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
