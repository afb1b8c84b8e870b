package main

import (
	"strings"
	"testing"
)

// TestConcurrencyRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestConcurrencyRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out strings.Builder
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	for _, want := range []string{
		"Fetched 8 post contexts concurrently over one client.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
