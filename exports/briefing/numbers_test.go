package briefing_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/exports/briefing"
)

func ExampleAmount() {
	fmt.Println(briefing.Amount(14_000_000, "USD"))
	fmt.Println(briefing.Amount(1_500_000, "USD"))
	fmt.Println(briefing.Amount(1_234_567, "EUR"))
	fmt.Println(briefing.Amount(100_000, "USD"))
	// Output:
	// USD 14 million
	// USD 1.5 million
	// EUR 1,234,567
	// USD 100,000
}

func TestNumberGroupsThousands(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {5400, "5,400"}, {1234567, "1,234,567"}, {-1000, "-1,000"}} {
		if got := briefing.Number(c.n); got != c.want {
			t.Errorf("Number(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestReadStoryNamesTheStepAndField(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`[{"text":"a","month":"2025-13"}]`, "step 1: field month"},
		{`[{"text":"a"},{"text":""}]`, "step 2: field text"},
		{`[{"text":"a","measure":"gdp"}]`, "step 1: field measure"},
		{`[{"text":"a","colour":"red"}]`, "unknown field"},
		{`[]`, "no steps"},
	} {
		_, err := briefing.ReadStory(strings.NewReader(c.in), "story.json")
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "story.json") {
			t.Errorf("ReadStory(%s): %v, want an error naming story.json and %q", c.in, err, c.want)
		}
	}
	steps, err := briefing.ReadStory(strings.NewReader(`[{"month":"2025-03","measure":"latest","layer":"approach","types":["approached"],"select":"RW","text":"Rwanda"}]`), "s.json")
	if err != nil || len(steps) != 1 || steps[0].Select != "RW" || steps[0].Types[0] != "approached" {
		t.Errorf("ReadStory of a good step: %+v, %v", steps, err)
	}
}
