package graphtest

import "testing"

func TestRoundNumbers(t *testing.T) {
	in := `pagerank="0.19717899359968577" n="3" date="2025-04-01" w="1.5" h="1.320189763775653e-19" s="-0.33333333333333337"`
	want := `pagerank="0.197179" n="3" date="2025-04-01" w="1.5" h="1.32019e-19" s="-0.333333"`
	if got := string(RoundNumbers([]byte(in))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
