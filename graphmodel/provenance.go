package graphmodel

import (
	"runtime/debug"
	"strings"
	"sync"
)

// Provenance is what every output says about where its numbers came from:
// the dataset by name, version and full content hash, and the tool that
// produced the output. Exports, query results, the Neo4j (:Dataset) and
// (:Analysis) nodes and the briefing all take it from here, so they agree.
type Provenance struct {
	DatasetName    string `json:"dataset"`
	DatasetVersion string `json:"dataset_version"`
	// ContentHash is the full SHA-256 of Dataset.ContentHash, never a prefix.
	ContentHash string `json:"content_hash"`
	// Tool is "leverage" followed by ToolVersion.
	Tool string `json:"tool"`
}

// Provenance describes d as outputs cite it.
func (d *Dataset) Provenance() Provenance {
	return Provenance{
		DatasetName:    d.Meta.Name,
		DatasetVersion: d.Meta.Version,
		ContentHash:    d.ContentHash(),
		Tool:           "leverage " + ToolVersion(),
	}
}

// String is the one-line form printed by the verbs:
// "leverage-seed 1.0.0 sha256:… (leverage v0.0.0-… )".
func (p Provenance) String() string {
	var b strings.Builder
	b.WriteString(p.DatasetName)
	if p.DatasetVersion != "" {
		b.WriteString(" ")
		b.WriteString(p.DatasetVersion)
	}
	b.WriteString(" sha256:")
	b.WriteString(p.ContentHash)
	if p.Tool != "" {
		b.WriteString(" (")
		b.WriteString(p.Tool)
		b.WriteString(")")
	}
	return b.String()
}

var toolVersion = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return Release
	}
	return versionFromBuildInfo(info)
})

// Release is the tool's release version, the one CHANGELOG.md and
// CITATION.cff name and a release's git tag carries (as "v" + Release).
// It is a constant so that every build reports it, `go run` and builds
// with -buildvcs=false included, where the module version is only
// "(devel)".
const Release = "0.9.0"

// ToolVersion is the version outputs cite: the module version when the
// binary was built as a module at a version (`go install …@v0.9.0`, or a
// pseudo-version naming the commit), else Release; followed by the VCS
// revision and "+dirty" when the build recorded them and the version does
// not already name it, e.g. "0.9.0 4857d3d1a2b3+dirty". It is read from the
// binary's build information, so it cannot drift from the code.
func ToolVersion() string { return toolVersion() }

func versionFromBuildInfo(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = Release
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" && !strings.Contains(v, rev[:min(12, len(rev))]) {
		v += " " + rev[:min(12, len(rev))]
		if modified == "true" {
			v += "+dirty"
		}
	}
	return v
}
