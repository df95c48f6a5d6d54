package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/briefing"
	"github.com/leverage-project/leverage/exports/briefing/collect"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
)

// exportBriefing writes the offline HTML briefing from the export's one
// analysis.
func exportBriefing(ctx context.Context, o exportOptions, d *graphmodel.Dataset, analysed *analysis.Results, e env) error {
	res := collect.Results(analysed)
	if o.story != "" {
		steps, err := readStory(o.story)
		if err != nil {
			return err
		}
		res.Story = steps
	}
	err := safeio.WriteFile(ctx, o.out, buffered(func(out io.Writer) error { return briefing.Write(out, res) }))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: briefing of %s, %d relationships, %d months\n", o.out, describe(d), len(d.Relationships), len(res.Months))
	return nil
}

// readStory reads export --story's file; a bad step is invalid input.
func readStory(path string) ([]briefing.StoryStep, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	steps, err := briefing.ReadStory(f, path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", graphmodel.ErrInvalid, err)
	}
	return steps, nil
}
