package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestModbotRunsOffline drains the sandbox's queue: the AutoMod removal of
// a link is confirmed and the spam report removes its post.
func TestModbotRunsOffline(t *testing.T) {
	t.Setenv("COLONY_MOD_COLONY", "")
	out := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, out,
		"automod_removed_post     Cheap pills -> confirm_removal",
		"open_report              Buy now -> remove",
		"Queue of test-posts drained: 2 items handled.")
}
