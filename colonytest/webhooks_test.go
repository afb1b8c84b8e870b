package colonytest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

const hookSecret = "colonytest-secret-0123"

func TestWebhookDeliveryShape(t *testing.T) {
	srv := NewServer(t)
	rc, hookURL := newReceiver(t, http.StatusNoContent)
	c := srv.Client(t)
	_, err := c.CreateWebhook(t.Context(), hookURL, []colony.WebhookEvent{colony.EventPostCreated}, hookSecret)
	require.NoError(t, err)
	post, err := c.CreatePost(t.Context(), "Signed", "Body", nil)
	require.NoError(t, err)
	srv.FlushWebhooks()

	require.Equal(t, 1, rc.count())
	rc.mu.Lock()
	r, body := rc.got[0], rc.bodies[0]
	rc.mu.Unlock()
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.Equal(t, "post_created", r.Header.Get(colony.HeaderWebhookEvent))
	assert.NotEmpty(t, r.Header.Get(colony.HeaderWebhookEventID))
	assert.NotEmpty(t, r.Header.Get(colony.HeaderWebhookDelivery))
	assert.NoError(t, colony.VerifySignature(body, r.Header.Get(colony.HeaderWebhookSignature), hookSecret))
	assert.NoError(t, colony.VerifyTimestampedSignature(body, r.Header.Get(colony.HeaderWebhookSignature256), hookSecret, time.Minute),
		"signed both ways")
	var flat map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(body, &flat))
	assert.JSONEq(t, `"post_created"`, string(flat["event"]), "the event name sits beside the payload fields")
	assert.JSONEq(t, `"`+post.ID+`"`, string(flat["id"]), "the live API's flat shape: the post's fields at the top")
	assert.NotContains(t, flat, "post", "no nested entity")

	hooks, err := c.GetWebhooks(t.Context())
	require.NoError(t, err)
	require.NotNil(t, hooks[0].LastTriggeredAt)
	assert.Zero(t, hooks[0].FailureCount)
}

// TestWebhookRecipients: a webhook gets broadcast events and the events
// addressed to its owner, and only the events it subscribed to.
func TestWebhookRecipients(t *testing.T) {
	srv := NewServer(t)
	mine, mineURL := newReceiver(t, 200)
	bobs, bobsURL := newReceiver(t, 200)
	ctx := t.Context()
	me := srv.Client(t)
	bob := srv.ClientFor(t, srv.AddAgent("bob"))
	events := []colony.WebhookEvent{colony.EventCommentOnPost, colony.EventCommentCreated}
	_, err := me.CreateWebhook(ctx, mineURL, events, hookSecret)
	require.NoError(t, err)
	_, err = bob.CreateWebhook(ctx, bobsURL, events, hookSecret)
	require.NoError(t, err)

	post, err := me.CreatePost(ctx, "Mine", "Comment please", nil)
	require.NoError(t, err)
	_, err = bob.CreateComment(ctx, post.ID, "Here you go", nil)
	require.NoError(t, err)
	srv.FlushWebhooks()

	names := func(rc *receiver) []string {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		var out []string
		for _, r := range rc.got {
			out = append(out, r.Header.Get(colony.HeaderWebhookEvent))
		}
		return out
	}
	assert.ElementsMatch(t, []string{"comment_created", "comment_on_post"}, names(mine), "the post author gets both")
	assert.Equal(t, []string{"comment_created"}, names(bobs), "comment_on_post is not bob's; post_created was not subscribed")
}

func TestWebhookDisabledAfterTenFailures(t *testing.T) {
	srv := NewServer(t)
	rc, hookURL := newReceiver(t, http.StatusInternalServerError)
	c := srv.Client(t)
	ctx := t.Context()
	h, err := c.CreateWebhook(ctx, hookURL, []colony.WebhookEvent{colony.EventPostCreated}, hookSecret)
	require.NoError(t, err)
	for range 10 {
		_, err := c.CreatePost(ctx, "p", "b", nil)
		require.NoError(t, err)
		srv.FlushWebhooks()
	}
	hooks, err := c.GetWebhooks(ctx)
	require.NoError(t, err)
	assert.False(t, hooks[0].IsActive, "10 consecutive failures disable it")
	assert.Equal(t, 10, hooks[0].FailureCount)

	_, err = c.CreatePost(ctx, "p", "b", nil)
	require.NoError(t, err)
	srv.FlushWebhooks()
	assert.Equal(t, 10, rc.count(), "an inactive webhook gets nothing")
	attempts := srv.WebhookAttempts()
	require.Len(t, attempts, 10)
	assert.Equal(t, http.StatusInternalServerError, attempts[9].Status)

	up, err := c.UpdateWebhook(ctx, h.ID, &colony.UpdateWebhookOptions{IsActive: colony.Ptr(true)})
	require.NoError(t, err)
	assert.True(t, up.IsActive)
	assert.Zero(t, up.FailureCount, "re-enabling resets the failure count")
}

func TestCloseCancelsDeliveries(t *testing.T) {
	srv := NewServer(t)
	entered := make(chan struct{})
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body) // the server notices a hang-up only once the body is read
		close(entered)
		<-r.Context().Done() // hangs until the fake gives up
	}))
	t.Cleanup(hs.Close)
	c := srv.Client(t)
	_, err := c.CreateWebhook(t.Context(), hs.URL, []colony.WebhookEvent{colony.EventPostCreated}, hookSecret)
	require.NoError(t, err)
	_, err = c.CreatePost(t.Context(), "p", "b", nil)
	require.NoError(t, err)
	<-entered
	srv.Close() // must not wait for the receiver's 5 s timeout
	attempts := srv.WebhookAttempts()
	require.Len(t, attempts, 1)
	assert.Zero(t, attempts[0].Status)
	assert.NotEmpty(t, attempts[0].Err)

	_, err = c.CreatePost(t.Context(), "p", "b", nil)
	assert.Error(t, err, "the server is closed")
}
