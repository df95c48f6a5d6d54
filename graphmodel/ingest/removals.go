package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// removals aggregates person-level rows into received relationships per
// (receiving country, nationality, month). A row whose departure country
// is its citizenship country is a return home and is aggregated apart
// (a received loop N→N); the others are third-country removals.
type removals struct {
	opt    Options
	res    *Result
	agg    map[aggKey]int64
	names  map[string]graphmodel.Code // resolved country text, cached
	seenID map[uint64]int             // identifier+date -> first row, when an id column exists
}

type aggKey struct {
	to, nat graphmodel.Code
	y, m    int
}

func newRemovals(opt Options, res *Result) *removals {
	return &removals{opt: opt, res: res, agg: map[aggKey]int64{}, names: map[string]graphmodel.Code{}, seenID: map[uint64]int{}}
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
	if id := v.get("id"); id != "" {
		k := hash64(id, date, cit, dep)
		if first, dup := a.seenID[k]; dup {
			a.res.reject(n, fmt.Sprintf("duplicate of row %d", first), v.cells)
			return
		}
		a.seenID[k] = n
	}
	a.agg[aggKey{to, nat, d.Year, d.Month}]++
	a.res.Accounting.Used++
	if to == nat {
		a.res.Accounting.OwnCountry++
	} else {
		a.res.Accounting.ThirdCountry++
	}
}

func (a *removals) finish() {
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
