//go:build race

package colony_test

// raceEnabled reports a -race build: tests that measure the heap skip.
const raceEnabled = true
