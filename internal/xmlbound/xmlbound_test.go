package xmlbound

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReaderBoundsTextAndTagsSeparately(t *testing.T) {
	errText, errTag := errors.New("text"), errors.New("tag")
	tooLong := func(inTag bool, limit int64) error {
		if inTag {
			return errTag
		}
		return errText
	}
	tests := []struct {
		in   string
		want error
	}{
		{"<a>" + strings.Repeat("x", 8) + "</a>", nil},       // a text of exactly the bound
		{"<a>" + strings.Repeat("x", 9) + "</a>", errText},   // one past it
		{"<a " + strings.Repeat("b", 3) + ">" + "</a>", nil}, // a tag within its bound (a, space, bbb)
		{"<a " + strings.Repeat("b", 4) + ">", errTag},       // 6 bytes inside the tag
		{strings.Repeat("<a>xxxxxxxx</a>", 1000), nil},       // runs reset at every bracket
	}
	for _, tt := range tests {
		l := NewReader(strings.NewReader(tt.in), 8, 5, tooLong)
		_, err := io.ReadAll(l)
		if err != tt.want || l.Err() != tt.want {
			t.Errorf("%.30q: err %v, Err() %v, want %v", tt.in, err, l.Err(), tt.want)
		}
	}
}
