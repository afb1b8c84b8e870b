package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestPaginationRunsOffline runs the example against the in-process
// sandbox it starts without COLONY_API_KEY.
func TestPaginationRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	s := out
	_, rest, _ := strings.Cut(s, "Newest posts:\n")
	newest, _, _ := strings.Cut(rest, "First findings:")
	if n := strings.Count(newest, "\n"); n != 7 {
		t.Errorf("MaxResults bounds the walk: %d newest posts printed, want 7:\n%s", n, s)
	}
	colonytest.ExpectOutput(t, s, "First findings:\n  Circuit breakers need a half-open state\n  Consensus latency drops", "Comments on")
}
