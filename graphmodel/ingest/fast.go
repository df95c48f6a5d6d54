package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/leverage-project/leverage/internal/safeio"
)

// RunFile ingests the file at path. Person-level removal records in CSV,
// the shape that reaches millions of rows, take a parallel path: the file
// is split at line boundaries and each core converts its share with the
// same row logic, merged in file order, so the result is the one Run gives
// (a test holds them equal). Files with quoted fields, xlsx files and
// trackers go through Run.
func RunFile(ctx context.Context, path, sheet string, opt Options) (*Result, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if opt.Shape == Removals && ext != ".xlsx" && ext != ".xlsm" {
		data, err := safeio.ReadFile(path, MaxCSVBytes)
		if err != nil {
			return nil, err
		}
		if res, ok, err := runRemovalsParallel(ctx, data, opt); ok || err != nil {
			return res, err
		}
		return Run(ctx, newCSVReader(io.NopCloser(bytes.NewReader(data))), opt)
	}
	rr, err := OpenContext(ctx, path, sheet)
	if err != nil {
		return nil, err
	}
	defer rr.Close()
	return Run(ctx, rr, opt)
}

// runRemovalsParallel returns ok=false when the file needs the general
// reader (quotes after the header, or no header within the first lines).
// Its steps: find the header, split the body into one part per core at
// line boundaries, convert the parts concurrently, merge them in file
// order.
func runRemovalsParallel(ctx context.Context, data []byte, opt Options) (*Result, bool, error) {
	if opt.Confidence == "" {
		opt.Confidence = "reported"
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if sniffDelimiter(data[:min(len(data), sniffBytes)]) != ',' {
		return nil, false, nil // the byte path splits at commas only
	}
	res, col, offset, headerLine, ok := removalsHeader(data, opt)
	if !ok {
		return nil, false, nil
	}
	body := data[offset:]
	if bytes.IndexByte(body, '"') >= 0 {
		return nil, false, nil
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	if len(body) < 1<<20 {
		workers = 1
	}
	parts := splitParts(body, workers, headerLine+1)
	bc := byteColsOf(col)
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func(p *part) {
			defer wg.Done()
			p.convert(ctx, opt, body, col, bc)
		}(p)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, true, err
	}
	mergeParts(opt, res, parts)
	if !res.Accounting.Balanced() {
		return nil, true, fmt.Errorf("ingest: internal accounting error %+v", res.Accounting)
	}
	return res, true, nil
}

// removalsHeader finds the header row with the general reader and counts
// the lines before it; offset is where the body starts, headerLine the
// header's line number. ok=false: no header.
func removalsHeader(data []byte, opt Options) (res *Result, col map[string]int, offset int64, headerLine int, ok bool) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	res = &Result{Source: opt.Source}
	res.Accounting.Unresolved = map[string]int{}
	for col == nil {
		rec, err := cr.Read()
		if err != nil {
			return nil, nil, 0, 0, false
		}
		res.Accounting.Read++
		if blank(rec) {
			res.Accounting.Blank++
			continue
		}
		if c, ok := removalsSpec.headerOf(rec, opt.Columns); ok {
			col = c
			res.Header = append([]string(nil), rec...)
			res.Accounting.Header++
		} else {
			res.Accounting.Preamble++
		}
		offset = cr.InputOffset()
	}
	headerLine, _ = cr.FieldPos(0)
	// encoding/csv skips blank lines; the header's own line may have been
	// preceded by some, which it did not report. Count lines instead.
	res.Accounting.Read = 0
	res.Accounting.Blank = 0
	res.Accounting.Preamble = 0
	res.Accounting.Header = 1
	for _, line := range bytes.Split(data[:offset], []byte("\n"))[:headerLine-1] {
		res.Accounting.Read++
		if len(bytes.TrimSpace(line)) == 0 {
			res.Accounting.Blank++
		} else {
			res.Accounting.Preamble++
		}
	}
	res.Accounting.Read++ // the header
	return res, col, offset, headerLine, true
}

// part is one core's share of the body: bytes [start, end), whose first
// line is line number firstLine.
type part struct {
	start, end, firstLine int
	conv                  *removals
	res                   *Result
	lines                 int
	sorted                []idRow // conv.ids by (hash, row), sorted on the part's own core
}

// splitParts cuts body into workers parts at line boundaries.
func splitParts(body []byte, workers, firstLine int) []*part {
	parts := make([]*part, 0, workers)
	start, line := 0, firstLine
	for w := 0; w < workers; w++ {
		end := len(body)
		if w < workers-1 {
			end = len(body) * (w + 1) / workers
			if i := bytes.IndexByte(body[end:], '\n'); i >= 0 {
				end += i + 1
			} else {
				end = len(body)
			}
		}
		if end < start {
			end = start
		}
		lines := bytes.Count(body[start:end], []byte("\n"))
		parts = append(parts, &part{start: start, end: end, firstLine: line, lines: lines})
		line += lines
		start = end
	}
	return parts
}

