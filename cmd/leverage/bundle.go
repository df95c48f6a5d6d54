package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/internal/safeio"
)

// A bundle is a directory a paper can cite: analyze's outputs and a
// manifest of everything needed to recompute them (the dataset and its
// hash, the window, every setting and seed, the tool's version and
// revision, the inputs' hashes). leverage verify recomputes the outputs
// and compares them bit for bit.
const (
	manifestFile    = "manifest.json"
	manifestVersion = 1
	// manifestLimit bounds what verify reads of a manifest: a real one is
	// a few KiB.
	manifestLimit = 1 << 20
)

// bundleOutputs are the files of a bundle, each what analyze writes with
// the bundle's command and the format given.
var bundleOutputs = []struct{ file, format string }{
	{"analysis.json", "json"},
	{"analysis.txt", "table"},
}

type bundleManifest struct {
	ManifestVersion int `json:"manifest_version"`
	Tool            struct {
		Version  string `json:"version"`
		Release  string `json:"release"`
		Revision string `json:"revision"`
		Go       string `json:"go"`
	} `json:"tool"`
	// Command is analyze's argument list without --bundle and --format:
	// verify runs it again.
	Command  []string              `json:"command"`
	Dataset  graphmodel.Provenance `json:"dataset"`
	Window   string                `json:"window"`
	Settings map[string]string     `json:"settings"`
	Seeds    struct {
		Louvain   []uint64 `json:"louvain"`
		Stability []uint64 `json:"stability"`
		// NullModel is the seed of the null model's random stream.
		NullModel uint64 `json:"null_model"`
	} `json:"seeds"`
	Inputs  []bundleFile `json:"inputs"`
	Outputs []bundleFile `json:"outputs"`
}

type bundleFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256,omitempty"`
	// ContentHash is set for the embedded seed, which has no file.
	ContentHash string `json:"content_hash,omitempty"`
}

// bundleCommand is analyze's command line as fs parsed it, without the
// flags that only choose where and how it is written.
func bundleCommand(fs *flag.FlagSet) []string {
	cmd := []string{}
	fs.Visit(func(f *flag.Flag) {
		v := f.Value.String()
		if f.Name == "data" {
			// verify may run from another directory.
			if abs, err := filepath.Abs(v); err == nil {
				v = abs
			}
		}
		if f.Name != "bundle" && f.Name != "format" {
			cmd = append(cmd, "--"+f.Name+"="+v)
		}
	})
	return cmd
}

// bundleSettings is every analyze flag with the value it had, defaults
// included, so the manifest states settings a reader never typed.
func bundleSettings(fs *flag.FlagSet, st network.Settings) map[string]string {
	out := map[string]string{}
	fs.VisitAll(func(f *flag.Flag) {
		switch f.Name {
		case "bundle", "format", "neo4j", "neo4j-uri", "neo4j-user", "neo4j-database", "neo4j-retry", "write",
			"graph", "metrics", "repeat", "unweighted", "betweenness-samples": // --graph's, or refused with --bundle
			return
		}
		out[f.Name] = f.Value.String()
	})
	out["pagerank_damping"] = fmt.Sprint(st.PageRankDamping)
	out["pagerank_tolerance"] = fmt.Sprint(st.PageRankTol)
	out["hits_tolerance"] = fmt.Sprint(st.HITSTol)
	out["louvain_restarts"] = fmt.Sprint(network.LouvainRestarts)
	out["louvain_resolution"] = fmt.Sprint(st.Resolution)
	return out
}

// runAnalyzeBundle writes the bundle: each output by running analyze with
// the bundle's command, then the manifest last, so a directory with a
// manifest is a complete bundle.
func runAnalyzeBundle(ctx context.Context, o analyzeOptions, fs *flag.FlagSet, e env) error {
	if o.fromNeo4 || o.graph != "" || o.write {
		return usagef("--bundle needs a dataset it can read again (--data or the embedded seed), not --neo4j, --graph or --write")
	}
	if st, err := os.Stat(o.bundle); err == nil && !st.IsDir() {
		return usagef("--bundle %s: not a directory", o.bundle)
	}
	if err := os.MkdirAll(o.bundle, 0o755); err != nil {
		return err
	}
	m := bundleManifest{ManifestVersion: manifestVersion, Command: bundleCommand(fs), Settings: bundleSettings(fs, o.settings())}
	m.Tool.Version, m.Tool.Release, m.Tool.Revision, m.Tool.Go = graphmodel.ToolVersion(), graphmodel.Release, vcsRevision(), runtime.Version()
	outs, err := recompute(ctx, m.Command)
	if err != nil {
		return err
	}
	var rep struct {
		Provenance  graphmodel.Provenance `json:"provenance"`
		Window      string                `json:"window"`
		Communities struct {
			Seeds []uint64 `json:"seeds"`
		} `json:"communities"`
		Stability struct {
			Seeds []uint64 `json:"seeds"`
		} `json:"community_stability"`
	}
	if err := json.Unmarshal(outs["analysis.json"], &rep); err != nil {
		return fmt.Errorf("bundle: reading analyze's own JSON: %w", err)
	}
	m.Dataset, m.Window = rep.Provenance, rep.Window
	m.Seeds.Louvain, m.Seeds.Stability, m.Seeds.NullModel = rep.Communities.Seeds, rep.Stability.Seeds, o.seed
	if m.Inputs, err = inputHashes(o.data, rep.Provenance); err != nil {
		return err
	}
	for _, b := range bundleOutputs {
		data := outs[b.file]
		if err := safeio.WriteFile(ctx, filepath.Join(o.bundle, b.file), func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return err
		}
		m.Outputs = append(m.Outputs, bundleFile{Path: b.file, SHA256: sha(data)})
	}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	raw = append(raw, '\n')
	if err := safeio.WriteFile(ctx, filepath.Join(o.bundle, manifestFile), func(w io.Writer) error { _, err := w.Write(raw); return err }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote bundle %s: %d outputs and %s of %s; leverage verify %s recomputes them\n",
		o.bundle, len(m.Outputs), manifestFile, m.Dataset.String(), o.bundle)
	return nil
}

