package graphmodel

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		// go run, or a build with -buildvcs=false: the release, never "(devel)".
		{"no version", debug.BuildInfo{}, Release},
		{"devel without VCS", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, Release},
		{"module version", debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "4857d3d1a2b3c4d5e6f7"}, {Key: "vcs.modified", Value: "true"}}},
			Release + " 4857d3d1a2b3+dirty"},
		{"pseudo-version already names the revision", debug.BuildInfo{
			Main:     debug.Module{Version: "v0.0.0-20261201000000-4857d3d1a2b3"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "4857d3d1a2b3c4d5e6f7"}}},
			"v0.0.0-20261201000000-4857d3d1a2b3"},
	} {
		if got := versionFromBuildInfo(&tc.info); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestProvenanceCarriesTheFullHash(t *testing.T) {
	d := &Dataset{Meta: Meta{Name: "n", Version: "1"}}
	p := d.Provenance()
	if len(p.ContentHash) != 64 {
		t.Fatalf("content hash %q is not a full SHA-256", p.ContentHash)
	}
	if !strings.HasPrefix(p.Tool, "leverage ") || !strings.Contains(p.String(), p.ContentHash) {
		t.Fatalf("provenance %q", p.String())
	}
}
