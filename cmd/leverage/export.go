package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/exports/dot"
	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/internal/safeio"
)

type exportOptions struct {
	dataOptions
	windowOptions
	out          string
	format       string
	render       string
	seed         uint64
	skipAnalysis bool
	layer        string
	placeholders bool
	story        string
	// The analysis settings analyze also takes (analyzeOptions.settings).
	damping, tolerance, resolution float64
	modularity                     string
	langName                       string
}

// lang is the checked --lang.
func (o exportOptions) lang() workbook.Lang {
	l, _ := workbook.ParseLang(o.langName)
	return l
}

func exportMain(ctx context.Context, args []string, e env) error {
	o, err := parseExport(args, e)
	if err != nil {
		return err
	}
	return runExport(ctx, o, e)
}

// parseExport reads and checks export's command line.
func parseExport(args []string, e env) (exportOptions, error) {
	var o exportOptions
	fs := newFlags("export", "", `Writes the dataset with its analysis. -o FILE.xlsx writes the NGO workbook;
other formats by --format or by extension: .graphml, .gexf, .json (networkx
node-link), .dot (with --render svg|png when Graphviz is installed), .html (the offline
briefing: map, network, month slider, sources), gephi (a directory with
nodes.csv and edges.csv), kumu (an xlsx for Kumu import).
Files are written under a temporary name and renamed when complete.`, e)
	o.dataOptions.register(fs)
	o.windowOptions.register(fs)
	fs.StringVar(&o.out, "o", "", "output `FILE` (or directory for gephi)")
	fs.StringVar(&o.format, "format", "", "output `FORMAT`: "+exportFormatNames(anyFormat)+" (default from the extension)")
	fs.StringVar(&o.render, "render", "", "with dot: also render a picture, svg or png, beside the file")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the workbook's (and --layer's) Louvain communities and of the briefing's network layout")
	fs.Float64Var(&o.damping, "damping", network.PageRankDamping, "PageRank damping `factor`, as analyze --damping")
	fs.Float64Var(&o.tolerance, "tolerance", 0, "PageRank and HITS `tolerance`, as analyze --tolerance (0: 1e-12)")
	fs.Float64Var(&o.resolution, "resolution", 1, "Louvain's modularity resolution `γ`, as analyze --resolution")
	fs.StringVar(&o.modularity, "modularity", "undirected", "`KIND` of modularity, undirected or directed, as analyze --modularity")
	fs.BoolVar(&o.skipAnalysis, "no-analysis", false, "workbook without the analysis sheets (data only; faster at millions of rows)")
	fs.StringVar(&o.layer, "layer", "", "graph files: write `LAYER`'s weighted simple graph exactly as analyze builds it, with its metrics on the nodes, instead of one edge per relationship")
	fs.StringVar(&o.story, "story", "", "with the html briefing: the story to present, a JSON `FILE` of steps (month, measure, layer, types, select, text); default: one made from the data")
	fs.BoolVar(&o.placeholders, "include-placeholders", false, "with --layer: placeholder actors as ordinary nodes, as analyze --include-placeholders")
	fs.StringVar(&o.langName, "lang", "", "workbook in `LANG`: es, fr or pt (sheet names, headers, labels, vocabulary, country names); import reads it back; default English")
	if err := parse(fs, args); err != nil {
		return o, err
	}
	if _, err := workbook.ParseLang(o.langName); err != nil {
		return o, usagef("--lang: %v", err)
	}
	if fs.NArg() > 0 || o.out == "" {
		return o, usagef("export needs -o FILE and no arguments")
	}
	if !(o.damping > 0 && o.damping < 1) || !(o.tolerance >= 0) || !(o.resolution > 0) || math.IsInf(o.resolution, 0) ||
		o.modularity != "undirected" && o.modularity != "directed" {
		return o, usagef("--damping must lie strictly between 0 and 1, --tolerance must not be negative, --resolution must be positive and --modularity undirected or directed")
	}
	f, err := lookupExportFormat(o.format, o.out)
	if err != nil {
		return o, err
	}
	o.format = f.name
	if o.story != "" && o.format != "html" {
		return o, usagef("--story goes with the html briefing")
	}
	if o.render != "" && (o.format != "dot" || (o.render != "svg" && o.render != "png")) {
		return o, usagef("--render svg|png goes with the dot format")
	}
	if o.layer != "" {
		if _, err := analysis.ParseLayer(o.layer); err != nil {
			return o, usagef("--layer: %v", err)
		}
		if !f.layer {
			return o, usagef("--layer goes with graph files (%s), not %s", exportFormatNames(func(f exportFormat) bool { return f.layer }), o.format)
		}
	} else if o.placeholders {
		return o, usagef("--include-placeholders goes with --layer")
	}
	return o, nil
}

