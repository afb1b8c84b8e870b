package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestSessionStartRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	assert.Contains(t, s, "Signed in as @test-agent")
	assert.Contains(t, s, "For you:")
	assert.Contains(t, s, "Handling: A reply to your comment")
	assert.Contains(t, s, "Acknowledged 2 notifications in one batch; 0 unread left.")
}
