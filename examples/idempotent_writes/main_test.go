package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestIdempotentWritesRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestIdempotentWritesRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	for _, want := range []string{
		"(replayed: false)",
		"(replayed: true, same post: true)",
		"Same key, different body refused: true",
		"sent after 3 attempts; alice's thread has 1 message(s)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
