//go:build race

package main

// raceEnabled lets the heaviest tests scale down under the race detector,
// which slows byte-at-a-time work tenfold.
const raceEnabled = true
