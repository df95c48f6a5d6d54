package textbound

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

// readAll reads CSV through the bound as the readers do, marking after
// each record, and returns the records read and the error that ended it.
func readAll(in string, max int64) (int, error) {
	b := NewReader(strings.NewReader(in), max)
	cr := csv.NewReader(bufio.NewReaderSize(b, 16))
	n := 0
	for {
		_, err := cr.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
		b.Mark(cr.InputOffset())
	}
}

func TestRecordBound(t *testing.T) {
	const max = 64
	long := strings.Repeat("x", 200)
	tests := []struct {
		name    string
		in      string
		wantN   int
		wantErr bool
	}{
		{"many short records pass", strings.Repeat("a,b,c\n", 1000), 1000, false},
		{"a long field", "a,b\nc," + long + "\nd,e\n", 1, true},
		{"a long quoted field over lines", "a,b\n\"" + strings.Repeat("x\n", 100) + "\",c\n", 1, true},
		{"a long line without a newline", "a,b\n" + long, 1, true},
		// bound + the 16-byte buffer's read-ahead is the most that passes.
		{"at the bound", "a,b\n" + strings.Repeat("y", max-20) + ",z\n", 2, false},
	}
	for _, tt := range tests {
		n, err := readAll(tt.in, max)
		if n != tt.wantN || (err != nil) != tt.wantErr || err != nil && !errors.Is(err, ErrTooLong) {
			t.Errorf("%s: %d records, err %v; want %d, error %v", tt.name, n, err, tt.wantN, tt.wantErr)
		}
	}
}
