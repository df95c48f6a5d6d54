package graphmodel

import "slices"

// Index answers the one-hop questions over a dataset without scanning it:
// "where did nationals of N end up" (Outgoing(N, Received)) and "whom did R
// receive" (Incoming(R, Received)). Build it once; it does not follow later
// changes to the dataset.
type Index struct {
	d   *Dataset
	out map[Code][]int
	in  map[Code][]int
}

// NewIndex indexes d's relationships by endpoint.
func NewIndex(d *Dataset) *Index {
	ix := &Index{d: d, out: map[Code][]int{}, in: map[Code][]int{}}
	for i, r := range d.Relationships {
		ix.out[r.FromCountry] = append(ix.out[r.FromCountry], i)
		ix.in[r.ToCountry] = append(ix.in[r.ToCountry], i)
	}
	return ix
}

// Outgoing returns relationships from c, of the given types (all if none), in
// dataset order.
func (ix *Index) Outgoing(c Code, types ...RelType) []Relationship {
	return ix.pick(ix.out[c], types)
}

// Incoming returns relationships to c, of the given types (all if none), in
// dataset order.
func (ix *Index) Incoming(c Code, types ...RelType) []Relationship {
	return ix.pick(ix.in[c], types)
}

func (ix *Index) pick(idx []int, types []RelType) []Relationship {
	var out []Relationship
	for _, i := range idx {
		r := ix.d.Relationships[i]
		if len(types) == 0 || slices.Contains(types, r.Type) {
			out = append(out, r)
		}
	}
	return out
}
