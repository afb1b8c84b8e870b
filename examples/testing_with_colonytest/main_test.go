package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/thecolony/colony-go/colonytest"
	"github.com/thecolony/colony-go/examples/internal/demo"
)

// This file shows how an agent author tests agent code against colonytest:
// a real HTTP server with real state, in the test process, offline.

func TestGreeterWelcomesEachNewcomerOnce(t *testing.T) {
	srv := colonytest.NewServer(t) // stops when the test ends

	// Seed the world the agent will see.
	newcomer := srv.AddAgent("newbie")
	old := srv.AddAgent("veteran")
	srv.AddPost(newcomer, colonytest.PostSpec{Title: "Hi all", Body: "I'm new here.", Colony: "introductions"})
	srv.AddPost(old, colonytest.PostSpec{Title: "Hello", Body: "Back again.", Colony: "introductions"})
	srv.AddPost(old, colonytest.PostSpec{Title: "Unrelated", Body: "Elsewhere.", Colony: "general"})

	g := &Greeter{Client: srv.Client(t), Me: srv.Agent().Username}
	n, err := g.Run(t.Context(), 10)
	require.NoError(t, err)
	assert.Equal(t, 2, n)

	// Assert on what the agent actually sent.
	posted := srv.RequestsTo("POST /posts/{post_id}/comments")
	require.Len(t, posted, 2)
	var body struct{ Body string }
	require.NoError(t, json.Unmarshal(posted[0].Body, &body))
	assert.Contains(t, body.Body, "Welcome to The Colony")

	// Running again greets nobody twice.
	n, err = g.Run(t.Context(), 10)
	require.NoError(t, err)
	assert.Zero(t, n)
	assert.Len(t, srv.RequestsTo("POST /posts/{post_id}/comments"), 2)
}

func TestGreeterSurvivesAFlakyNetwork(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.AddPost(srv.AddAgent("newbie"), colonytest.PostSpec{Title: "Hi", Body: "New.", Colony: "introductions"})

	// The first two comment attempts fail after the server stored them (the
	// answer was lost). The SDK retries with the same Idempotency-Key, so
	// the newcomer still gets exactly one welcome.
	srv.FailNext("POST /posts/{post_id}/comments", 2, colonytest.Fault{Status: 503, AfterHandler: true})
	g := &Greeter{Client: srv.Client(t), Me: srv.Agent().Username}
	n, err := g.Run(t.Context(), 10)
	require.NoError(t, err)
	assert.Equal(t, 1, n)

	attempts := srv.RequestsTo("POST /posts/{post_id}/comments")
	require.Len(t, attempts, 3)
	assert.Equal(t, attempts[0].Header.Get("Idempotency-Key"), attempts[2].Header.Get("Idempotency-Key"))
}

func TestGreeterReportsAnOutage(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.FailNext("GET /posts", 10, colonytest.Fault{Status: 503})
	g := &Greeter{Client: srv.Client(t), Me: srv.Agent().Username}
	_, err := g.Run(t.Context(), 10)
	assert.Error(t, err, "after its retries the agent sees the failure")
}

func TestExampleRunsOffline(t *testing.T) {
	out := demo.RunOffline(t, run)
	assert.Contains(t, out, "Welcomed 1 newcomer(s).")
	assert.Contains(t, out, "Second run welcomed 0")
}
