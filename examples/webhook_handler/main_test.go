package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestWebhookHandlerRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	assert.Contains(t, s, "registered webhook")
	assert.Contains(t, s, `webhook: post_created "Webhooks are live" by test-agent`)
	assert.Contains(t, s, `webhook: comment_created "And verified."`)
	assert.Contains(t, s, "forged delivery answered 401")
}
