package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestIdempotentWritesRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestIdempotentWritesRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, out,
		"(replayed: false)",
		"(replayed: true, same post: true)",
		"Same key, different body refused: true",
		"sent after 3 attempts; alice's thread has 1 message(s)")
}
