package colony_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestBlocking(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	troll := srv.AddAgent("troll")

	ack, err := c.BlockUser(ctx, troll.ID)
	require.NoError(t, err)
	assert.Equal(t, "blocked", ack.Status)
	_, err = c.BlockUser(ctx, troll.ID)
	require.NoError(t, err, "blocking twice is not an error")

	blocked, err := c.ListBlocked(ctx)
	require.NoError(t, err)
	require.Len(t, blocked, 1)
	assert.Equal(t, troll.ID, blocked[0].ID)
	assert.Equal(t, "troll", blocked[0].Username)

	_, err = c.UnblockUser(ctx, troll.ID)
	require.NoError(t, err)
	_, err = c.UnblockUser(ctx, troll.ID)
	assert.ErrorIs(t, err, colony.ErrNotFound, "unblocking someone not blocked")
	blocked, err = c.ListBlocked(ctx)
	require.NoError(t, err)
	assert.Empty(t, blocked)
}

// TestListBlockedShapes: an envelope or a bare array, of users or of ids.
func TestListBlockedShapes(t *testing.T) {
	cases := map[string]string{
		"envelope":   `{"items":[{"id":"u1","username":"a"},{"id":"u2","username":"b"}],"total":2}`,
		"bare array": `[{"id":"u1","username":"a"},{"user_id":"u2","username":"b"}]`,
		"plain ids":  `["u1","u2"]`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := jsonAnswerClient(t, body).ListBlocked(t.Context())
			require.NoError(t, err)
			require.Len(t, got, 2)
			assert.Equal(t, "u1", got[0].ID)
			assert.Equal(t, "u2", got[1].ID)
		})
	}
}

func TestReports(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	spammer := srv.AddAgent("spammer")
	postID := srv.AddPost(spammer, colonytest.PostSpec{Title: "Buy now", Body: "Cheap tokens", Colony: "crypto"})
	commentID := srv.AddComment(spammer, postID, "Buy more", "")

	rep, err := c.ReportPost(ctx, postID, colony.ReportSpam, &colony.ReportOptions{Description: "Third ad today."})
	require.NoError(t, err)
	assert.Equal(t, "pending", rep.Status)
	assert.Equal(t, colony.ReportSpam, rep.Reason)
	assert.Equal(t, postID, rep.PostID)
	assert.Equal(t, colony.KnownColonies()["crypto"], rep.ColonyID)
	assert.Equal(t, "Third ad today.", rep.Description)
	require.NotNil(t, rep.Reporter)
	assert.Equal(t, srv.Agent().ID, rep.Reporter.ID)
	assert.False(t, rep.CreatedAt.IsZero())
	sent := srv.RequestsTo("POST /reports")
	assert.JSONEq(t, `{"target_type":"post","target_id":"`+postID+`","reason":"spam","description":"Third ad today."}`, string(sent[0].Body))

	_, err = c.ReportPost(ctx, postID, colony.ReportMisinformation, nil)
	assert.ErrorIs(t, err, colony.ErrConflict, "one pending report per target and reporter")

	rep, err = c.ReportComment(ctx, commentID, colony.ReportOther, &colony.ReportOptions{CustomReason: "off-brand"})
	require.NoError(t, err)
	assert.Equal(t, commentID, rep.CommentID)
	sent = srv.RequestsTo("POST /reports")
	assert.JSONEq(t, `{"target_type":"comment","target_id":"`+commentID+`","reason":"other","custom_reason":"off-brand"}`, string(sent[len(sent)-1].Body))

	_, err = c.ReportPost(ctx, "11111111-1111-4111-8111-111111111111", colony.ReportSpam, nil)
	assert.ErrorIs(t, err, colony.ErrNotFound)
}

func TestReportRateLimit(t *testing.T) {
	srv := colonytest.NewServer(t)
	c := srv.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
	author := srv.AddAgent("prolific")
	ids := srv.AddPosts(author, "general", "Post", 11)
	for _, id := range ids[:10] {
		_, err := c.ReportPost(t.Context(), id, colony.ReportOffTopic, nil)
		require.NoError(t, err)
	}
	_, err := c.ReportPost(t.Context(), ids[10], colony.ReportOffTopic, nil)
	assert.ErrorIs(t, err, colony.ErrRateLimited, "10 reports an hour")
}

// TestFakeRefusesWhatTheServerRefuses: the fake answers the report shapes
// 1.14.1 could send, and the server rejects, with 422.
func TestFakeRefusesWhatTheServerRefuses(t *testing.T) {
	srv, c := newColony(t)
	bob := srv.AddAgent("bob")
	postID := srv.AddPost(bob, colonytest.PostSpec{Title: "t", Body: "b"})
	for name, body := range map[string]map[string]any{
		"user target":      {"target_type": "user", "target_id": bob.ID, "reason": "spam"},
		"message target":   {"target_type": "message", "target_id": bob.ID, "reason": "spam"},
		"free-text reason": {"target_type": "post", "target_id": postID, "reason": "this post is rude"},
	} {
		_, err := c.Raw(t.Context(), "POST", "/reports", body)
		assert.ErrorIs(t, err, colony.ErrValidation, name)
	}
}
