package graphmodel

import (
	"fmt"
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
	// Window, Subset and SubsetHash are set on an output that covers part
	// of the dataset (a time window, a layer): ContentHash stays the whole
	// dataset's, the hash validate prints and a paper cites, and
	// SubsetHash is the content hash of the part alone (the dataset's
	// countries and sources with just the relationships covered), under
	// its own name so the two are never confused.
	Window     string `json:"window,omitempty"`
	Subset     string `json:"subset,omitempty"`
	SubsetHash string `json:"subset_content_hash,omitempty"`
	// CurrentContentHash and Diverged are set on outputs read from a
	// database (query): the content hash of what the database held after
	// the last write a leverage query made, and whether that differs from
	// the dataset as loaded (ContentHash). Changed says when and by what.
	CurrentContentHash string `json:"current_content_hash,omitempty"`
	Diverged           bool   `json:"diverged_from_loaded,omitempty"`
	Changed            string `json:"changed,omitempty"`
}

// Provenance describes d as outputs cite it. A dataset cut by Cut names
// the dataset it was cut from, with the window and the part's own hash.
func (d *Dataset) Provenance() Provenance {
	if d.parent != nil {
		p := *d.parent
		p.SubsetHash = d.ContentHash()
		return p
	}
	return Provenance{
		DatasetName:    d.Meta.Name,
		DatasetVersion: d.Meta.Version,
		ContentHash:    d.ContentHash(),
		Tool:           "leverage " + ToolVersion(),
	}
}

// Cut keeps only rels as d's relationships, remembering what d was: its
// Provenance then cites the whole dataset's hash and names window (a
// description of the cut, e.g. "as of 2025-03-31") and the part's own
// hash. Cutting a cut dataset keeps the first parent.
func (d *Dataset) Cut(rels []Relationship, window string) {
	if d.parent == nil {
		p := d.Provenance()
		d.parent = &p
	}
	d.parent.Window, d.parent.Subset = window, "relationships in the window"
	d.Relationships = rels
}

// SubsetProvenance is d's provenance for an output that covers only rels
// of it (a layer's relationships in a window), described by subset and
// window ("" when d is already cut, or for all dates).
func (d *Dataset) SubsetProvenance(rels []*Relationship, window, subset string) Provenance {
	p := d.Provenance()
	part := *d
	part.parent = nil
	part.Relationships = make([]Relationship, len(rels))
	for i, r := range rels {
		part.Relationships[i] = *r
	}
	p.Subset, p.SubsetHash = subset, part.ContentHash()
	if window != "" {
		p.Window = window
	}
	return p
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
	if p.SubsetHash != "" {
		fmt.Fprintf(&b, "; window %s, %s: subset sha256:%s", orAll(p.Window), p.Subset, p.SubsetHash)
	}
	if p.Diverged {
		fmt.Fprintf(&b, "; changed since load (%s): current sha256:%s", p.Changed, p.CurrentContentHash)
	}
	return b.String()
}

func orAll(window string) string {
	if window == "" {
		return "all dates"
	}
	return window
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
