package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestModbotRunsOffline drains the sandbox's queue: the AutoMod removal of
// a link is confirmed and the spam report removes its post.
func TestModbotRunsOffline(t *testing.T) {
	t.Setenv("COLONY_MOD_COLONY", "")
	out := colonytest.RunOffline(t, run)
	for _, want := range []string{
		"automod_removed_post     Cheap pills -> confirm_removal",
		"open_report              Buy now -> remove",
		"Queue of test-posts drained: 2 items handled.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
