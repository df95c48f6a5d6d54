package safeio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegularInput marks an input that is not a regular file. Reading
// /dev/zero never ends and opening a FIFO blocks until someone writes, so
// neither is read at all.
var ErrNotRegularInput = errors.New("not a regular file; give a file")

// Open opens a regular file for reading, checking before the open (which
// would block on a FIFO) and again after it (in case the name was swapped
// between the two).
func Open(path string) (*os.File, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s: %w", path, describeMode(st.Mode()), ErrNotRegularInput)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("%s is %s: %w", path, describeMode(st.Mode()), ErrNotRegularInput)
		}
		return nil, err
	}
	noteInput(st)
	return f, nil
}

// ReadFile reads a whole regular file of at most limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, more than the %d this input may hold: %w", path, st.Size(), limit, ErrTooLarge)
	}
	b := make([]byte, st.Size())
	n, err := io.ReadFull(f, b)
	if err != nil {
		return nil, err
	}
	return b[:n], nil
}

// ErrTooLarge marks an input past a documented bound.
var ErrTooLarge = errors.New("input too large")

// OpenFS opens name in fsys if it is a regular file, with the same checks
// as Open; fsys's Stat must not open the file (os.DirFS's does not).
func OpenFS(fsys fs.FS, name string) (fs.File, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s: %w", name, describeMode(st.Mode()), ErrNotRegularInput)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	st, err = f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("%s is %s: %w", name, describeMode(st.Mode()), ErrNotRegularInput)
		}
		return nil, err
	}
	noteInput(st)
	return f, nil
}
