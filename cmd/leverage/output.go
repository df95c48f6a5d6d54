package main

import (
	"bufio"
	"context"
	"io"

	"github.com/leverage-project/leverage/analysis"
	"github.com/leverage-project/leverage/exports/workbook"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
)

// stdoutName is the output path that means standard output.
const stdoutName = "-"

// writeOutput writes one output file, or standard output for "-".
func writeOutput(ctx context.Context, e env, path string, fn func(io.Writer) error) error {
	if path == stdoutName {
		return fn(safeio.ContextWriter(ctx, e.stdout))
	}
	return safeio.WriteFile(ctx, path, fn)
}

// outputNote is where the "wrote FILE" line goes: standard error when the
// output itself is on standard output, so the two never mix.
func outputNote(e env, path string) io.Writer {
	if path == stdoutName {
		return e.stderr
	}
	return e.stdout
}

// writeWorkbook writes a workbook to path ("-": standard output) and stops,
// replacing nothing, once ctx is done.
func writeWorkbook(ctx context.Context, e env, path string, d *graphmodel.Dataset, opt workbook.Options) error {
	opt.Context = ctx
	if path == stdoutName {
		return workbook.Write(safeio.ContextWriter(ctx, e.stdout), d, opt)
	}
	return workbook.WriteFile(path, d, opt)
}

// buffered wraps a writer function in a 1 MiB buffer flushed at the end.
func buffered(fn func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		if err := fn(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
}

// truncate shortens s to n characters for a table column, marking the cut
// with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// reportHeader is how the analysis verbs' JSON output begins: the dataset
// as the printed lines cite it (describe), its provenance and the window.
// Embedded first in a verb's report struct, its fields come first.
type reportHeader struct {
	Dataset    string                `json:"dataset"`
	Provenance graphmodel.Provenance `json:"provenance"`
	Window     string                `json:"window"`
}

func headerOf(d *graphmodel.Dataset, w analysis.Window) reportHeader {
	return reportHeader{Dataset: describe(d), Provenance: d.Provenance(), Window: windowLabel(w)}
}
