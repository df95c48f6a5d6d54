package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
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
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if res, ok, err := runRemovalsParallel(ctx, data, opt); ok || err != nil {
			return res, err
		}
		return Run(ctx, newCSVReader(io.NopCloser(bytes.NewReader(data))), opt)
	}
	rr, err := Open(path, sheet)
	if err != nil {
		return nil, err
	}
	defer rr.Close()
	return Run(ctx, rr, opt)
}

// runRemovalsParallel returns ok=false when the file needs the general
// reader (quotes after the header, or no header within the first lines).
func runRemovalsParallel(ctx context.Context, data []byte, opt Options) (*Result, bool, error) {
	if opt.Confidence == "" {
		opt.Confidence = "reported"
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	// Find the header with the general reader, counting what comes before.
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	res := &Result{Source: opt.Source}
	res.Accounting.Unresolved = map[string]int{}
	var col map[string]int
	var offset int64
	for col == nil {
		rec, err := cr.Read()
		if err != nil {
			return nil, false, nil
		}
		res.Accounting.Read++
		if blank(rec) {
			res.Accounting.Blank++
			continue
		}
		if c, ok := headerOf(rec, opt); ok {
			col = c
			res.Header = append([]string(nil), rec...)
			res.Accounting.Header++
		} else {
			res.Accounting.Preamble++
		}
		offset = cr.InputOffset()
	}
	headerLine, _ := cr.FieldPos(0)
	body := data[offset:]
	if bytes.IndexByte(body, '"') >= 0 {
		return nil, false, nil
	}
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
	workers := max(1, runtime.GOMAXPROCS(0))
	if len(body) < 1<<20 {
		workers = 1
	}
	type part struct {
		start, end, firstLine int
		conv                  *removals
		res                   *Result
	}
	parts := make([]*part, 0, workers)
	start, line := 0, headerLine+1
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
		parts = append(parts, &part{start: start, end: end, firstLine: line})
		line += bytes.Count(body[start:end], []byte("\n"))
		start = end
	}
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func(p *part) {
			defer wg.Done()
			p.res = &Result{Source: opt.Source}
			p.res.Accounting.Unresolved = map[string]int{}
			p.conv = newRemovals(opt, p.res)
			chunk := body[p.start:p.end]
			n := p.firstLine
			cells := make([]string, 0, len(col)+4)
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
				cells = cells[:0]
				for _, f := range bytes.Split(raw, []byte(",")) {
					cells = append(cells, string(f))
				}
				p.conv.row(n, rowView{cells: cells, col: col})
				n++
			}
		}(p)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, true, err
	}
	// Merge in file order.
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
		for _, id := range p.conv.ids {
			key := p.conv.keys[id.key]
			ki, ok := merged.keyIndex[key]
			if !ok {
				ki = int32(len(merged.keys))
				merged.keys = append(merged.keys, key)
				merged.keyIndex[key] = ki
			}
			merged.ids = append(merged.ids, idRow{id.hash, id.row, ki})
		}
	}
	merged.finish()
	res.Accounting.Rejected = len(res.Rejects)
	res.Accounting.Relationships = len(res.Relationships)
	if !res.Accounting.Balanced() {
		return nil, true, fmt.Errorf("ingest: internal accounting error %+v", res.Accounting)
	}
	return res, true, nil
}