func runExport(ctx context.Context, o exportOptions, e env) error {
	w, err := o.window()
	if err != nil {
		return err
	}
	// Held to the last rename: two exports to one place (gephi's two
	// files, a dot file and its picture) never mix.
	if o.format == "gephi" && o.out != stdoutName {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return err
		}
	}
	release, err := lockOutputFile(ctx, e, o.out)
	if err != nil {
		return err
	}
	defer release()
	if o.streamed(w) {
		return exportStreamed(ctx, o, e)
	}
	d, err := o.load(ctx)
	if err != nil {
		return err
	}
	if !w.IsOpen() {
		d.Cut(analysis.Select(d, w), windowLabel(w))
	}
	// The one analysis every format takes its numbers from, computed as
	// each part is first needed.
	res := analysis.NewResults(d, w, analysis.Options{IncludePlaceholders: o.placeholders}, o.seed)
	res.Settings = analyzeOptions{damping: o.damping, tolerance: o.tolerance, resolution: o.resolution, modularity: o.modularity}.settings()
	f, _ := lookupExportFormat(o.format, "")
	if f.write != nil {
		return f.write(ctx, o, d, res, e)
	}
	g := o.graphOf(res)
	var dotText bytes.Buffer
	err = writeOutput(ctx, e, o.out, buffered(func(w io.Writer) error {
		if o.format == "dot" {
			w = io.MultiWriter(w, &dotText)
		}
		return f.graph(w, g)
	}))
	if err != nil {
		return err
	}
	fmt.Fprintf(outputNote(e, o.out), "wrote %s: %s, %d nodes, %d edges of %s\n", o.out, o.format, len(g.Nodes), len(g.Edges), describe(d))
	if o.render != "" {
		pic := strings.TrimSuffix(o.out, filepath.Ext(o.out)) + "." + o.render
		rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		err := safeio.WriteFile(ctx, pic, buffered(func(w io.Writer) error { return dot.Render(rctx, dotText.Bytes(), o.render, w) }))
		if errors.Is(err, dot.ErrNoGraphviz) {
			return err
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "rendered %s\n", pic)
	}
	return nil
}

// graphOf is what a graph file holds: the layer's graph with --layer, else
// the multigraph of relationships. res's dataset is already cut to the window.
func (o exportOptions) graphOf(res *analysis.Results) graphdata.Graph {
	if o.layer == "" {
		return graphdata.From(res)
	}
	return graphdata.FromLayer(res, analysis.Layer(o.layer))
}

// streamed says the export writes a data-only workbook straight from a CSV
// dataset directory (exportStreamed), holding no dataset in memory.
func (o exportOptions) streamed(w analysis.Window) bool {
	return o.format == "workbook" && o.skipAnalysis && w.IsOpen() && o.data != "" && !o.fromNeo4 && !strings.EqualFold(filepath.Ext(o.data), ".xlsx")
}

// exportStreams reports whether export with args streams (see streamed):
// main decides the memory limit by it before the verb runs.
func exportStreams(args []string) bool {
	o, err := parseExport(args, env{stdout: io.Discard, stderr: io.Discard})
	if err != nil {
		return false
	}
	w, err := o.window()
	return err == nil && o.streamed(w)
}

// exportStreamed writes a data-only workbook straight from a CSV dataset
// directory, row by row, so memory stays flat however many relationships
// there are: a first pass checks every row and counts them, a second
// writes them.
func exportStreamed(ctx context.Context, o exportOptions, e env) error {
	stream := func(fn func(*graphmodel.Relationship) error) error {
		_, _, err := csvdir.StreamAhead(ctx, o.data, iso3166.Registry(), fn)
		return err
	}
	// Sizing the sheets needs the row count before writing; a byte scan
	// gives it without a second parse. Rows are checked as they stream: an
	// invalid one stops the export and the temporary file is removed.
	n, err := csvdir.CountRecords(filepath.Join(o.data, csvdir.RelationshipsFile))
	if err != nil {
		return err
	}
	d, err := csvdir.ReadHead(o.data, iso3166.Registry())
	if err != nil {
		return err
	}
	err = writeWorkbook(ctx, e, o.out, d, workbook.Options{Seed: o.seed, Progress: e.progress, SkipAnalysis: true,
		Stream: stream, StreamCount: n, Lang: o.lang()})
	if err != nil {
		return err
	}
	fmt.Fprintf(outputNote(e, o.out), "wrote %s: data-only workbook of %s %s, %d relationships (streamed)\n", o.out, d.Meta.Name, d.Meta.Version, n)
	return nil
}
