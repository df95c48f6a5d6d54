package safeio

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// processTempPrefix names the private temporary directory of one run:
// "leverage-pPID-RANDOM" in the system's temporary directory.
const processTempPrefix = "leverage-p"

// UseProcessTempDir points TMPDIR at a fresh directory of this process's
// own, so every temporary file anything in the process makes (excelize's
// spill files of large sheets included) lives there and goes with it.
// Directories of earlier runs whose process has died (kill -9) are removed
// first, once untouched for staleAfter: a process that looks dead may live
// in another PID namespace (a container) sharing this temporary directory,
// and removing its directory mid-run broke its export ("open
// …/leverage-workbook-….xlsx: no such file or directory", seen when
// several test runs shared /tmp). The returned function removes this run's directory; call it on
// every exit.
func UseProcessTempDir() (cleanup func()) {
	parent := os.TempDir()
	sweepProcessTempDirs(parent)
	dir, err := os.MkdirTemp(parent, processTempPrefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return func() {}
	}
	old, had := os.LookupEnv("TMPDIR")
	os.Setenv("TMPDIR", dir)
	return func() {
		os.RemoveAll(dir)
		if had {
			os.Setenv("TMPDIR", old)
		} else {
			os.Unsetenv("TMPDIR")
		}
	}
}

// staleAfter is how long a dead-looking run's directory must have been
// untouched before it is removed.
const staleAfter = 6 * time.Hour

func sweepProcessTempDirs(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), processTempPrefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}
