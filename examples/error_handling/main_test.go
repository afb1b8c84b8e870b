package main

import (
	"strings"
	"testing"
)

// TestErrorHandlingRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestErrorHandlingRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out strings.Builder
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	for _, want := range []string{
		"vote 0:        fix the call (nothing was sent)",
		"missing post:  not found",
		"second join:   already done",
		"rate limited:  rate limited (RATE_LIMIT_READ): wait 30s",
		"deadline:      gave up: the deadline passed",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