// convert converts the part's rows, by the byte-level path where a row
// allows and by the general row logic otherwise, and sorts its
// identifiers. It stops early, leaving the part unfinished, once ctx is
// done (the caller checks ctx).
func (p *part) convert(ctx context.Context, opt Options, body []byte, col map[string]int, bc byteCols) {
	p.res = &Result{Source: opt.Source}
	p.res.Accounting.Unresolved = map[string]int{}
	p.conv = newRemovals(opt, p.res)
	if bc.id >= 0 {
		p.conv.ids = make([]idRow, 0, p.lines+1)
	}
	chunk := body[p.start:p.end]
	n := p.firstLine
	cells := make([]string, 0, len(col)+4)
	fields := make([][]byte, bc.need+1)
	for len(chunk) > 0 {
		i := bytes.IndexByte(chunk, '\n')
		var raw []byte
		if i < 0 {
			raw, chunk = chunk, nil
		} else {
			raw, chunk = chunk[:i], chunk[i+1:]
		}
		raw = bytes.TrimSuffix(raw, []byte("\r"))
		if (n-p.firstLine)&0xffff == 0 && ctx.Err() != nil {
			return
		}
		p.res.Accounting.Read++
		if len(bytes.TrimSpace(raw)) == 0 {
			p.res.Accounting.Blank++
			n++
			continue
		}
		if !p.conv.fastRow(n, raw, bc, fields) {
			cells = cells[:0]
			for _, f := range bytes.Split(raw, []byte(",")) {
				cells = append(cells, string(f))
			}
			p.conv.row(n, rowView{cells: cells, col: col})
		}
		n++
	}
	p.conv.flush()
	p.sorted = sortIDRows(p.conv.ids)
	p.conv.ids = nil
}

// mergeParts adds the parts' accounting, rejects, aggregates and
// identifiers into res in file order and makes the relationships.
func mergeParts(opt Options, res *Result, parts []*part) {
	merged := newRemovals(opt, res)
	for _, p := range parts {
		a := p.res.Accounting
		res.Accounting.Read += a.Read
		res.Accounting.Blank += a.Blank
		res.Accounting.Used += a.Used
		res.Accounting.ThirdCountry += a.ThirdCountry
		res.Accounting.OwnCountry += a.OwnCountry
		res.Rejects = append(res.Rejects, p.res.Rejects...)
		for k, v := range p.conv.agg {
			merged.agg[k] += v
		}
		// Key indices are per part: translate them through a table, one
		// map lookup per key rather than per row.
		remap := make([]int32, len(p.conv.keys))
		for i, key := range p.conv.keys {
			remap[i] = merged.keyOf(key)
		}
		for i := range p.sorted {
			p.sorted[i].key = remap[p.sorted[i].key]
		}
	}
	// Each part sorted its identifiers; merging the runs gives the order a
	// sort of all of them would (parts hold disjoint, ascending rows).
	runs := make([][]idRow, len(parts))
	for i, p := range parts {
		runs[i] = p.sorted
	}
	merged.ids = mergeIDRuns(runs)
	merged.idsSorted = true
	merged.finish()
	res.Accounting.Rejected = len(res.Rejects)
	res.Accounting.Relationships = len(res.Relationships)
}

// byteCols are the column positions the byte-level row path reads (-1 when
// the file has no such column) and the highest of them.
type byteCols struct{ cit, dep, date, id, need int }

func byteColsOf(col map[string]int) byteCols {
	at := func(field string) int {
		if i, ok := col[field]; ok {
			return i
		}
		return -1
	}
	c := byteCols{cit: at("citizenship"), dep: at("departure"), date: at("date"), id: at("id")}
	c.need = max(c.cit, c.dep, c.date, c.id)
	return c
}

// fastRow aggregates a row of an unquoted CSV the way row does, reading
// bytes in place: no strings, no allocations, one map lookup on a packed
// key. It returns false, having changed nothing, for any row it does not
// handle exactly like row (too few fields, an empty or unknown value, a
// date not in YYYY-MM-DD); the caller then passes the row to row.
func (a *removals) fastRow(n int, line []byte, c byteCols, fields [][]byte) bool {
	rest := line
	for k := 0; k <= c.need; k++ {
		i := bytes.IndexByte(rest, ',')
		if i < 0 {
			if k < c.need {
				return false
			}
			fields[k] = rest
			break
		}
		fields[k], rest = rest[:i], rest[i+1:]
	}
	if c.cit < 0 || c.dep < 0 || c.date < 0 {
		return false
	}
	cit, dep, date := bytes.TrimSpace(fields[c.cit]), bytes.TrimSpace(fields[c.dep]), bytes.TrimSpace(fields[c.date])
	if len(cit) == 0 || len(dep) == 0 || len(date) == 0 {
		return false
	}
	nat, ok := a.names[string(cit)]
	if !ok {
		nat = a.resolveEntry(string(cit))
	}
	to, ok := a.names[string(dep)]
	if !ok {
		to = a.resolveEntry(string(dep))
	}
	if nat.code == "" || to.code == "" {
		return false
	}
	d, ok := fastISO(date)
	if !ok {
		return false
	}
	packed := uint64(to.idx)<<40 | uint64(nat.idx)<<24 | uint64(d.Year)<<4 | uint64(d.Month)
	ki, ok := a.packed[packed]
	if !ok {
		ki = a.keyOf(aggKey{to.code, nat.code, d.Year, d.Month})
		a.packed[packed] = ki
	}
	for int(ki) >= len(a.counts) {
		a.counts = append(a.counts, 0)
	}
	a.counts[ki]++
	if c.id >= 0 {
		if id := bytes.TrimSpace(fields[c.id]); len(id) > 0 {
			a.ids = append(a.ids, idRow{hash64(id, date, cit, dep), int32(n), ki})
		}
	}
	a.res.Accounting.Used++
	if to.code == nat.code {
		a.res.Accounting.OwnCountry++
	} else {
		a.res.Accounting.ThirdCountry++
	}
	return true
}
