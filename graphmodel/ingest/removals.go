package ingest

import (
	"cmp"
	"fmt"
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
	names    map[string]graphmodel.Code // resolved country text, cached
	keys     []aggKey
	keyIndex map[aggKey]int32
	// Rows with an identifier, kept as (hash, row, aggregate) and checked
	// for duplicates once at the end: sorting 16-byte records beats a
	// million-entry map.
	ids []idRow
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
	return &removals{opt: opt, res: res, agg: map[aggKey]int64{}, names: map[string]graphmodel.Code{}, keyIndex: map[aggKey]int32{}}
}

func (a *removals) resolve(s string) (graphmodel.Code, bool) {
	if c, ok := a.names[s]; ok {
		return c, c != ""
	}
	c, ok := a.opt.Registry.Resolve(s)
	if !ok {
		a.names[s] = ""
		return "", false
	}
	a.names[s] = c
	return c, true
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
		ki, ok := a.keyIndex[key]
		if !ok {
			ki = int32(len(a.keys))
			a.keys = append(a.keys, key)
			a.keyIndex[key] = ki
		}
		a.ids = append(a.ids, idRow{hash64(id, date, cit, dep), int32(n), ki})
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
	sorted := append([]idRow(nil), a.ids...)
	slices.SortFunc(sorted, func(x, y idRow) int {
		if x.hash != y.hash {
			return cmp.Compare(x.hash, y.hash)
		}
		return cmp.Compare(x.row, y.row)
	})
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
	sort.Slice(keys, func(i, j int) bool {
		x, y := keys[i], keys[j]
		if x.y != y.y || x.m != y.m {
			return x.y < y.y || x.y == y.y && x.m < y.m
		}
		if x.to != y.to {
			return x.to < y.to
		}
		return x.nat < y.nat
	})
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
			Key:         strings.ToLower(fmt.Sprintf("%s-rm-%s-%s-%s", src.Key, k.nat, k.to, month)),
			Type:        graphmodel.Received,
			FromCountry: k.nat, ToCountry: k.to, Date: month, Status: graphmodel.Completed,
			Count:      graphmodel.Count{Value: n, Qualifier: graphmodel.Exact},
			Confidence: a.opt.Confidence, Sources: []string{src.Key},
			Note: fmt.Sprintf("%d %s: citizens of %s sent to %s in %s, aggregated from person-level records (%s).",
				n, what, reg.Name(k.nat), reg.Name(k.to), month, src.Title),
		})
	}
}

func hash64(parts ...string) uint64 {
	var h uint64 = 14695981039346656037
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	return h
}
