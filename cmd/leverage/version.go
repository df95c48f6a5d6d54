package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/leverage-project/leverage/graphmodel"
)

func versionMain(ctx context.Context, args []string, e env) error {
	fs := newFlags("version", "", "Prints the tool version: the release (or the module version of a module build),\nthen the VCS revision (and +dirty) when the build recorded it. Also: leverage --version.", e)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintf(e.stdout, "leverage %s (%s)\n", graphmodel.ToolVersion(), runtime.Version())
	return nil
}
