package main

import (
	"strings"
	"testing"
)

// TestIdempotentWritesRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestIdempotentWritesRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out strings.Builder
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	for _, want := range []string{
		"(replayed: false)",
		"(replayed: true, same post: true)",
		"Same key, different body refused: true",
		"sent after 3 attempts; alice's thread has 1 message(s)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
