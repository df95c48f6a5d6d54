// Package textbound bounds the bytes one record of a streamed text input
// may take. encoding/csv holds a whole record (and the line it is on) in
// memory, however long: one 600 MB field took the process out of memory
// although the file was within every documented bound. Reader sits under
// the csv.Reader (and its bufio.Reader) and refuses to deliver more than
// MaxRecord bytes, plus what the buffer reads ahead, past the end of the
// last complete record, which the caller reports with Mark.
package textbound

import (
	"errors"
	"fmt"
	"io"
)

// MaxRecord is the bound on one CSV record of a dataset, an ingested
// table or a graph file: far past any real row (a relationship's longest
// note is a few kilobytes), far below what would strain memory.
const MaxRecord = 16 << 20

// ErrTooLong marks a record past the bound; the readers report it as
// invalid input at the line where the record starts.
var ErrTooLong = errors.New("record too long")

// Reader passes reads through until the bytes delivered since the last
// Mark pass the bound.
type Reader struct {
	r         io.Reader
	max       int64
	delivered int64
	mark      int64
}

// NewReader bounds the records read from r to max bytes.
func NewReader(r io.Reader, max int64) *Reader { return &Reader{r: r, max: max} }

func (b *Reader) Read(p []byte) (int, error) {
	used := b.delivered - b.mark
	if used > b.max {
		return 0, fmt.Errorf("a record (a row, or one line of it) of more than %d bytes: %w", b.max, ErrTooLong)
	}
	if room := b.max - used + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := b.r.Read(p)
	b.delivered += int64(n)
	return n, err
}

// Mark says that the records before offset (bytes from the start of the
// stream, as csv.Reader.InputOffset counts them) are complete.
func (b *Reader) Mark(offset int64) {
	if offset > b.mark {
		b.mark = offset
	}
}
