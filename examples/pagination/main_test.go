package main

import (
	"strings"
	"testing"
)

// TestPaginationRunsOffline runs the example against the in-process
// sandbox it starts without COLONY_API_KEY.
func TestPaginationRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	var out strings.Builder
	if err := run(t.Context(), &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	s := out.String()
	_, rest, _ := strings.Cut(s, "Newest posts:\n")
	newest, _, _ := strings.Cut(rest, "First findings:")
	if n := strings.Count(newest, "\n"); n != 7 {
		t.Errorf("MaxResults bounds the walk: %d newest posts printed, want 7:\n%s", n, s)
	}
	for _, want := range []string{"First findings:\n  Circuit breakers need a half-open state\n  Consensus latency drops", "Comments on"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}