// recompute runs analyze with cmd once per bundle output and returns each
// output's bytes by file name.
func recompute(ctx context.Context, cmd []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, b := range bundleOutputs {
		var buf bytes.Buffer
		args := append(append([]string{}, cmd...), "--format="+b.format)
		if err := analyzeMain(ctx, args, env{stdout: &buf, stderr: io.Discard}); err != nil {
			return nil, err
		}
		out[b.file] = buf.Bytes()
	}
	return out, nil
}

// inputHashes lists the files the dataset was read from with their
// SHA-256: every regular file of a dataset directory, or the workbook;
// for the embedded seed, its content hash.
func inputHashes(data string, p graphmodel.Provenance) ([]bundleFile, error) {
	if data == "" {
		return []bundleFile{{Path: "embedded seed dataset", ContentHash: p.ContentHash}}, nil
	}
	st, err := os.Stat(data)
	if err != nil {
		return nil, err
	}
	paths := []string{data}
	if st.IsDir() {
		entries, err := os.ReadDir(data)
		if err != nil {
			return nil, err
		}
		paths = paths[:0]
		for _, en := range entries {
			if en.Type().IsRegular() {
				paths = append(paths, filepath.Join(data, en.Name()))
			}
		}
		sort.Strings(paths)
	}
	var out []bundleFile
	for _, p := range paths {
		h, err := fileSHA(p)
		if err != nil {
			return nil, err
		}
		out = append(out, bundleFile{Path: p, SHA256: h})
	}
	return out, nil
}

func fileSHA(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// vcsRevision is the commit the binary was built from, with "+dirty" for
// uncommitted changes, or a note that the build did not record it.
func vcsRevision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "not recorded (no build information)"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "not recorded by the build (-buildvcs=false or go run); the release is in version"
	}
	if dirty {
		rev += "+dirty"
	}
	return rev
}

// errVerify marks a bundle that does not reproduce; exit 3, as invalid
// input.
var errVerify = fmt.Errorf("%w: bundle does not verify", graphmodel.ErrInvalid)

func verifyMain(ctx context.Context, args []string, e env) error {
	fs := newFlags("verify", "DIR", `Checks a bundle written by analyze --bundle DIR: every output's SHA-256 against
the manifest, every input file's SHA-256 (a dataset changed since is named),
then runs the manifest's analyze command again and compares each output bit
for bit. Exit 0 when everything reproduces, 3 when anything differs.`, e)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("verify takes one bundle directory")
	}
	dir := fs.Arg(0)
	raw, err := safeio.ReadFile(filepath.Join(dir, manifestFile), manifestLimit)
	if err != nil {
		return err
	}
	var m bundleManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("%w: %s: %v", errVerify, filepath.Join(dir, manifestFile), err)
	}
	if m.ManifestVersion != manifestVersion || len(m.Outputs) == 0 {
		return fmt.Errorf("%w: %s: manifest version %d with %d outputs, want version %d", errVerify, filepath.Join(dir, manifestFile), m.ManifestVersion, len(m.Outputs), manifestVersion)
	}
	var problems []string
	for _, in := range m.Inputs {
		if in.SHA256 == "" {
			continue
		}
		if h, err := fileSHA(in.Path); err != nil {
			problems = append(problems, fmt.Sprintf("input %s: %v", in.Path, err))
		} else if h != in.SHA256 {
			problems = append(problems, fmt.Sprintf("input %s: SHA-256 %s, the manifest says %s: the dataset changed since the bundle was made", in.Path, h, in.SHA256))
		}
	}
	if m.Tool.Version != graphmodel.ToolVersion() {
		problems = append(problems, fmt.Sprintf("tool: this is leverage %s, the bundle was made by %s: outputs name the tool, so they cannot match byte for byte", graphmodel.ToolVersion(), m.Tool.Version))
	}
	outs, err := recompute(ctx, m.Command)
	if err != nil {
		return fmt.Errorf("verify: running %v: %w", m.Command, err)
	}
	for _, o := range m.Outputs {
		path := filepath.Join(dir, o.Path)
		got, err := os.ReadFile(path)
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: %v", path, err))
			continue
		case sha(got) != o.SHA256:
			problems = append(problems, fmt.Sprintf("%s: SHA-256 %s, the manifest says %s: edited since the bundle was made", path, sha(got), o.SHA256))
		}
		want, ok := outs[filepath.Base(o.Path)]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: not an output analyze writes", path))
		} else if !bytes.Equal(got, want) {
			problems = append(problems, fmt.Sprintf("%s: recomputed output differs (first at byte %d)", path, firstDiff(got, want)))
		} else {
			fmt.Fprintf(e.stdout, "ok: %s reproduced bit for bit (sha256:%s)\n", path, sha(got))
		}
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(e.stderr, "verify: %s\n", p)
		}
		return fmt.Errorf("%w: %s: %d problems", errVerify, dir, len(problems))
	}
	fmt.Fprintf(e.stdout, "verified %s: %d outputs of %s, window %s, recomputed by leverage %s\n", dir, len(m.Outputs), m.Dataset.String(), m.Window, graphmodel.ToolVersion())
	return nil
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
