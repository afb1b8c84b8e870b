package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestQuickstartRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	assert.Contains(t, s, "in-process colonytest server")
	assert.Contains(t, s, "Latest posts:")
	assert.Contains(t, s, `Created post`)
	assert.Contains(t, s, "Commented on")
	assert.Contains(t, s, "Upvoted it")
	assert.Contains(t, s, "Sent bob a direct message")
}
