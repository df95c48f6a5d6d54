package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel"
)

// recordOf names the model record a data sheet holds, as
// graphmodel.VocabularyFields names it.
var recordOf = map[string]string{relationshipsSpec.name: "relationship", sourcesSpec.name: "source", countriesSpec.name: "country"}

// vocabularyOf returns the closed list of a sheet's column, from the
// model's table (graphmodel.VocabularyFields) so a field added there gets
// its drop-down here, or nil for a free column. Countries' Record is the
// workbook's own two words.
func vocabularyOf(sheet, column string) []string {
	if sheet == countriesSpec.name && column == "Record" {
		return []string{"dataset", "reference"}
	}
	rec, ok := recordOf[sheet]
	if !ok {
		return nil
	}
	for _, f := range graphmodel.VocabularyFields() {
		if f.Record == rec && normHeader(f.Field) == normHeader(column) {
			return f.Values
		}
	}
	return nil
}

// dropDowns puts a drop-down list on every vocabulary column of a data
// sheet, down to the sheet's last possible row so rows a volunteer adds
// get it too. A typed value outside the list gives a warning, not a
// refusal: import reads words loosely ("No response"), and its own check
// names the cell. Blank is allowed, as for an optional status.
func (b *builder) dropDowns(spec sheetSpec, sheet string) error {
	for i, c := range spec.columns {
		values := vocabularyOf(spec.name, c.name)
		if values == nil {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, excelize.TotalRows)
		shown := make([]string, len(values))
		for i, v := range values {
			shown[i] = b.opt.Lang.Word(v)
		}
		if err := dv.SetDropList(shown); err != nil {
			return fmt.Errorf("workbook: drop-down of %s!%s: %w", sheet, c.name, err)
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, b.opt.Lang.T(c.name), "Not in the list: import will name this cell if it cannot read it.")
		if err := b.f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}
