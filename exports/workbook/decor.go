package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/analysis"
)

// Decorations (conditional formats, charts) go onto a sheet before its
// rows stream: added afterwards, excelize would parse the whole streamed
// sheet back into memory to insert them.

func (b *builder) relationshipDecor(sheet string, _, rows int) error {
	f := b.f
	style := func(fill, font string) *int {
		st := &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}}
		if font != "" {
			st.Font = &excelize.Font{Color: font}
		}
		id, _ := f.NewConditionalStyle(st)
		return &id
	}
	green, amber, red, grey := style("C6EFCE", "006100"), style("FFEB9C", "9C5700"), style("FFC7CE", "9C0006"), style("E7E6E6", "")
	statusCol := colName(relationshipsSpec, "Status")
	last := rows + 1
	var opts []excelize.ConditionalFormatOptions
	for _, rule := range []struct {
		status string
		style  *int
	}{{"agreed", green}, {"completed", green}, {"conditional", amber}, {"considering", amber}, {"in_talks", amber},
		{"refused", red}, {"no_response", red}, {"blocked_by_court", grey}} {
		opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: rule.style, Value: `"` + b.opt.Lang.Word(rule.status) + `"`})
	}
	if err := f.SetConditionalFormat(sheet, fmt.Sprintf("%s2:%s%d", statusCol, statusCol, last), opts); err != nil {
		return err
	}
	countCol := colName(relationshipsSpec, "Count")
	return f.SetConditionalFormat(sheet, fmt.Sprintf("%s2:%s%d", countCol, countCol, last),
		[]excelize.ConditionalFormatOptions{{Type: "data_bar", Criteria: "=", MinType: "min", MaxType: "max", BarColor: "#5B9BD5"}})
}

func (b *builder) hubsDecor(a *analysisResults) func(string, int, int) error {
	return func(sheet string, _, rows int) error {
		f := b.f
		pr := colName(hubsSpec, "PageRank")
		if err := f.SetConditionalFormat(sheet, fmt.Sprintf("%s2:%s%d", pr, pr, rows+1),
			[]excelize.ConditionalFormatOptions{{Type: "data_bar", Criteria: "=", MinType: "min", MaxType: "max", BarColor: "#70AD47"}}); err != nil {
			return err
		}
		top := min(10, len(a.hubs[analysis.LayerAll]))
		if top == 0 || sheet != b.opt.Lang.T(hubsSpec.name) {
			return nil
		}
		// Nineteen columns and the chart beside them are about 2,200
		// pixels wide at 100 %; opened at 70 % the chart is on screen
		// with the table on a common 1,920-pixel display.
		zoom := hubsZoom
		if err := f.SetSheetView(sheet, 0, &excelize.ViewOptions{ZoomScale: &zoom}); err != nil {
			return err
		}
		// The first rows are layer all, ranked: the chart plots those, rank
		// 1 at the top (bar charts draw the first category at the bottom
		// unless the category axis is reversed), labelled by name. It sits
		// one column right of the table, level with the rows it plots.
		name := colName(hubsSpec, "Name")
		dark := excelize.Font{Color: "262626", Size: 10}
		anchor, _ := excelize.CoordinatesToCellName(len(hubsSpec.columns)+2, 2)
		ref := sheetRef(sheet)
		return f.AddChart(sheet, anchor, &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{Name: ref + "!$" + pr + "$1",
				Categories: fmt.Sprintf("%s!$%s$2:$%s$%d", ref, name, name, top+1),
				Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", ref, pr, pr, top+1),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hubsBarColor}}}},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.opt.Lang.label("Top %d actors by PageRank, layer %q (all deportation-related relationships)", top, analysis.LayerAll),
				Font: &excelize.Font{Bold: true, Size: 12, Color: "262626"}}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 640, Height: 400},
			XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: dark},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: dark, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		})
	}
}

// timelineSeries are the Timeline chart's columns and their colours, set
// rather than left to the application's theme so the chart reads the same
// everywhere (and a rendering test can find each series).
var timelineSeries = []struct{ column, color string }{
	{"Approaches", "2F5597"}, {"Receptions", "ED7D31"}, {"Payments", "70AD47"},
}

// hubsZoom is the zoom the Hubs sheet opens at, in percent.
const hubsZoom = 70.0

// hubsBarColor is the Hubs chart's bar colour.
const hubsBarColor = "4472C4"

func (b *builder) timelineDecor(sheet string, _, rows int) error {
	if rows == 0 {
		return nil
	}
	var series []excelize.ChartSeries
	ref := sheetRef(b.opt.Lang.T(timelineSpec.name))
	for _, s := range timelineSeries {
		c := colName(timelineSpec, s.column)
		series = append(series, excelize.ChartSeries{Name: ref + "!$" + c + "$1",
			Categories: fmt.Sprintf("%s!$A$2:$A$%d", ref, rows+1), Values: fmt.Sprintf("%s!$%s$2:$%s$%d", ref, c, c, rows+1),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.color}}})
	}
	// The Month cells are dates; without a number format of its own the
	// category axis would show their serial numbers.
	dark := excelize.Font{Color: "262626", Size: 10}
	anchor, _ := excelize.CoordinatesToCellName(len(timelineSpec.columns)+2, 2)
	return b.f.AddChart(sheet, anchor, &excelize.Chart{
		Type: excelize.Col, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.opt.Lang.T("Approaches, receptions and payments per month (coarse dates in their own bars)"), Font: &excelize.Font{Bold: true, Size: 12, Color: "262626"}}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 720, Height: 380},
		XAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "mmm yyyy"}, Font: dark, Alignment: excelize.Alignment{TextRotation: -45}},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: dark, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
	})
}

// sheetRef is a sheet's name as a formula or chart reference takes it:
// as is when plain ASCII letters and digits ("Hubs"), else quoted
// ('Parámetros de métricas'), a quote inside doubled. Translated sheet
// names have spaces and accents.
func sheetRef(name string) string {
	for _, r := range name {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}
