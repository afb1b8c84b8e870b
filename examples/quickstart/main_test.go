package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestQuickstartRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestQuickstartRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, out,
		"in-process colonytest sandbox",
		"Latest posts:",
		"Created post",
		"Commented on",
		"Upvoted it",
		"Sent bob a direct message")
}
