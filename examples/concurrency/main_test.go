package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestConcurrencyRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestConcurrencyRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, out,
		"Fetched 8 post contexts concurrently over one client.")
}
