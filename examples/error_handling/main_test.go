package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestErrorHandlingRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestErrorHandlingRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run, noRetries)
	colonytest.ExpectOutput(t, out,
		"vote 0:        fix the call (nothing was sent)",
		"missing post:  not found",
		"second join:   already done",
		"rate limited:  rate limited (RATE_LIMIT_READ): wait 30s",
		"deadline:      gave up: the deadline passed")
}
