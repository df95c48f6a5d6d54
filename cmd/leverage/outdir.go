package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/csvdir"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
	"github.com/leverage-project/leverage/internal/safeio"
)

// outDirCheck says whether writing a dataset into dir may go ahead. A
// directory that does not exist, is empty of dataset files, or already
// holds exactly what would be written is fine; one holding another dataset
// is replaced only with --force, so nobody loses their only copy to a
// mistyped --out. same, if not nil, reports whether the dataset found there
// equals the one about to be written (it is given the directory's dataset,
// read in full).
type outDirCheck struct {
	dir   string
	force bool
	// sameAs, if set, is a directory whose dataset is being updated in
	// place (ingest --data D --out D): writing there is what was asked.
	sameAs string
	same   func(existing *graphmodel.Dataset) bool
}

// lockAndRun takes the target lock on c.dir (creating the directory if
// needed) and then runs the check, so that of two runs aimed at one
// directory the second looks only after the first has renamed its last
// file: one wins whole, the other then finds its dataset there (and
// refuses without --force) or waits. release drops the lock and removes
// the directory again if this run made it and left it empty (a refusal).
func (c outDirCheck) lockAndRun(ctx context.Context, e env) (release func(), err error) {
	st, err := os.Stat(c.dir)
	made := errors.Is(err, fs.ErrNotExist)
	switch {
	case err == nil && !st.IsDir():
		return nil, usagef("--out %s: not a directory", c.dir)
	case err != nil && !made:
		return nil, err
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockTarget(ctx, e, c.dir)
	if err != nil {
		if made {
			os.Remove(c.dir)
		}
		return nil, err
	}
	release = func() {
		if made {
			os.Remove(c.dir) // only if still empty
		}
		unlock()
	}
	if err := c.run(); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// lockTarget takes the advisory lock on directory dir that every run
// writing there holds, saying on standard error when it must wait.
func lockTarget(ctx context.Context, e env, dir string) (func(), error) {
	return safeio.LockDir(ctx, dir, func() {
		fmt.Fprintf(e.stderr, "leverage: another run is writing %s; waiting for it to finish (Ctrl-C to give up)\n", dir)
	})
}

// lockOutputFile takes the target lock on the directory of the output
// file path (none for standard output or a directory that does not
// exist, which the write itself then reports).
func lockOutputFile(ctx context.Context, e env, path string) (func(), error) {
	if path == stdoutName {
		return func() {}, nil
	}
	dir := path
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		target, _, err := safeio.ResolveTarget(path)
		if err != nil {
			target = path
		}
		dir = filepath.Dir(target)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return func() {}, nil
	}
	return lockTarget(ctx, e, dir)
}

func (c outDirCheck) run() error {
	st, err := os.Stat(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return usagef("--out %s: not a directory", c.dir)
	}
	if !holdsDataset(c.dir) || c.force {
		return nil
	}
	if c.sameAs != "" {
		if other, err := os.Stat(c.sameAs); err == nil && os.SameFile(st, other) {
			return nil
		}
	}
	existing, readErr := csvdir.ReadDir(c.dir, iso3166.Registry())
	if readErr == nil && c.same != nil && c.same(existing) {
		return nil
	}
	return usagef("%s already holds %s; use --force to replace it, or choose another directory", c.dir, whatIsThere(c.dir, existing, readErr))
}

// holdsDataset reports whether dir has any of a dataset's files.
func holdsDataset(dir string) bool {
	for _, name := range []string{csvdir.RelationshipsFile, csvdir.SourcesFile, csvdir.MetaFile, csvdir.CountriesFile} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// whatIsThere describes the dataset found in dir for a refusal message.
func whatIsThere(dir string, d *graphmodel.Dataset, readErr error) string {
	if readErr == nil {
		return fmt.Sprintf("the dataset %s with %d relationships and %d sources", describe(d), len(d.Relationships), len(d.Sources))
	}
	if head, err := csvdir.ReadHead(dir, iso3166.Registry()); err == nil {
		n, _ := csvdir.CountRecords(filepath.Join(dir, csvdir.RelationshipsFile))
		name := head.Meta.Name
		if name == "" {
			name = "an unnamed dataset"
		}
		return fmt.Sprintf("%s %s with %d relationship rows (not valid as it stands)", name, head.Meta.Version, n)
	}
	return "dataset files (not readable as a dataset)"
}

// sameContent is outDirCheck.same for a dataset in memory: equal content
// hashes and equal identity.
func sameContent(d *graphmodel.Dataset) func(*graphmodel.Dataset) bool {
	return func(existing *graphmodel.Dataset) bool {
		return existing.Meta.Equal(d.Meta) && existing.ContentHash() == d.ContentHash()
	}
}
