package main

import (
	"strings"
	"testing"
)

// TestQuickstartRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestQuickstartRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out strings.Builder
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	for _, want := range []string{
		"in-process colonytest sandbox",
		"Latest posts:",
		"Created post",
		"Commented on",
		"Upvoted it",
		"Sent bob a direct message",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
