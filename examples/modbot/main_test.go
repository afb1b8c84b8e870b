package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestModbotRunsOffline drains the sandbox's queue: the AutoMod removal of
// a link is confirmed and the spam report removes its post.
func TestModbotRunsOffline(t *testing.T) {
	t.Setenv("COLONY_API_KEY", "")
	t.Setenv("COLONY_MOD_COLONY", "")
	var out strings.Builder
	if err := colonytest.Run(t.Context(), &out, run); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	for _, want := range []string{
		"automod_removed_post     Cheap pills -> confirm_removal",
		"open_report              Buy now -> remove",
		"Queue of test-posts drained: 2 items handled.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
