package ingest

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// removals aggregates person-level rows into received relationships per
// (receiving country, nationality, month). A row whose departure country
// is its citizenship country is a return home and is aggregated apart
// (a received loop N→N); the others are third-country removals.
type removals struct {
	opt      Options
	res      *Result
	agg      map[aggKey]int64
	names    map[string]nameEntry // resolved country text, cached
	codes    map[graphmodel.Code]int32
	keys     []aggKey
	keyIndex map[aggKey]int32
	// The byte-level path (fast.go) counts by key index here and by a
	// packed key in packed; flush moves its counts into agg.
	counts []int64
	packed map[uint64]int32
	// Rows with an identifier, kept as (hash, row, aggregate) and checked
	// for duplicates once at the end: sorting 16-byte records beats a
	// million-entry map.
	ids       []idRow
	idsSorted bool // ids already in (hash, row) order
}

// nameEntry is a resolved country text: its code ("" if unknown) and a
// small index of that code, for packed keys.
type nameEntry struct {
	code graphmodel.Code
	idx  int32
}

type idRow struct {
	hash uint64
	row  int32
	key  int32 // index into keys
}

type aggKey struct {
	to, nat graphmodel.Code
	y, m    int
}

func newRemovals(opt Options, res *Result) *removals {
	return &removals{opt: opt, res: res, agg: map[aggKey]int64{}, names: map[string]nameEntry{}, codes: map[graphmodel.Code]int32{},
		keyIndex: map[aggKey]int32{}, packed: map[uint64]int32{}}
}

func (a *removals) resolve(s string) (graphmodel.Code, bool) {
	e := a.resolveEntry(s)
	return e.code, e.code != ""
}

func (a *removals) resolveEntry(s string) nameEntry {
	if e, ok := a.names[s]; ok {
		return e
	}
	c, ok := a.opt.Registry.Resolve(s)
	if !ok {
		a.names[s] = nameEntry{idx: -1}
		return a.names[s]
	}
	idx, seen := a.codes[c]
	if !seen {
		idx = int32(len(a.codes))
		a.codes[c] = idx
	}
	a.names[s] = nameEntry{c, idx}
	return a.names[s]
}

// keyOf returns the index of an aggregate key, adding it if new.
func (a *removals) keyOf(key aggKey) int32 {
	ki, ok := a.keyIndex[key]
	if !ok {
		ki = int32(len(a.keys))
		a.keys = append(a.keys, key)
		a.keyIndex[key] = ki
	}
	return ki
}

// flush adds the byte-level path's counts into agg.
func (a *removals) flush() {
	for ki, c := range a.counts {
		if c != 0 {
			a.agg[a.keys[ki]] += c
		}
	}
	a.counts = nil
}

func (a *removals) row(n int, v rowView) {
	cit, dep, date := v.get("citizenship"), v.get("departure"), v.get("date")
	switch {
	case cit == "":
		a.res.reject(n, "no citizenship country", v.cells)
		return
	case dep == "":
		a.res.reject(n, "no departure country", v.cells)
		return
	case date == "":
		a.res.reject(n, "no departed date", v.cells)
		return
	}
	nat, ok := a.resolve(cit)
	if !ok {
		a.res.reject(n, fmt.Sprintf("unknown citizenship country %q", cit), v.cells)
		return
	}
	to, ok := a.resolve(dep)
	if !ok {
		a.res.reject(n, fmt.Sprintf("unknown departure country %q", dep), v.cells)
		return
	}
	d, err := ParseDate(date)
	if err != nil {
		a.res.reject(n, err.Error(), v.cells)
		return
	}
	if d.Precision < graphmodel.Month {
		a.res.reject(n, fmt.Sprintf("date %q gives no month", date), v.cells)
		return
	}
	key := aggKey{to, nat, d.Year, d.Month}
	if id := v.get("id"); id != "" {
		a.ids = append(a.ids, idRow{hash64(id, date, cit, dep), int32(n), a.keyOf(key)})
	}
	a.agg[key]++
	a.res.Accounting.Used++
	if to == nat {
		a.res.Accounting.OwnCountry++
	} else {
		a.res.Accounting.ThirdCountry++
	}
}

// dedupe finds rows whose identifier, date and countries repeat an earlier
// row's, takes them out of the aggregates and rejects them.
func (a *removals) dedupe() {
	if len(a.ids) < 2 {
		return
	}
	sorted := a.ids
	if !a.idsSorted {
		sorted = sortIDRows(a.ids)
	}
	var dups []Rejected
	for i := 1; i < len(sorted); i++ {
		if sorted[i].hash != sorted[i-1].hash {
			continue
		}
		first := i - 1
		for first > 0 && sorted[first-1].hash == sorted[i].hash {
			first--
		}
		d := sorted[i]
		key := a.keys[d.key]
		a.agg[key]--
		if a.agg[key] == 0 {
			delete(a.agg, key)
		}
		a.res.Accounting.Used--
		if key.to == key.nat {
			a.res.Accounting.OwnCountry--
		} else {
			a.res.Accounting.ThirdCountry--
		}
		// The row's cells are not kept (a million rows would be held for
		// a few duplicates); its row number finds it in the input.
		dups = append(dups, Rejected{Row: int(d.row), Reason: fmt.Sprintf("duplicate of row %d (same identifier, date and countries)", sorted[first].row)})
	}
	if len(dups) == 0 {
		return
	}
	a.res.Rejects = append(a.res.Rejects, dups...)
	sort.SliceStable(a.res.Rejects, func(i, j int) bool { return a.res.Rejects[i].Row < a.res.Rejects[j].Row })
}

