package graphmodel

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
)

// appendRecord appends fields to b, each prefixed by its length, so no two
// records encode alike by shifting text between fields.
func appendRecord(b []byte, fields ...string) []byte {
	for _, f := range fields {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(f)))
		b = append(b, f...)
	}
	return b
}

func appendRelationshipRecord(b []byte, r *Relationship) []byte {
	b = appendRecord(b, "R", r.Key, r.Event, string(r.Type), string(r.FromCountry), string(r.ToCountry),
		r.Date.String(), string(r.Status), string(r.Instrument), r.Count.String(), r.Money.String(),
		string(r.Confidence), strings.Join(r.Sources, ";"), r.Note)
	if r.HasTimeFields() {
		// Appended only when present, so a dataset without them keeps the
		// hash it had before these fields existed.
		b = appendRecord(b, r.Reported.String(), string(r.StatedBy), string(r.PaymentTie))
	}
	if r.HasPartOf() {
		// Likewise for the field of dataset 1.3.0, tagged so it never
		// reads as one of the fields above.
		b = appendRecord(b, "part_of", r.PartOf)
	}
	return b
}

// ContentHasher computes Dataset.ContentHash of a dataset whose
// relationships arrive one at a time, in any order, without holding them:
// each relationship's encoded record goes to a temporary spill file and
// only its id and position stay in memory (about 40 bytes a
// relationship), since the hash takes records in id order. Close removes
// the spill file.
type ContentHasher struct {
	dir   string
	spill *os.File
	w     *bufio.Writer
	off   int64
	index []spilledRecord
	buf   []byte
}

type spilledRecord struct {
	key string
	off int64
	n   uint32
}

// NewContentHasher spills into a new file in dir (os.TempDir when empty).
func NewContentHasher(dir string) *ContentHasher { return &ContentHasher{dir: dir} }

// Add records one relationship.
func (h *ContentHasher) Add(r *Relationship) error {
	if h.spill == nil {
		f, err := os.CreateTemp(h.dir, "leverage-hash-*.spill")
		if err != nil {
			return fmt.Errorf("content hash: %w", err)
		}
		h.spill, h.w = f, bufio.NewWriterSize(f, 1<<20)
	}
	h.buf = appendRelationshipRecord(h.buf[:0], r)
	if _, err := h.w.Write(h.buf); err != nil {
		return fmt.Errorf("content hash: %w", err)
	}
	// The key is cloned: it may share memory with the whole CSV record.
	h.index = append(h.index, spilledRecord{key: strings.Clone(r.Key), off: h.off, n: uint32(len(h.buf))})
	h.off += int64(len(h.buf))
	return nil
}

// Len is the number of relationships added.
func (h *ContentHasher) Len() int { return len(h.index) }

// Sum returns the content hash of the given countries and sources with the
// relationships added, equal to Dataset.ContentHash of the whole dataset.
func (h *ContentHasher) Sum(countries []Country, sources []Source) (string, error) {
	d := sha256.New()
	var b []byte
	cs := slices.Clone(countries)
	sort.Slice(cs, func(i, j int) bool { return cs[i].Code < cs[j].Code })
	for _, c := range cs {
		b = appendRecord(b[:0], "C", string(c.Code), c.Name, string(c.Kind), c.Region, c.Alpha3,
			strings.Join(c.Aliases, ";"), strings.Join(c.Demonyms, ";"))
		d.Write(b)
	}
	ss := slices.Clone(sources)
	sort.Slice(ss, func(i, j int) bool { return ss[i].Key < ss[j].Key })
	for _, s := range ss {
		b = appendRecord(b[:0], sourceRecord(&s)...)
		d.Write(b)
	}
	if len(h.index) > 0 {
		if err := h.w.Flush(); err != nil {
			return "", fmt.Errorf("content hash: %w", err)
		}
		sorted := sort.SliceIsSorted(h.index, func(i, j int) bool { return h.index[i].key < h.index[j].key })
		if !sorted {
			sort.Slice(h.index, func(i, j int) bool { return h.index[i].key < h.index[j].key })
		}
		if sorted {
			// Files written in id order (ours are) are read back in one
			// sequential pass.
			if _, err := h.spill.Seek(0, io.SeekStart); err != nil {
				return "", fmt.Errorf("content hash: %w", err)
			}
			if _, err := io.Copy(d, bufio.NewReaderSize(h.spill, 1<<20)); err != nil {
				return "", fmt.Errorf("content hash: %w", err)
			}
		} else {
			for _, rec := range h.index {
				if cap(b) < int(rec.n) {
					b = make([]byte, rec.n)
				}
				b = b[:rec.n]
				if _, err := h.spill.ReadAt(b, rec.off); err != nil {
					return "", fmt.Errorf("content hash: %w", err)
				}
				d.Write(b)
			}
		}
	}
	return hex.EncodeToString(d.Sum(nil)), nil
}

// Close removes the spill file.
func (h *ContentHasher) Close() error {
	if h.spill == nil {
		return nil
	}
	name := h.spill.Name()
	h.spill.Close()
	h.spill = nil
	return os.Remove(name)
}
