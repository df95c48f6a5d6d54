package main

import (
	"fmt"
	"io"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/exports/briefing/collect"
	"github.com/leverage-project/leverage/graphmodel"
)

// exportBriefing writes the offline HTML briefing: the analysis is computed
// once here and handed to the writer.
func exportBriefing(o exportOptions, d *graphmodel.Dataset, w analysis.Window, e env) error {
	res := collect.Results(d, w, o.seed)
	err := writeFileAtomic(o.out, writerTo(func(out io.Writer) error { return briefing.Write(out, res) }))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: briefing of %s, %d relationships, %d months\n", o.out, describe(d), len(d.Relationships), len(res.Months))
	return nil
}