func (a *removals) finish() {
	a.dedupe()
	keys := make([]aggKey, 0, len(a.agg))
	for k := range a.agg {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y aggKey) int {
		if c := cmp.Compare(x.y*12+x.m, y.y*12+y.m); c != 0 {
			return c
		}
		if c := cmp.Compare(x.to, y.to); c != 0 {
			return c
		}
		return cmp.Compare(x.nat, y.nat)
	})
	a.res.Relationships = slices.Grow(a.res.Relationships, len(keys))
	src := a.opt.Source
	reg := a.opt.Registry
	for _, k := range keys {
		n := a.agg[k]
		month := graphmodel.MonthDate(k.y, k.m)
		what := "third-country removals"
		if k.to == k.nat {
			what = "returns to the country of citizenship"
		}
		a.res.Relationships = append(a.res.Relationships, graphmodel.Relationship{
			Key:         strings.ToLower(src.Key + "-rm-" + string(k.nat) + "-" + string(k.to) + "-" + month.String()),
			Type:        graphmodel.Received,
			FromCountry: k.nat, ToCountry: k.to, Date: graphmodel.On(month), Status: graphmodel.Completed,
			Count:      graphmodel.Count{Value: n, Qualifier: graphmodel.Exact},
			Confidence: a.opt.Confidence, Sources: []string{src.Key},
			Note: fmt.Sprintf("%d %s: citizens of %s sent to %s in %s, aggregated from person-level records (%s).",
				n, what, reg.Name(k.nat), reg.Name(k.to), month, src.Title),
		})
	}
}

// sortIDRows returns rows sorted by hash, then row. One counting pass and
// one scatter place each record in its bucket by the hash's top 16 bits;
// the buckets, a handful of records each at a million rows, are then
// sorted in place. (A comparison sort of a million records took a quarter
// of an ingest; a full LSD radix sort, four scatters, half of what is left.)
func sortIDRows(rows []idRow) []idRow {
	less := func(x, y idRow) int {
		if c := cmp.Compare(x.hash, y.hash); c != 0 {
			return c
		}
		return cmp.Compare(x.row, y.row)
	}
	out := make([]idRow, len(rows))
	if len(rows) < 1<<12 {
		copy(out, rows)
		slices.SortFunc(out, less)
		return out
	}
	start := make([]int32, 1<<16+1)
	for _, r := range rows {
		start[r.hash>>48+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	next := slices.Clone(start[:1<<16])
	for _, r := range rows {
		d := r.hash >> 48
		out[next[d]] = r
		next[d]++
	}
	for d := 0; d < 1<<16; d++ {
		b := out[start[d]:start[d+1]]
		if len(b) > 24 {
			slices.SortFunc(b, less)
			continue
		}
		for i := 1; i < len(b); i++ { // insertion sort
			x := b[i]
			j := i
			for j > 0 && less(b[j-1], x) > 0 {
				b[j] = b[j-1]
				j--
			}
			b[j] = x
		}
	}
	return out
}

// mergeIDRuns merges runs each sorted by (hash, row) into one.
func mergeIDRuns(runs [][]idRow) []idRow {
	total := 0
	for _, r := range runs {
		total += len(r)
	}
	out := make([]idRow, 0, total)
	for len(runs) > 0 {
		best := -1
		for i, r := range runs {
			if len(r) == 0 {
				continue
			}
			if best < 0 || r[0].hash < runs[best][0].hash || r[0].hash == runs[best][0].hash && r[0].row < runs[best][0].row {
				best = i
			}
		}
		if best < 0 {
			break
		}
		// Copy the whole stretch of the best run that precedes the others.
		r := runs[best]
		k := 1
		for k < len(r) && !anyBefore(runs, best, r[k]) {
			k++
		}
		out = append(out, r[:k]...)
		runs[best] = r[k:]
	}
	return out
}

// anyBefore reports whether another run's head comes before x.
func anyBefore(runs [][]idRow, self int, x idRow) bool {
	for i, r := range runs {
		if i != self && len(r) > 0 && (r[0].hash < x.hash || r[0].hash == x.hash && r[0].row < x.row) {
			return true
		}
	}
	return false
}

func hash64[T string | []byte](parts ...T) uint64 {
	const (
		m1 = 0x9e3779b97f4a7c15
		m2 = 0xbf58476d1ce4e5b9
	)
	h := uint64(0x243f6a8885a308d3)
	for _, p := range parts {
		h = (h ^ uint64(len(p))) * m1
		i := 0
		for ; i+8 <= len(p); i += 8 {
			w := uint64(p[i]) | uint64(p[i+1])<<8 | uint64(p[i+2])<<16 | uint64(p[i+3])<<24 |
				uint64(p[i+4])<<32 | uint64(p[i+5])<<40 | uint64(p[i+6])<<48 | uint64(p[i+7])<<56
			h = bits.RotateLeft64((h^w)*m1, 31) * m2
		}
		var w uint64
		for k := 0; i < len(p); i, k = i+1, k+8 {
			w |= uint64(p[i]) << k
		}
		h = bits.RotateLeft64((h^w)*m1, 31) * m2
	}
	h ^= h >> 31
	h *= m2
	h ^= h >> 29
	return h
}
