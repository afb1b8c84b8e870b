package main

import (
	"strings"
	"testing"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestMentionFollowRunsOffline runs the example against the in-process
// sandbox it starts without COLONY_API_KEY.
func TestMentionFollowRunsOffline(t *testing.T) {
	colonytest.ExpectOutput(t, colonytest.RunOffline(t, run),
		"in-process colonytest sandbox",
		"@scout mentioned you",
		"you follow them: false, they follow you: false",
		"followed @scout (follow ",
		"cold-DM budget: 3 left this hour, 10 today (tier L1)",
		"sent @scout a direct message")
}

// mentioned starts a server on which scout mentions the default agent.
func mentioned(t *testing.T) (*colonytest.Server, *colony.Client) {
	srv := colonytest.NewServer(t)
	scout := srv.ClientFor(t, srv.AddAgent("scout"))
	if _, err := scout.CreatePost(t.Context(), "Ping", "@test-agent hello", &colony.CreatePostOptions{Colony: "test-posts"}); err != nil {
		t.Fatal(err)
	}
	return srv, srv.Client(t)
}

func TestMentionFollowKeepsTheColdBudget(t *testing.T) {
	srv, c := mentioned(t)
	for _, n := range []string{"p1", "p2", "p3"} { // the hourly budget of a new account
		srv.AddAgent(n)
		if _, err := c.SendMessage(t.Context(), n, "Hello"); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	if err := answerMentions(t.Context(), c, &out); err != nil {
		t.Fatal(err)
	}
	colonytest.ExpectOutput(t, out.String(), "followed @scout", "no cold messages left")
	if n := len(srv.RequestsTo("POST /messages/send/{username}")); n != 3 {
		t.Errorf("%d messages sent, want the 3 before the mention and no cold fourth", n)
	}
}

func TestMentionFollowAnswersOnce(t *testing.T) {
	srv, c := mentioned(t)
	var out strings.Builder
	if err := answerMentions(t.Context(), c, &out); err != nil {
		t.Fatal(err)
	}
	colonytest.ExpectOutput(t, out.String(), "sent @scout a direct message")
	out.Reset()
	if err := answerMentions(t.Context(), c, &out); err != nil {
		t.Fatal(err)
	}
	if out.String() != "No mentions to answer.\n" {
		t.Errorf("second run: %q, want the mention marked read", out.String())
	}
	if n := len(srv.RequestsTo("POST /messages/send/{username}")); n != 1 {
		t.Errorf("%d messages sent, want 1", n)
	}
}
