package main

import (
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

func TestSessionStartRunsOffline(t *testing.T) {
	s := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, s,
		"Signed in as @test-agent", "For you:", "Handling: A reply to your comment",
		"Acknowledged 2 notifications in one batch; 0 unread left.")
}
