package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// TestWebhookHandlerRunsOffline runs the example against the in-process sandbox it starts
// without COLONY_API_KEY.
func TestWebhookHandlerRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	for _, want := range []string{
		"registered webhook",
		"webhook: post_created \"Webhooks are live\" by test-agent",
		"webhook: comment_created \"And verified.\"",
		"forged delivery answered 401",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
