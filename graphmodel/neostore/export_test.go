package neostore

import "time"

// SetPinWait shortens how long readers wait for a switch, for tests.
func SetPinWait(d time.Duration) (restore func()) {
	old := pinWait
	pinWait = d
	return func() { pinWait = old }
}
