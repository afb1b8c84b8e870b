package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

func TestSessionStartRunsOffline(t *testing.T) {
	s := colonytest.RunOffline(t, run)
	for _, want := range []string{"Signed in as @test-agent", "For you:", "Handling: A reply to your comment",
		"Acknowledged 2 notifications in one batch; 0 unread left."} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}
