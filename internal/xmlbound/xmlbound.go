// Package xmlbound bounds the tokens an XML decoder may be handed.
// encoding/xml holds a whole text run or tag in memory before it returns
// it, so one unbroken run of a gigabyte is a gigabyte of memory; a Reader
// in front of the decoder fails before that.
package xmlbound

import "io"

// Reader passes bytes through, failing once a text run (between '>' and
// '<') grows past its text bound or a tag past its tag bound.
type Reader struct {
	r               io.Reader
	maxText, maxTag int64
	tooLong         func(inTag bool, limit int64) error
	inTag           bool
	run             int64
	err             error
}

// NewReader bounds r's text runs to maxText bytes and its tags to maxTag;
// tooLong makes the error for a run past its bound (inTag says which).
func NewReader(r io.Reader, maxText, maxTag int64, tooLong func(inTag bool, limit int64) error) *Reader {
	return &Reader{r: r, maxText: maxText, maxTag: maxTag, tooLong: tooLong}
}

// Err is the bound the input broke, or nil. A decoder may wrap or replace
// the error Read returned; this is the original.
func (l *Reader) Err() error { return l.err }

func (l *Reader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		switch c {
		case '<':
			l.inTag, l.run = true, 0
		case '>':
			l.inTag, l.run = false, 0
		default:
			l.run++
			if !l.inTag && l.run > l.maxText {
				l.err = l.tooLong(false, l.maxText)
			} else if l.inTag && l.run > l.maxTag {
				l.err = l.tooLong(true, l.maxTag)
			}
			if l.err != nil {
				return 0, l.err
			}
		}
	}
	return n, err
}
