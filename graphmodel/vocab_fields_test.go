package graphmodel

import "testing"

// Every value the table offers passes the validator, and nothing longer
// than a spreadsheet's inline list (255 characters) is offered inline
// without notice: the length is what the workbook's drop-downs must fit.
func TestVocabularyFieldsValid(t *testing.T) {
	for _, f := range VocabularyFields() {
		n := 0
		for _, v := range f.Values {
			n += len(v) + 1
			var ok bool
			switch f.Field {
			case "type":
				ok = RelType(v).Valid()
			case "status":
				ok = Status(v).Describe() != ""
			case "instrument":
				ok = Instrument(v).Valid()
			case "count_qualifier", "amount_qualifier":
				ok = Qualifier(v).Valid()
			case "confidence":
				ok = Confidence(v).Valid()
			case "kind":
				ok = SourceKind(v).Valid() || ActorKind(v).Valid()
			default:
				ok = v != ""
			}
			if !ok {
				t.Errorf("%s.%s offers %q, which the validator refuses", f.Record, f.Field, v)
			}
		}
		t.Logf("%s.%s: %d values, %d characters", f.Record, f.Field, len(f.Values), n)
	}
}
