package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestConcurrencyRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestConcurrencyRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	for _, want := range []string{
		"Fetched 8 post contexts concurrently over one client.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
