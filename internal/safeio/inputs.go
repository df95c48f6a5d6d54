package safeio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
)

// ErrOutputIsInput marks an output path that names one of the run's own
// input files: replacing it would destroy what the run read
// ("export --data own -o own/relationships.csv"). The CLI reports it as a
// usage error.
var ErrOutputIsInput = errors.New("is one of this run's input files; refusing to replace it (choose another output)")

// inputs are the files opened through Open, OpenFS and ReadFile while
// tracking is on. Tracking is process-wide and off by default, so a
// library user or a package's tests reading and rewriting the same file
// are not refused; the CLI turns it on for each run.
var inputs struct {
	sync.Mutex
	on    bool
	files []fs.FileInfo
}

// TrackInputs starts recording the files opened for reading, forgetting
// those of an earlier run, and returns the function that stops it. While
// on, Create refuses (ErrOutputIsInput) a target that is one of them.
func TrackInputs() (stop func()) {
	inputs.Lock()
	inputs.on, inputs.files = true, nil
	inputs.Unlock()
	return func() {
		inputs.Lock()
		inputs.on, inputs.files = false, nil
		inputs.Unlock()
	}
}

func noteInput(st fs.FileInfo) {
	inputs.Lock()
	defer inputs.Unlock()
	if !inputs.on {
		return
	}
	for _, f := range inputs.files {
		if os.SameFile(f, st) {
			return
		}
	}
	inputs.files = append(inputs.files, st)
}

// refuseInput returns ErrOutputIsInput if target is a recorded input.
func refuseInput(target string) error {
	inputs.Lock()
	defer inputs.Unlock()
	if !inputs.on || len(inputs.files) == 0 {
		return nil
	}
	st, err := os.Stat(target)
	if err != nil {
		return nil // nothing there to destroy
	}
	for _, f := range inputs.files {
		if os.SameFile(f, st) {
			return fmt.Errorf("%s %w", target, ErrOutputIsInput)
		}
	}
	return nil
}
