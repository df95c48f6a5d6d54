package xmlbound

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/leverage-project/leverage/graphmodel"
)

// Decoder is a strict encoding/xml decoder behind a Reader bounding text
// runs and tags to the same size, as the graph file readers (GraphML,
// GEXF) want it: Token reports a broken bound as itself, not as the
// decoder's wrapping of it.
type Decoder struct {
	*xml.Decoder
	lim *Reader
}

// NewDecoder reads r with every text run and tag bounded to max bytes; a
// longer one is an error wrapping graphmodel.ErrInvalid.
func NewDecoder(r io.Reader, max int64) *Decoder {
	// 64 KiB: the decoder reads small pieces, and a 1 MiB buffer made every
	// call, however small its input, allocate and clear a mebibyte (1 ms and
	// 1 MiB an input under fuzzing, which starved fuzz workers of memory).
	lim := NewReader(bufio.NewReaderSize(r, 64<<10), max, max, func(_ bool, limit int64) error {
		return fmt.Errorf("a text or tag of more than %d bytes: %w", limit, graphmodel.ErrInvalid)
	})
	d := &Decoder{Decoder: xml.NewDecoder(lim), lim: lim}
	d.Strict = true
	return d
}

// Token is xml.Decoder.Token, with a broken bound reported as such.
func (d *Decoder) Token() (xml.Token, error) {
	tok, err := d.Decoder.Token()
	if err != nil && err != io.EOF && d.lim.Err() != nil {
		err = d.lim.Err()
	}
	return tok, err
}
