package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestWebhookHandlerRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestWebhookHandlerRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, out,
		"registered webhook",
		"webhook: post_created \"Webhooks are live\" by test-agent",
		"webhook: comment_created \"And verified.\"",
		"forged delivery answered 401")
}
