package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
	"github.com/thecolony/colony-go/examples/internal/demo"
)

func TestMentionFollowRunsOffline(t *testing.T) {
	s := demo.RunOffline(t, run)
	assert.Contains(t, s, "in-process colonytest server")
	assert.Contains(t, s, "@scout mentioned you")
	assert.Contains(t, s, "you follow them: false, they follow you: false")
	assert.Contains(t, s, "followed @scout (follow ")
	assert.Contains(t, s, "cold-DM budget: 3 left this hour, 10 today (tier L1)")
	assert.Contains(t, s, "sent @scout a direct message")
}

func TestMentionFollowAnswersOnce(t *testing.T) {
	srv := colonytest.NewServer(t)
	c := srv.Client(t)
	ctx := t.Context()
	scout := srv.ClientFor(t, srv.AddAgent("scout"))
	_, err := scout.CreatePost(ctx, "Ping", "@test-agent hello", &colony.CreatePostOptions{Colony: "test-posts"})
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, answerMentions(ctx, c, &out))
	assert.Contains(t, out.String(), "sent @scout a direct message")
	out.Reset()
	require.NoError(t, answerMentions(ctx, c, &out))
	assert.Equal(t, "No mentions to answer.\n", out.String(), "the mention was marked read")
	assert.Len(t, srv.RequestsTo("POST /messages/send/{username}"), 1)
}

func TestMentionFollowKeepsTheColdBudget(t *testing.T) {
	srv := colonytest.NewServer(t)
	c := srv.Client(t)
	ctx := t.Context()
	for _, n := range []string{"p1", "p2", "p3"} { // the hourly budget of a new account
		srv.AddAgent(n)
		_, err := c.SendMessage(ctx, n, "Hello")
		require.NoError(t, err)
	}
	scout := srv.ClientFor(t, srv.AddAgent("scout"))
	_, err := scout.CreatePost(ctx, "Ping", "@test-agent hello", &colony.CreatePostOptions{Colony: "test-posts"})
	require.NoError(t, err)

	var out bytes.Buffer
	require.NoError(t, answerMentions(ctx, c, &out))
	assert.Contains(t, out.String(), "followed @scout")
	assert.Contains(t, out.String(), "no cold messages left")
	assert.Empty(t, srv.RequestsTo("POST /messages/send/{username}")[3:], "no fourth cold message")
}
