package briefing

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
)

// StoryStep is one view of a presentation: the page sets the slider, the
// map's measure, the network layer, the filters and the selection, and
// shows the sentence. Steps are data: the file carries them as JSON that an
// analyst may edit (leverage export --story FILE reads them), so a story is
// kept with the briefing it was written for.
type StoryStep struct {
	// Month is the slider position as YYYY-MM; empty means all dates.
	Month string `json:"month,omitempty"`
	// Measure is what the map shades: received, approached, latest or paid.
	Measure string `json:"measure,omitempty"`
	// Layer names an analysis layer for the network; empty keeps the first.
	Layer string `json:"layer,omitempty"`
	// Types, when not empty, are the only relationship types shown.
	Types []string `json:"types,omitempty"`
	// Select is a country code whose profile opens; empty opens none.
	Select string `json:"select,omitempty"`
	// Text is the sentence shown with the step.
	Text string `json:"text"`
}

// Measures are the map's shadings a story step may name.
var Measures = []string{"received", "approached", "latest", "paid"}

var monthPattern = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// ReadStory reads a story file: a JSON array of steps. It checks each
// step's fields, so a typo fails here rather than as a page that ignores it.
func ReadStory(r io.Reader, name string) ([]StoryStep, error) {
	dec := json.NewDecoder(io.LimitReader(r, 1<<20))
	dec.DisallowUnknownFields()
	var steps []StoryStep
	if err := dec.Decode(&steps); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("%s: no steps", name)
	}
	for i, s := range steps {
		where := fmt.Sprintf("%s: step %d", name, i+1)
		if s.Text == "" {
			return nil, fmt.Errorf("%s: field text: empty", where)
		}
		if s.Month != "" && !monthPattern.MatchString(s.Month) {
			return nil, fmt.Errorf("%s: field month: %q is not YYYY-MM", where, s.Month)
		}
		if s.Measure != "" && !contains(Measures, s.Measure) {
			return nil, fmt.Errorf("%s: field measure: %q is not one of %v", where, s.Measure, Measures)
		}
	}
	return steps, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
