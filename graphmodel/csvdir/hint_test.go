package csvdir_test

import (
	"fmt"
	"strings"
	"testing"
)

// relationships.csv is counted before it is parsed, so the dataset's
// relationships are held in one array of their own size: grown by append,
// 200,000 rows held the old and the new array at once at the last growth
// and up to a quarter more than needed after it (see .ci/bench/import).
func TestRelationshipsAllocatedAtTheirSize(t *testing.T) {
	const n = 1000
	var b strings.Builder
	b.WriteString(header)
	for i := range n {
		// a quoted note with a line break counts as one record
		fmt.Fprintf(&b, "r%04d,,received,AF,PA,2025-02,completed,,3,exact,,,,reported,s1,\"line\nbreak\"\n", i)
	}
	d, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": b.String()})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Relationships) != n || cap(d.Relationships) != n {
		t.Errorf("%d relationships in an array of %d, want %d in %d", len(d.Relationships), cap(d.Relationships), n, n)
	}
}
