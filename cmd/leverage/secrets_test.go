package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// neo4jVerbRuns are invocations of every verb that talks to Neo4j, each
// writing to fresh paths.
func neo4jVerbRuns(t *testing.T) map[string][]string {
	dir := t.TempDir()
	wb := filepath.Join(t.TempDir(), "seed.xlsx")
	if _, errs, code := runCLI(t, "export", "--no-analysis", "-o", wb); code != 0 {
		t.Fatal(errs)
	}
	tracker := filepath.Join(t.TempDir(), "tracker.csv")
	if err := os.WriteFile(tracker, []byte("Destination,Date,Number Removed,Origin Nationalities,Source\nPanama,2025-02-13,10,Iranian,https://example.org/t\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return map[string][]string{
		"dataset":  {"dataset", "export", "--neo4j", filepath.Join(dir, "ds")},
		"import":   {"import", "--neo4j", wb},
		"ingest":   {"ingest", "tracker", tracker, "--neo4j", "--out", filepath.Join(dir, "ing")},
		"load":     {"load"},
		"query":    {"query", "--cypher", "MATCH (c:Country) RETURN count(c) AS n"},
		"validate": {"validate", "--neo4j"},
		"analyze":  {"analyze", "--neo4j"},
		"patterns": {"patterns", "--neo4j"},
		"profile":  {"profile", "--neo4j", "PA"},
		"timeline": {"timeline", "--neo4j"},
		"stats":    {"stats", "--neo4j"},
		"export":   {"export", "--neo4j", "-o", filepath.Join(dir, "x.xlsx")},
	}
}

// No output of any Neo4j verb shows the password given as user info in
// the URI: not on success, not when the server is unreachable, not when
// the credentials are wrong, not when the URI does not parse.
func TestNoOutputShowsTheURIPassword(t *testing.T) {
	needNeo4j(t)
	cfg := neostore.ConfigFromEnv()
	host := strings.TrimPrefix(cfg.URI, "bolt://")
	const wrong = "Wr0ng-S3cret-in-URI"
	runs := neo4jVerbRuns(t)
	if _, errs, code := runCLI(t, "load", "--replace"); code != 0 {
		t.Fatal(errs)
	}
	// Every verb whose help offers --neo4j-uri is in the list above.
	var names []string
	for name := range verbs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		out, _, _ := runCLI(t, name, "--help")
		if _, ok := runs[name]; strings.Contains(out, "-neo4j-uri") && !ok {
			t.Errorf("verb %s talks to Neo4j but is not in the secrets test", name)
		}
	}
	uris := map[string]string{
		"success":     "bolt://" + cfg.Username + ":" + cfg.Password + "@" + host,
		"refused":     "bolt://neo4j:" + wrong + "@127.0.0.1:1",
		"bad user":    "bolt://nosuchuser:" + wrong + "@" + host,
		"unparseable": "bolt://neo4j:" + wrong + "/x@@" + host,
		"http":        "http://neo4j:" + wrong + "@127.0.0.1:7474",
		"scheme":      "ftp://neo4j:" + wrong + "@127.0.0.1:7474",
	}
	secret := map[string]string{"success": cfg.Password}
	for kind, uri := range uris {
		pw := secret[kind]
		if pw == "" {
			pw = wrong
		}
		for _, how := range []string{"flag", "env"} {
			for name, args := range neo4jVerbRuns(t) {
				if how == "flag" {
					args = append(append([]string{}, args...), "--neo4j-uri", uri)
					t.Setenv("NEO4J_PASSWORD", "")
				} else {
					t.Setenv("NEO4J_URI", uri)
					t.Setenv("NEO4J_PASSWORD", "")
				}
				out, errs, code := runCLI(t, args...)
				t.Setenv("NEO4J_URI", cfg.URI)
				t.Setenv("NEO4J_PASSWORD", cfg.Password)
				if strings.Contains(out+errs, pw) {
					t.Errorf("%s %s URI via %s: output shows the password:\n%s%s", name, kind, how, out, errs)
				}
				switch {
				case kind == "success" && code != 0:
					t.Errorf("%s with the password in the URI (%s): exit %d: %s", name, how, code, errs)
				case kind == "http" || kind == "scheme" || kind == "unparseable":
					if code != exitUsage {
						t.Errorf("%s with a %s URI (%s): exit %d, want %d: %s", name, kind, how, code, exitUsage, errs)
					}
				case kind != "success" && code != exitFailure:
					t.Errorf("%s %s (%s): exit %d: %s", name, kind, how, code, errs)
				}
			}
		}
	}
	if os.Getenv("NEO4J_URI") != cfg.URI {
		t.Fatal("environment not restored")
	}
}

func TestRedactURI(t *testing.T) {
	for in, want := range map[string]string{
		"bolt://neo4j:secret@host:7687":  "bolt://***@host:7687",
		"bolt://host:7687":               "bolt://host:7687",
		"neo4j://u:p/w@@h:1?x=y":         "neo4j://***@h:1?x=y",
		"user:secret@host":               "***@host",
		"neo4j+s://only-user@db.example": "neo4j+s://***@db.example",
	} {
		if got := neostore.RedactURI(in); got != want {
			t.Errorf("RedactURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func neostoreURI() string { return neostore.ConfigFromEnv().URI }
