package csvdir_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
)

const header13 = "id,event,type,from,to,date,reported,status,stated_by,instrument,payment_tie,count,count_qualifier,part_of,amount,currency,amount_qualifier,confidence,sources,note\n"

// part_of reads into the model, is written back in its column, and only
// when a row uses it (a 1.2.0 dataset keeps its 19 columns).
func TestPartOfRoundTrip(t *testing.T) {
	rels := header13 +
		"g,,received,SY,CR,2025-02,,completed,,,,200,exact,,,,,reported,s1,n\n" +
		"p,,received,NP,CR,2025-02,,completed,,,,,,g,,,,reported,s1,n\n"
	d, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": rels})
	if err != nil {
		t.Fatal(err)
	}
	if d.Relationships[1].PartOf != "g" || d.Relationships[0].PartOf != "" {
		t.Fatalf("part_of read as %q, %q", d.Relationships[0].PartOf, d.Relationships[1].PartOf)
	}
	var b bytes.Buffer
	if err := csvdir.WriteRelationships(&b, d.Relationships); err != nil {
		t.Fatal(err)
	}
	if b.String() != rels {
		t.Errorf("written back:\n%s\nwant:\n%s", b.String(), rels)
	}
	d.Relationships[1].PartOf = ""
	b.Reset()
	if err := csvdir.WriteRelationships(&b, d.Relationships); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.SplitN(b.String(), "\n", 2)[0], "part_of") {
		t.Errorf("part_of column written for a dataset that uses none: %s", b.String())
	}
	var sw bytes.Buffer
	w, _ := csvdir.NewRelationshipWriter(&sw)
	if err := w.Write(&graphmodel.Relationship{Key: "p", PartOf: "g"}); err == nil {
		t.Error("the streaming writer, which has no part_of column, took a part without saying so")
	}
}

// A part_of that names no counted claim of the same kind and receiver is
// refused at the part's own cell (line and column of part_of), whether
// the claim it names comes before or after it.
func TestPartOfErrors(t *testing.T) {
	group := "g,,received,SY,CR,2025-02,,completed,,,,200,exact,,,,,reported,s1,n\n"
	for _, tt := range []struct{ name, row, want string }{
		{"unknown", "p,,received,NP,CR,2025-02,,completed,,,,,,nope,,,,reported,s1,n\n", `unknown relationship id "nope"`},
		{"itself", "p,,received,NP,CR,2025-02,,completed,,,,,,p,,,,reported,s1,n\n", "itself"},
		{"other receiver", "p,,received,NP,PA,2025-02,,completed,,,,,,g,,,,reported,s1,n\n", "same type and receiver"},
		{"other type", "p,,onward_return,NP,CR,2025-02,,completed,,,,,,g,,,,reported,s1,n\n", "same type and receiver"},
		{"group without count", "p,,received,NP,CR,2025-02,,completed,,,,,,q,,,,reported,s1,n\n" +
			"q,,received,SY,CR,2025-02,,completed,,,,,,,,,,reported,s1,n\n", "gives no count"},
		{"chain", "p,,received,NP,CR,2025-02,,completed,,,,,,q,,,,reported,s1,n\n" +
			"q,,received,IN,CR,2025-02,,completed,,,,3,exact,g,,,,reported,s1,n\n", "itself part of another"},
	} {
		_, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": header13 + group + tt.row})
		// The part is line 3 (header, group, part); part_of is column 14.
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "relationships.csv:3:14") ||
			!strings.Contains(err.Error(), "part_of") {
			t.Errorf("%s: %v, want %q at relationships.csv:3:14, field part_of", tt.name, err, tt.want)
		}
	}
}

// A group row refused for its own mistake (here a month 13) gets that one
// error; its parts are not also called parts of an unknown relationship.
func TestPartOfARefusedGroupIsNotUnknown(t *testing.T) {
	group := "g,,received,SY,CR,2025-13,,completed,,,,200,exact,,,,,reported,s1,n\n"
	part := "p,,received,NP,CR,2025-02,,completed,,,,,,g,,,,reported,s1,n\n"
	_, err := readFS(t, map[string]string{"sources.csv": sourcesCSV, "relationships.csv": header13 + group + part})
	if err == nil || !strings.Contains(err.Error(), "relationships.csv:2:") {
		t.Fatalf("%v, want the group's own error at line 2", err)
	}
	if strings.Contains(err.Error(), "unknown relationship") || strings.Contains(err.Error(), "relationships.csv:3:") {
		t.Errorf("the part of a refused group is reported too: %v", err)
	}
}
