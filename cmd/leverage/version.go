package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/leverage-project/leverage/graphmodel"
)

func versionMain(ctx context.Context, args []string, e env) error {
	fs := newFlags("version", "", "Prints the tool version from the binary's build information: the module version,\nthen the VCS revision (and +dirty) when built from a checkout. Also: leverage --version.", e)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintf(e.stdout, "leverage %s (%s)\n", graphmodel.ToolVersion(), runtime.Version())
	return nil
}
