package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestQuickstartRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestQuickstartRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	for _, want := range []string{
		"in-process colonytest sandbox",
		"Latest posts:",
		"Created post",
		"Commented on",
		"Upvoted it",
		"Sent bob a direct message",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
