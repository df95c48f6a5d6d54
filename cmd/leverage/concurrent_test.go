package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel/csvdir"
)

// readDir returns a dataset directory's files by name.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// Issue 22: two runs aimed at one target both passed the "another
// dataset?" check on an empty directory and both wrote, leaving one run's
// meta beside the other's relationships. With the target lock the second
// run looks only after the first has renamed its last file, finds the
// first's dataset and refuses (exit 2); the directory holds one run's
// output whole. The race runs many times, in a bounded loop.
func TestTwoRunsOneTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and races it")
	}
	bin := buildCLI(t)
	tmp := t.TempDir()
	gen := func(dir, seed string) *exec.Cmd {
		return exec.Command(bin, "generate", "--out", dir, "--relationships", "20000", "--seed", seed)
	}
	want := map[string]map[string][]byte{}
	for _, seed := range []string{"1", "2"} {
		ref := filepath.Join(tmp, "ref"+seed)
		if out, err := gen(ref, seed).CombinedOutput(); err != nil {
			t.Fatalf("reference: %v %s", err, out)
		}
		want[seed] = readDir(t, ref)
	}
	const rounds = 12
	for i := range rounds {
		dir := filepath.Join(tmp, fmt.Sprintf("race%d", i))
		a, b := gen(dir, "1"), gen(dir, "2")
		var ea, eb strings.Builder
		a.Stderr, b.Stderr = &ea, &eb
		if err := a.Start(); err != nil {
			t.Fatal(err)
		}
		if err := b.Start(); err != nil {
			t.Fatal(err)
		}
		codes := [2]int{exitCodeOf(t, a.Wait()), exitCodeOf(t, b.Wait())}
		got := readDir(t, dir)
		var winner string
		for seed, files := range want {
			if sameFiles(got, files) {
				winner = seed
			}
		}
		if winner == "" {
			names := []string{}
			for k := range got {
				names = append(names, k)
			}
			t.Fatalf("round %d: the directory holds neither run's output whole (files %v; exits %v)\n%s\n%s", i, names, codes, ea.String(), eb.String())
		}
		if codes[0]+codes[1] != exitUsage || codes[0]*codes[1] != 0 {
			t.Errorf("round %d: exits %v, want one 0 and one 2 (the loser refuses the winner's dataset)", i, codes)
		}
		if _, err := os.Stat(filepath.Join(dir, csvdir.MetaFile)); err != nil {
			t.Fatal(err)
		}
	}
}

func exitCodeOf(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}
