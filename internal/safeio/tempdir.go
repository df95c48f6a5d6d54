package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// processTempPrefix names the private temporary directory of one run:
// "leverage-pPID-RANDOM" in the system's temporary directory.
const processTempPrefix = "leverage-p"

// UseProcessTempDir points TMPDIR at a fresh directory of this process's
// own, so every temporary file anything in the process makes (excelize's
// spill files of large sheets included) lives there and goes with it.
// The process holds a lock on the directory while it lives; directories
// of earlier runs whose lock nobody holds (the run was killed) are removed
// first, whatever PID namespace they came from. The returned function
// removes this run's directory; call it on every exit.
func UseProcessTempDir() (cleanup func()) {
	parent := os.TempDir()
	sweepProcessTempDirs(parent)
	var dir string
	var lock *os.File
	for attempt := 0; lock == nil; attempt++ {
		d, err := os.MkdirTemp(parent, processTempPrefix+strconv.Itoa(os.Getpid())+"-*")
		if err != nil {
			return func() {}
		}
		f, err := os.Open(d)
		if err != nil {
			os.Remove(d)
			return func() {}
		}
		ok, err := tryLock(f)
		if ok || errors.Is(err, errNoLocks) {
			// A sweeper may have taken it between MkdirTemp and the lock.
			if same, serr := stillNamed(f, d); serr == nil && same {
				dir, lock = d, f
				break
			}
		}
		f.Close()
		os.Remove(d)
		if attempt == 10 {
			return func() {}
		}
	}
	old, had := os.LookupEnv("TMPDIR")
	os.Setenv("TMPDIR", dir)
	return func() {
		os.RemoveAll(dir)
		lock.Close()
		if had {
			os.Setenv("TMPDIR", old)
		} else {
			os.Unsetenv("TMPDIR")
		}
	}
}

func sweepProcessTempDirs(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), processTempPrefix) || !e.IsDir() {
			continue
		}
		removeIfUnlocked(filepath.Join(parent, e.Name()), os.RemoveAll)
	}
}
