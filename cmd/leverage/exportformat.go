package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/dot"
	"github.com/leverage-project/leverage/exports/gephi"
	"github.com/leverage-project/leverage/exports/gexf"
	"github.com/leverage-project/leverage/exports/graphdata"
	"github.com/leverage-project/leverage/exports/graphml"
	"github.com/leverage-project/leverage/exports/kumu"
	"github.com/leverage-project/leverage/exports/nodelink"
	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
)

// exportFormat is one format export writes. A graph file sets graph (a
// writer of graphdata.Graph, to a file or stdout); a format that needs
// more sets write.
type exportFormat struct {
	name string
	// exts are the file extensions that choose it when --format is not
	// given.
	exts []string
	// layer says it takes --layer: a graph file of the layer's graph.
	layer bool
	graph func(io.Writer, graphdata.Graph) error
	write func(ctx context.Context, o exportOptions, d *graphmodel.Dataset, res *analysis.Results, e env) error
}

// exportFormats are every format of export, registered here only: the
// --format list, choosing by extension, --layer's check and the writing
// all read this table.
var exportFormats = []exportFormat{
	{name: "workbook", exts: []string{".xlsx"}, write: exportWorkbook},
	{name: "gephi", layer: true, write: exportGephi},
	{name: "kumu", graph: kumu.Write},
	{name: "graphml", exts: []string{".graphml"}, layer: true, graph: graphml.Write},
	{name: "gexf", exts: []string{".gexf"}, layer: true, graph: gexf.Write},
	{name: "json", exts: []string{".json"}, layer: true, graph: nodelink.Write},
	{name: "dot", exts: []string{".dot", ".gv"}, layer: true, graph: dot.Write},
	{name: "html", exts: []string{".html", ".htm"}, write: func(ctx context.Context, o exportOptions, d *graphmodel.Dataset, res *analysis.Results, e env) error {
		return exportBriefing(ctx, o, d, res, e)
	}},
}

// exportFormatNames lists the formats whose entry passes keep.
func exportFormatNames(keep func(exportFormat) bool) string {
	var out []string
	for _, f := range exportFormats {
		if keep(f) {
			out = append(out, f.name)
		}
	}
	return strings.Join(out, ", ")
}

func anyFormat(exportFormat) bool { return true }

// lookupExportFormat returns the format called name, or the one path's
// extension chooses when name is empty.
func lookupExportFormat(name, path string) (exportFormat, error) {
	if name == "" {
		ext := strings.ToLower(filepath.Ext(path))
		for _, f := range exportFormats {
			if slices.Contains(f.exts, ext) {
				return f, nil
			}
		}
		return exportFormat{}, usagef("cannot tell the format from %q; give --format (%s)", path, exportFormatNames(anyFormat))
	}
	for _, f := range exportFormats {
		if f.name == name {
			return f, nil
		}
	}
	return exportFormat{}, usagef("--format must be one of %s", exportFormatNames(anyFormat))
}

func exportWorkbook(ctx context.Context, o exportOptions, d *graphmodel.Dataset, res *analysis.Results, e env) error {
	w, err := o.window()
	if err != nil {
		return err
	}
	err = writeWorkbook(ctx, e, o.out, d, workbook.Options{Window: w, Seed: o.seed, Results: res, Progress: e.progress, SkipAnalysis: o.skipAnalysis, Lang: o.lang()})
	if err == nil {
		fmt.Fprintf(outputNote(e, o.out), "wrote %s: workbook of %s, %d relationships\n", o.out, describe(d), len(d.Relationships))
	}
	return err
}

// exportGephi writes a directory: nodes.csv and edges.csv, each renamed
// into place when complete.
func exportGephi(ctx context.Context, o exportOptions, d *graphmodel.Dataset, res *analysis.Results, e env) error {
	if o.out == stdoutName {
		return usagef("gephi writes a directory; -o - does not apply")
	}
	g := o.graphOf(res)
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	if err := safeio.WriteFile(ctx, filepath.Join(o.out, "nodes.csv"), buffered(func(w io.Writer) error { return gephi.WriteNodes(w, g) })); err != nil {
		return err
	}
	if err := safeio.WriteFile(ctx, filepath.Join(o.out, "edges.csv"), buffered(func(w io.Writer) error { return gephi.WriteEdges(w, g) })); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s/nodes.csv and edges.csv: %d nodes, %d edges of %s\n", o.out, len(g.Nodes), len(g.Edges), describe(d))
	return nil
}
